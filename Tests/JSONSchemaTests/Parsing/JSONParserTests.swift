import Testing
@testable import JSONSchema

@Suite("Strict JSON parser")
struct JSONParserTests {
    @Test("a document with every kind of value parses and keeps key order")
    func parsesAllKinds() throws {
        let value = try JSONParser.parse(#"{"z": null, "a": [true, false, -1.5e2, "x\ty"], "m": {}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"] == .null)
        #expect(object["a"] == [true, false, .number(JSONNumber(-150)), "x\ty"])
        #expect(object["m"] == .object(JSONObject()))
    }

    @Test("escapes decode, including surrogate pairs, to the right scalars")
    func decodesEscapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\té😀"))
    }

    @Test("numbers keep their exact value and integer-ness", arguments: [
        ("1.0", true, "1"),
        ("-0", true, "0"),
        ("1e2", true, "100"),
        ("0.0075", false, "0.0075"),
        ("123456789012345678901234567890", true, "123456789012345678901234567890"),
        ("1.5e300", true, "1.5e+300"),
        ("1.5e-300", false, "1.5e-300"),
        ("2.5E-10", false, "2.5e-10"),
    ])
    func exactNumbers(literal: String, isInteger: Bool, canonical: String) throws {
        let number = try #require(try JSONParser.parse(literal).numberValue)
        #expect(number.isInteger == isInteger)
        #expect(number.text == canonical)
    }

    @Test("malformed documents are rejected with the place and the expectation", arguments: [
        ("{\"a\": 1 \"b\": 2}", "expected ',' or '}' at line 1, column 9, found '\"'"),
        ("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}", "expected a value (object, array, string, number, true, false or null) at line 3, column 14, found ']'"),
        ("[1, 2", "expected ',' or ']' at line 1, column 6, found the end of the input (is the document truncated?)"),
        ("01", "expected '.', 'e' or the end of the number (no leading zeros) at line 1, column 2, found '1'"),
        ("1.", "expected a digit after the decimal point at line 1, column 3, found the end of the input (is the document truncated?)"),
        ("\"abc", "expected '\"' closing the string at line 1, column 5, found the end of the input (is the document truncated?)"),
        ("\"a\nb\"", "unescaped control character U+000A in string at line 1, column 3; write it as a \\u escape"),
        ("\"\\x\"", "invalid escape sequence '\\x' at line 1, column 2; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
        ("\"\\ud800\"", "unpaired UTF-16 surrogate '\\ud800' at line 1, column 2; a high surrogate must be followed by a low one"),
        ("{\"k\": 1, \"k\": 2}", "duplicate object key \"k\" at line 1, column 10; each key may appear once per object"),
        ("[1] 2", "expected the end of the document at line 1, column 5, found '2'"),
        ("tru", "expected 'true' at line 1, column 4, found the end of the input (is the document truncated?)"),
        ("", "expected a value at line 1, column 1, found the end of the input (is the document truncated?)"),
        ("[NaN]", "expected a value (object, array, string, number, true, false or null) at line 1, column 2, found 'N'"),
        ("{\"é\": x}", "expected a value (object, array, string, number, true, false or null) at line 1, column 7, found 'x'"),
        ("[1,\r\n//]", "expected a value (object, array, string, number, true, false or null) at line 2, column 1, found '/'"),
    ])
    func rejectsMalformed(text: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("the source name prefixes the message")
    func sourceNamePrefix() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[", sourceName: "rules.json") }
        do {
            _ = try JSONParser.parse("[", sourceName: "rules.json")
        } catch {
            #expect(error.description.hasPrefix("rules.json: expected a value or ']' at line 1, column 2"))
        }
    }

    @Test("nesting beyond the limit is an error, not a crash")
    func nestingLimit() throws {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(try JSONParser.parse(deep, maximumDepth: 20).arrayValue != nil)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep, maximumDepth: 19) }
        let tooDeep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(tooDeep) }
    }

    @Test("invalid UTF-8 bytes are reported with their position")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("[\"ab".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        do {
            _ = try JSONParser.parse(utf8: bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.reason == .invalidUTF8)
            #expect(error.line == 1 && error.column == 5)
        }
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("true".utf8)) == true)
    }
}
