import TestSupport
import Foundation
import Testing
@testable import JSONSchema

@Suite("Built-in draft 2020-12 meta-schemas")
struct MetaSchemaTests {
    private static let compiledMetaSchema = Result { try SchemaCompiler().compileRegistered(at: "https://json-schema.org/draft/2020-12/schema") }

    static var metaSchema: CompiledSchema {
        get throws { try compiledMetaSchema.get() }
    }

    @Test("all eight meta-schema documents parse")
    func documentsParse() {
        #expect(Draft202012MetaSchemas.parsedDocuments.count == 8)
        #expect(Draft202012MetaSchemas.document(at: "https://json-schema.org/draft/2020-12/meta/validation") != nil)
    }

    @Test("every schema of the test-suite file is a valid 2020-12 schema", arguments: JSONSchemaTestSuite.testFileNames)
    func suiteSchemasAreValid(file: String) throws {
        let url = try JSONSchemaTestSuite.testFile(file)
        let groups = try JSONParser.parse(utf8: Array(Data(contentsOf: url)))
        for group in groups.arrayValue ?? [] {
            let result = try Self.metaSchema.validate(group["schema"] ?? .null)
            #expect(result.isValid, "\(file) | \(group["description"]?.stringValue ?? "?"): \(result.errors.map(\.description))")
        }
    }

    static let malformedSchemas: [(JSONValue, String)] = [
        (["minLength": -1], "/minLength"),
        (["type": ["string", "string"]], "/type"),
        (["allOf": []], "/allOf"),
        (["properties": ["a": ["required": "a"]]], "/properties/a/required"),
        (["$defs": ["x": ["maxItems": 1.5]]], "/$defs/x/maxItems"),
        (["$anchor": "1bad"], "/$anchor"),
        (["$id": "https://example.com/s.json#frag"], "/$id"),
        (5, ""),
    ]

    @Test("malformed schemas are caught with the failing keyword", arguments: malformedSchemas)
    func malformed(schema: JSONValue, instanceLocation: String) throws {
        let result = try Self.metaSchema.validate(schema)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.instanceLocation.description == instanceLocation }, "\(result.errors.map(\.description))")
    }
}
