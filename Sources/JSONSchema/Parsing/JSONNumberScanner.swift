/// Reads one JSON number literal (RFC 8259 grammar) from UTF-8 bytes into an exact `JSONNumber`.
enum JSONNumberScanner {
    struct Scanned {
        var number: JSONNumber
        /// Offset just past the literal.
        var end: Int
    }

    enum Failure: Error {
        /// The literal breaks the grammar at `offset`; `expected` says what should come there.
        case malformed(offset: Int, expected: String)
        case exponentOutOfRange(offset: Int)
    }

    /// Scans a literal starting at `start`; nil when it is malformed.
    static func scan(_ bytes: [UInt8], from start: Int) -> Scanned? {
        try? scanReportingFailure(bytes, from: start)
    }

    static func scanReportingFailure(_ bytes: [UInt8], from start: Int) throws(Failure) -> Scanned {
        var offset = start
        var isNegative = false
        var digits: [UInt8] = []
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            isNegative = true
            offset += 1
        }
        guard offset < bytes.count, isDigit(bytes[offset]) else {
            throw .malformed(offset: offset, expected: "a digit")
        }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) {
                throw .malformed(offset: offset, expected: "'.', 'e' or the end of the number (no leading zeros)")
            }
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) {
                digits.append(bytes[offset] - UInt8(ascii: "0"))
                offset += 1
            }
        }
        var fractionDigits = 0
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw .malformed(offset: offset, expected: "a digit after the decimal point")
            }
            while offset < bytes.count, isDigit(bytes[offset]) {
                digits.append(bytes[offset] - UInt8(ascii: "0"))
                fractionDigits += 1
                offset += 1
            }
        }
        var exponent = 0
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            var exponentIsNegative = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                exponentIsNegative = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                throw .malformed(offset: offset, expected: "a digit in the exponent")
            }
            let exponentStart = offset
            while offset < bytes.count, isDigit(bytes[offset]) {
                exponent = exponent * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
                if exponent > 1_000_000_000 { throw .exponentOutOfRange(offset: exponentStart) }
                offset += 1
            }
            if exponentIsNegative { exponent = -exponent }
        }
        let number = JSONNumber(isNegative: isNegative, digits: digits, exponent: exponent - fractionDigits)
        return Scanned(number: number, end: offset)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
