/// Parses the `d` attribute of `<path>`: every command in absolute and relative form, implicit
/// repetition (extra coordinates after `M` are line-tos), smooth curves reflecting the previous
/// control point, and arcs (converted to cubics). Malformed data is an error, not a partial path.
enum PathDataParser {
    struct Failure: Error {
        let detail: String
    }

    static func parse(_ data: String) throws(Failure) -> VectorPath {
        var scanner = NumberScanner(data)
        var path = VectorPath()
        var pen = Point.zero, subpathStart = Point.zero
        var lastControl: Point?
        var lastCommand: UInt8?
        var command: UInt8?

        scanner.skipWhitespace()
        while !scanner.isAtEnd {
            if let byte = scanner.current, Self.commands.contains(byte) {
                command = byte
                scanner.position += 1
            } else if command == nil {
                throw Failure(detail: "path data must start with a moveto command (M or m)")
            } else if command == UInt8(ascii: "Z") || command == UInt8(ascii: "z") {
                throw Failure(detail: "unexpected number after closepath at offset \(scanner.position)")
            }
            guard let letter = command else { break }
            if lastCommand == nil, letter != UInt8(ascii: "M"), letter != UInt8(ascii: "m") {
                throw Failure(detail: "path data must start with a moveto command (M or m)")
            }
            let relative = letter >= UInt8(ascii: "a")
            let base = relative ? pen : .zero

            func number() throws(Failure) -> Double {
                scanner.skipSeparator()
                guard let value = scanner.number() else {
                    throw Failure(detail: "expected a number for '\(Character(Unicode.Scalar(letter)))' at offset \(scanner.position)")
                }
                return value
            }
            func point() throws(Failure) -> Point {
                let x = try number()
                let y = try number()
                return Point(x, y) + base
            }
            func flag() throws(Failure) -> Bool {
                scanner.skipSeparator()
                guard let value = scanner.flag() else { throw Failure(detail: "expected an arc flag 0 or 1 at offset \(scanner.position)") }
                return value
            }

            var control: Point?
            switch letter | 0x20 {
            case UInt8(ascii: "m"):
                pen = try point()
                subpathStart = pen
                path.move(to: pen)
                command = relative ? UInt8(ascii: "l") : UInt8(ascii: "L")
            case UInt8(ascii: "l"):
                pen = try point()
                path.line(to: pen)
            case UInt8(ascii: "h"):
                pen = Point(try number() + base.x, pen.y)
                path.line(to: pen)
            case UInt8(ascii: "v"):
                pen = Point(pen.x, try number() + base.y)
                path.line(to: pen)
            case UInt8(ascii: "c"), UInt8(ascii: "s"):
                let first: Point
                if letter | 0x20 == UInt8(ascii: "c") {
                    first = try point()
                } else if let previous = lastCommand, Self.cubicCommands.contains(previous | 0x20), let last = lastControl {
                    first = pen * 2 - last
                } else {
                    first = pen
                }
                let second = try point()
                let end = try point()
                path.cubic(to: end, control1: first, control2: second)
                control = second
                pen = end
            case UInt8(ascii: "q"), UInt8(ascii: "t"):
                let handle: Point
                if letter | 0x20 == UInt8(ascii: "q") {
                    handle = try point()
                } else if let previous = lastCommand, Self.quadCommands.contains(previous | 0x20), let last = lastControl {
                    handle = pen * 2 - last
                } else {
                    handle = pen
                }
                let end = try point()
                path.quad(to: end, control: handle)
                control = handle
                pen = end
            case UInt8(ascii: "a"):
                let rx = try number(), ry = try number(), rotation = try number()
                let large = try flag(), sweep = try flag()
                let end = try point()
                ArcConversion.appendArc(to: &path, from: pen, radiusX: rx, radiusY: ry, rotationDegrees: rotation,
                                        largeArc: large, sweep: sweep, end: end)
                pen = end
            default:
                path.close()
                pen = subpathStart
            }
            lastControl = control
            lastCommand = letter
            scanner.skipSeparator()
        }
        return path
    }

    private static let commands = Set("MmLlHhVvCcSsQqTtAaZz".utf8)
    private static let cubicCommands: Set<UInt8> = [UInt8(ascii: "c"), UInt8(ascii: "s")]
    private static let quadCommands: Set<UInt8> = [UInt8(ascii: "q"), UInt8(ascii: "t")]
}
