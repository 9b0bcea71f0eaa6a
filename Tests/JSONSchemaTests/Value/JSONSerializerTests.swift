import TestSupport
import Foundation
import Testing
@testable import JSONSchema

@Suite("JSON serializer")
struct JSONSerializerTests {
    let sample: JSONValue = ["name": "flash-sync", "tags": ["a", 1, 2.5, true, nil], "empty": [:], "none": []]

    @Test("compact output has no whitespace and keeps insertion order")
    func compact() {
        #expect(sample.serialized() == #"{"name":"flash-sync","tags":["a",1,2.5,true,null],"empty":{},"none":[]}"#)
    }

    @Test("pretty output indents members and nested levels")
    func pretty() {
        let expected = """
        {
          "name": "flash-sync",
          "tags": [
            "a",
            1,
            2.5,
            true,
            null
          ],
          "empty": {},
          "none": []
        }
        """
        #expect(sample.serialized(.pretty) == expected)
        let nested: JSONValue = ["a": [1]]
        #expect(nested.serialized(.pretty(indent: 4)) == "{\n    \"a\": [\n        1\n    ]\n}")
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func escapes() {
        let value = JSONValue.string("q\"b\\s/é\n\u{01}\u{7F}😀")
        #expect(value.serialized() == #""q\"b\\s/é\n\u0001"# + "\u{7F}😀\"")
    }

    @Test("every test-suite file survives parse, serialize, parse unchanged in both layouts", arguments: ["ref.json", "const.json", "enum.json", "uniqueItems.json", "unevaluatedProperties.json"])
    func roundTrip(file: String) throws {
        let url = try JSONSchemaTestSuite.testFile(file)
        let original = try JSONParser.parse(utf8: Array(Data(contentsOf: url)))
        for layout in [JSONLayout.compact, .pretty] {
            let text = original.serialized(layout)
            let reparsed = try JSONParser.parse(text)
            #expect(reparsed == original)
            #expect(reparsed.serialized(layout) == text)
        }
    }
}
