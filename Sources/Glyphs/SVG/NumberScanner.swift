/// Reads SVG numbers, flags and separators from attribute text, byte by byte and independent of
/// locale. Numbers may run together as SVG allows (`1.5.5` is 1.5 then .5, `1-2` is 1 then -2).
struct NumberScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
            position += 1
        }
    }

    /// Skips whitespace and at most one comma.
    mutating func skipSeparator() {
        skipWhitespace()
        if current == UInt8(ascii: ",") {
            position += 1
            skipWhitespace()
        }
    }

    mutating func number() -> Double? {
        skipWhitespace()
        let start = position
        if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1; digits += 1 }
        if current == UInt8(ascii: ".") {
            position += 1
            while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1; digits += 1 }
        }
        guard digits > 0 else {
            position = start
            return nil
        }
        if let e = current, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let mark = position
            position += 1
            if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            var exponentDigits = 0
            while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1; exponentDigits += 1 }
            if exponentDigits == 0 { position = mark }
        }
        return Double(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// An arc flag: a single `0` or `1`, which may be followed directly by the next value.
    mutating func flag() -> Bool? {
        skipWhitespace()
        guard let byte = current, byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else { return nil }
        position += 1
        return byte == UInt8(ascii: "1")
    }

    /// Every number in a list such as `points` or `viewBox`, or nil if something else is in it.
    static func numberList(_ text: String) -> [Double]? {
        var scanner = NumberScanner(text)
        var numbers: [Double] = []
        scanner.skipWhitespace()
        while !scanner.isAtEnd {
            guard let value = scanner.number() else { return nil }
            numbers.append(value)
            scanner.skipSeparator()
        }
        return numbers
    }
}
