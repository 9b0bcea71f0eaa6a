/// A strict RFC 8259 JSON parser that keeps object key order and numbers exactly.
///
/// Rejected: comments, trailing commas, single quotes, leading zeros, `NaN`/`Infinity`,
/// unescaped control characters, unpaired surrogates, and duplicate keys in one object
/// (RFC 8259 leaves duplicates undefined; JSON Schema documents with them are ambiguous,
/// so they are an error naming the key). Any JSON value may be the top-level value.
package struct JSONParser {
    /// Deepest array/object nesting accepted; guards the recursive descent against stack overflow.
    package static let defaultMaximumDepth = 512

    let bytes: [UInt8]
    private let sourceName: String?
    private let maximumDepth: Int
    var offset = 0
    private var depth = 0

    private init(bytes: [UInt8], sourceName: String?, maximumDepth: Int) {
        self.bytes = bytes
        self.sourceName = sourceName
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON document. `sourceName` (a file name) prefixes error messages.
    package static func parse(
        _ text: String, sourceName: String? = nil, maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8), sourceName: sourceName, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 bytes (for example file contents); invalid UTF-8 is reported with its position.
    package static func parse(
        utf8 bytes: [UInt8], sourceName: String? = nil, maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, sourceName: sourceName, maximumDepth: maximumDepth)
        if let invalidOffset = TextPosition.firstInvalidUTF8Offset(in: bytes) {
            throw parser.error(.invalidUTF8, at: invalidOffset)
        }
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if offset < bytes.count {
            throw unexpected("the end of the document")
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard offset < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: "a value"), at: offset)
        }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected("a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        offset += 1
        var object = JSONObject()
        skipWhitespace()
        if try consumeIf(UInt8(ascii: "}"), orExpected: "a string key or '}'") {
            depth -= 1
            return .object(object)
        }
        while true {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw unexpected("a string key")
            }
            let keyOffset = offset
            let key = try parseString()
            if object.contains(key: key) {
                throw error(.duplicateKey(key), at: keyOffset)
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), description: "':'")
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            if try consumeIf(UInt8(ascii: "}"), orExpected: "',' or '}'") { break }
            try expect(UInt8(ascii: ","), description: "',' or '}'")
            skipWhitespace()
        }
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try consumeIf(UInt8(ascii: "]"), orExpected: "a value or ']'") {
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            if try consumeIf(UInt8(ascii: "]"), orExpected: "',' or ']'") { break }
            try expect(UInt8(ascii: ","), description: "',' or ']'")
            skipWhitespace()
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        do {
            let scanned = try JSONNumberScanner.scanReportingFailure(bytes, from: offset)
            offset = scanned.end
            return scanned.number
        } catch {
            switch error {
            case .malformed(let failureOffset, let expected):
                offset = failureOffset
                throw unexpected(expected)
            case .exponentOutOfRange(let failureOffset):
                throw self.error(.exponentOutOfRange, at: failureOffset)
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maximumDepth {
            throw error(.nestingTooDeep(limit: maximumDepth), at: offset)
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let wordBytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in wordBytes {
            guard offset < bytes.count else {
                throw error(.unexpectedEndOfInput(expected: "'\(word)'"), at: offset)
            }
            guard bytes[offset] == byte else { throw unexpected("'\(word)'") }
            offset += 1
        }
    }

    private mutating func expect(_ byte: UInt8, description: String) throws(JSONParseError) {
        guard offset < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: description), at: offset)
        }
        guard bytes[offset] == byte else { throw unexpected(description) }
        offset += 1
    }

    /// Consumes `byte` when it is next; at the end of input reports `expected`.
    private mutating func consumeIf(_ byte: UInt8, orExpected expected: String) throws(JSONParseError) -> Bool {
        guard offset < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: expected), at: offset)
        }
        if bytes[offset] == byte {
            offset += 1
            return true
        }
        return false
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    // MARK: - Errors

    func unexpected(_ expected: String) -> JSONParseError {
        guard offset < bytes.count else {
            return error(.unexpectedEndOfInput(expected: expected), at: offset)
        }
        return error(.unexpectedCharacter(expected: expected, found: TextPosition.describeCharacter(in: bytes, at: offset)), at: offset)
    }

    func error(_ reason: JSONParseError.Reason, at errorOffset: Int) -> JSONParseError {
        let position = TextPosition(of: errorOffset, in: bytes)
        return JSONParseError(reason: reason, line: position.line, column: position.column, sourceName: sourceName)
    }
}
