import Testing
@testable import JSONSchema

@Suite("Ordered JSON objects")
struct JSONObjectTests {
    @Test("keys keep insertion order; replacing keeps the position; removing drops it")
    func ordering() {
        var object: JSONObject = ["b": 1, "a": 2, "c": 3]
        object["a"] = 20
        object["d"] = 4
        object["b"] = nil
        #expect(object.keys == ["a", "c", "d"])
        #expect(object["a"] == 20)
        #expect(object["c"] == 3)
        #expect(!object.contains(key: "b"))
    }

    @Test("objects with the same members in another order are equal and hash alike")
    func orderIndependentEquality() {
        let left: JSONValue = ["x": 1, "y": [true]]
        let right: JSONValue = ["y": [true], "x": 1.0]
        #expect(left == right)
        #expect(Set([left, right]).count == 1)
    }

    @Test("keys and strings compare by code points, not canonical equivalence")
    func codePointKeys() {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        let members: [(String, JSONValue)] = [(composed, 1), (decomposed, 2)]
        let object = JSONObject(members)
        #expect(object.count == 2)
        #expect(object[composed] == 1 && object[decomposed] == 2)
        #expect(JSONValue.string(composed) != JSONValue.string(decomposed))
    }
}
