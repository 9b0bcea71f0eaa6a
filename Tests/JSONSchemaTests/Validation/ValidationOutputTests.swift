import Testing
@testable import JSONSchema

@Suite("Validation output")
struct ValidationOutputTests {
    let schema: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://flash-sync.example/rule.json",
        "type": "object",
        "required": ["name", "targets"],
        "properties": [
            "name": ["type": "string", "minLength": 1],
            "targets": ["type": "array", "items": ["$ref": "#/$defs/target"]],
        ],
        "additionalProperties": false,
        "$defs": [
            "target": ["type": "object", "properties": ["repo": ["type": "string", "pattern": "^[^/]+/[^/]+$"]]],
        ],
    ]

    @Test("an error names the instance location, the keyword path through $ref and the absolute keyword")
    func errorLocations() throws {
        let compiled = try SchemaCompiler().compile(schema)
        let result = compiled.validate(["name": "docs", "targets": [["repo": "a/b"], ["repo": "no-slash"]]])
        #expect(!result.isValid)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.instanceLocation.description == "/targets/1/repo")
        #expect(error.keywordLocation.description == "/properties/targets/items/$ref/properties/repo/pattern")
        #expect(error.absoluteKeywordLocation == "https://flash-sync.example/rule.json#/$defs/target/properties/repo/pattern")
        #expect(error.message == #""no-slash" does not match the pattern ^[^/]+/[^/]+$"#)
    }

    @Test("all errors are reported in allErrors mode, one in firstError mode, none in flag mode")
    func modes() throws {
        let compiled = try SchemaCompiler().compile(schema)
        let instance: JSONValue = ["name": "", "extra": 1]
        let all = compiled.validate(instance)
        #expect(all.errors.map(\.message).sorted() == [
            "missing required property 'targets'",
            "property 'extra' is not allowed (additionalProperties is false); remove it or declare it in 'properties'",
            "string is 0 characters long, shorter than minLength 1",
        ])
        #expect(all.errors.first { $0.message.hasPrefix("property 'extra'") }?.instanceLocation.description == "/extra")
        #expect(compiled.validate(instance, mode: .firstError).errors.count == 1)
        #expect(compiled.validate(instance, mode: .flag).errors.isEmpty)
        #expect(!compiled.isValid(instance))
        #expect(compiled.isValid(["name": "docs", "targets": []]))
    }

    @Test("a failing anyOf reports a summary followed by each branch's reasons")
    func anyOfSummary() throws {
        let compiled = try SchemaCompiler().compile(["anyOf": [["type": "string"], ["minimum": 10]]])
        let result = compiled.validate(3)
        #expect(result.errors.map(\.message) == [
            "3 matches none of the 2 schemas in anyOf",
            "expected string, found integer 3",
            "3 is less than the minimum 10",
        ])
        #expect(result.errors.map(\.keywordLocation.description) == ["/anyOf", "/anyOf/0/type", "/anyOf/1/minimum"])
    }

    @Test("a reference loop that never reaches the instance fails instead of recursing forever")
    func referenceLoop() throws {
        let compiled = try SchemaCompiler().compile(["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"])
        let result = compiled.validate(1)
        #expect(!result.isValid)
        #expect(result.errors.first?.message.hasPrefix("infinite reference loop") == true)
    }

    @Test("format is an annotation by default and an assertion when asked", arguments: [
        ("date-time", "2024-02-29T12:30:00Z", true), ("date-time", "2023-02-29T12:30:00Z", false),
        ("date", "2024-13-01", false), ("time", "23:59:60Z", true), ("time", "12:00:60Z", false),
        ("duration", "P1Y2M3DT4H5M6S", true), ("duration", "PT", false), ("duration", "P2W", true),
        ("email", "dev@example.com", true), ("email", "dev..x@example.com", false),
        ("hostname", "api.example.com", true), ("hostname", "-bad.example.com", false),
        ("ipv4", "192.168.0.1", true), ("ipv4", "192.168.0.01", false),
        ("ipv6", "::1", true), ("ipv6", "1::2::3", false), ("ipv6", "::ffff:192.168.0.1", true),
        ("uri", "https://example.com/a?b#c", true), ("uri", "/relative", false), ("uri-reference", "/relative", true),
        ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa", false),
        ("json-pointer", "/a~1b", true), ("json-pointer", "a", false), ("relative-json-pointer", "1/a", true),
        ("regex", "^[a-z]+$", true), ("regex", "(", false),
    ])
    func formats(format: String, value: String, isValid: Bool) throws {
        let schema: JSONValue = ["format": .string(format)]
        #expect(try SchemaCompiler().compile(schema).isValid(.string(value)))
        let asserting = try SchemaCompiler(options: SchemaCompileOptions(assertsFormat: true)).compile(schema)
        #expect(asserting.isValid(.string(value)) == isValid)
    }
}

@Suite("Validation robustness")
struct ValidationRobustnessTests {
    @Test("one compiled schema validates concurrently from many tasks with identical results")
    func concurrentUse() async throws {
        let compiled = try SchemaCompiler().compile(["type": "array", "items": ["type": "string", "pattern": "^[a-z]+$"], "uniqueItems": true])
        let instances: [JSONValue] = (0..<200).map { index in index % 2 == 0 ? ["abc", "def"] : ["abc", "ABC"] }
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, instance) in instances.enumerated() {
                group.addTask { (index, compiled.validate(instance).isValid) }
            }
            var results: [Int: Bool] = [:]
            for await (index, isValid) in group { results[index] = isValid }
            return results
        }
        #expect(outcomes.count == 200)
        #expect(outcomes.allSatisfy { $0.value == ($0.key % 2 == 0) })
    }

    @Test("a deeply nested instance validates against a recursive schema")
    func deepRecursion() throws {
        let compiled = try SchemaCompiler().compile(["type": ["array", "integer"], "items": ["$ref": "#"]])
        var instance: JSONValue = 1
        for _ in 0..<500 { instance = [instance] }
        #expect(compiled.isValid(instance))
        var broken: JSONValue = "leaf"
        for _ in 0..<500 { broken = [broken] }
        let result = compiled.validate(broken)
        #expect(!result.isValid)
        #expect(result.errors.first?.instanceLocation.tokens.count == 500)
    }

    @Test("unevaluatedProperties tells apart keys that differ only in Unicode normalization")
    func unevaluatedExactKeys() throws {
        let compiled = try SchemaCompiler().compile(["properties": ["\u{E9}": true], "unevaluatedProperties": false])
        let members: [(String, JSONValue)] = [("\u{E9}", 1), ("e\u{301}", 2)]
        let result = compiled.validate(.object(JSONObject(members)))
        #expect(result.errors.map(\.instanceLocation.description) == ["/e\u{301}"])
    }
}
