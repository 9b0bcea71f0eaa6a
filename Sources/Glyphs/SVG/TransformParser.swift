/// Parses a `transform` or `gradientTransform` list: matrix, translate, scale, rotate (with an
/// optional centre), skewX and skewY, applied left to right as SVG specifies.
enum TransformParser {
    struct Failure: Error {
        let detail: String
    }

    static func parse(_ text: String) throws(Failure) -> AffineTransform {
        var scanner = NumberScanner(text)
        var result = AffineTransform.identity
        scanner.skipSeparator()
        while !scanner.isAtEnd {
            let nameStart = scanner.position
            while let byte = scanner.current, (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                scanner.position += 1
            }
            let name = String(decoding: scanner.bytes[nameStart..<scanner.position], as: UTF8.self)
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "(") else { throw Failure(detail: "expected '(' after '\(name)'") }
            scanner.position += 1
            var arguments: [Double] = []
            scanner.skipWhitespace()
            while scanner.current != UInt8(ascii: ")") {
                guard let value = scanner.number() else { throw Failure(detail: "expected a number or ')' in \(name)(...)") }
                arguments.append(value)
                scanner.skipSeparator()
            }
            scanner.position += 1
            result = result.concatenating(try make(name, arguments))
            scanner.skipSeparator()
        }
        return result
    }

    private static func make(_ name: String, _ values: [Double]) throws(Failure) -> AffineTransform {
        switch (name, values.count) {
        case ("matrix", 6):
            return AffineTransform(a: values[0], b: values[1], c: values[2], d: values[3], e: values[4], f: values[5])
        case ("translate", 1): return .translation(values[0], 0)
        case ("translate", 2): return .translation(values[0], values[1])
        case ("scale", 1): return .scale(values[0], values[0])
        case ("scale", 2): return .scale(values[0], values[1])
        case ("rotate", 1): return .rotation(degrees: values[0])
        case ("rotate", 3):
            return AffineTransform.translation(values[1], values[2])
                .concatenating(.rotation(degrees: values[0]))
                .concatenating(.translation(-values[1], -values[2]))
        case ("skewX", 1): return .skewX(degrees: values[0])
        case ("skewY", 1): return .skewY(degrees: values[0])
        default:
            throw Failure(detail: "\(name)() with \(values.count) arguments is not a transform function")
        }
    }
}
