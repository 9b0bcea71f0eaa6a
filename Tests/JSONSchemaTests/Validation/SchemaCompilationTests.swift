import TestSupport
import Testing
@testable import JSONSchema

@Suite("Schema compilation errors and the registry")
struct SchemaCompilationTests {
    static let malformedSchemas: [(JSONValue, String)] = [
        (["minLength": -1], "urn:flash-sync:schema:root#: 'minLength' must be a non-negative integer"),
        (["type": "text"], "urn:flash-sync:schema:root#: 'type' must be a type name (null, boolean, object, array, number, string, integer) or an array of them"),
        (["properties": ["a": 5]], "urn:flash-sync:schema:root#/properties/a: a schema must be an object or a boolean, found 5"),
        (["items": [true]], "urn:flash-sync:schema:root#: 'items' must be a schema (draft 2020-12 moved the array form of items to prefixItems)"),
        (["$ref": "#/$defs/missing"], "urn:flash-sync:schema:root#: cannot resolve reference '#/$defs/missing' (resolved to urn:flash-sync:schema:root#/$defs/missing); define the target in the schema or register its document in the SchemaRegistry"),
        (["$schema": "http://json-schema.org/draft-07/schema#"], "urn:flash-sync:schema:root#: unsupported $schema 'http://json-schema.org/draft-07/schema#': this validator implements draft 2020-12; set $schema to https://json-schema.org/draft/2020-12/schema"),
    ]

    @Test("malformed schemas fail to compile with the location and the fix", arguments: malformedSchemas)
    func malformed(schema: JSONValue, message: String) {
        #expect(throws: SchemaCompilationError.self) { try SchemaCompiler().compile(schema) }
        do {
            _ = try SchemaCompiler().compile(schema)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("an invalid regular expression is a compile error naming the keyword")
    func invalidPattern() {
        do {
            _ = try SchemaCompiler().compile(["pattern": "(unclosed"])
            Issue.record("the pattern compiled")
        } catch {
            guard case .invalidPattern(let pattern, let location, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(pattern == "(unclosed")
            #expect(location == "urn:flash-sync:schema:root#/pattern")
        }
    }

    @Test("documents registered by URI are reachable by $ref and never fetched")
    func registryReferences() throws {
        var registry = SchemaRegistry()
        try registry.register(["$defs": ["slug": ["type": "string", "pattern": "^[a-z-]+$"]]], at: "https://flash-sync.example/common.json")
        let compiled = try SchemaCompiler(registry: registry).compile(["$ref": "https://flash-sync.example/common.json#/$defs/slug"])
        #expect(compiled.isValid("flash-sync"))
        #expect(!compiled.isValid("Flash Sync"))
        #expect(throws: SchemaRegistryError.self) { try registry.register(true, at: "relative/path.json") }
    }

    @Test("the test-suite remotes are served at http://localhost:1234/ by mapping")
    func remotesMapping() throws {
        var registry = SchemaRegistry()
        let count = try registry.registerFiles(in: try ConformanceData.jsonSchemaTestSuite("remotes"), at: "http://localhost:1234/")
        #expect(count == registry.count && count > 20)
        #expect(registry.document(at: "http://localhost:1234/draft2020-12/integer.json") == ["$schema": "https://json-schema.org/draft/2020-12/schema", "type": "integer"])
        let compiled = try SchemaCompiler(registry: registry).compileRegistered(at: "http://localhost:1234/draft2020-12/subSchemas.json#/$defs/refToInteger")
        #expect(compiled.isValid(1) && !compiled.isValid("a"))
    }

    @Test("a meta-schema declaring the format-assertion vocabulary makes format an assertion")
    func formatAssertionVocabulary() throws {
        let compiler = SchemaCompiler(registry: try JSONSchemaTestSuite.registry.get())
        let schema: JSONValue = ["$schema": "http://localhost:1234/draft2020-12/format-assertion-false.json", "format": "ipv4"]
        let compiled = try compiler.compile(schema)
        #expect(compiled.isValid("127.0.0.1"))
        #expect(!compiled.isValid("not-an-address"))
        #expect(try compiler.compile(["format": "ipv4"]).isValid("not-an-address"))
    }

    @Test("a meta-schema requiring an unknown vocabulary is refused, an optional one is ignored")
    func unknownVocabulary() throws {
        var registry = SchemaRegistry()
        let vocabulary = "https://flash-sync.example/vocab/custom"
        try registry.register(["$vocabulary": ["https://json-schema.org/draft/2020-12/vocab/core": true, .init(stringLiteral: vocabulary): true]],
                              at: "https://flash-sync.example/required-meta")
        try registry.register(["$vocabulary": ["https://json-schema.org/draft/2020-12/vocab/validation": true, .init(stringLiteral: vocabulary): false]],
                              at: "https://flash-sync.example/optional-meta")
        let compiler = SchemaCompiler(registry: registry)
        #expect(throws: SchemaCompilationError.unknownRequiredVocabulary(uri: vocabulary, metaSchema: "https://flash-sync.example/required-meta")) {
            try compiler.compile(["$schema": "https://flash-sync.example/required-meta"])
        }
        let typed = try compiler.compile(["$schema": "https://flash-sync.example/optional-meta", "type": "string"])
        #expect(!typed.isValid(1) && typed.isValid("x"))
        // The applicator vocabulary is not declared, so "properties" is an unknown keyword there.
        let withoutApplicators = try compiler.compile(["$schema": "https://flash-sync.example/optional-meta", "properties": ["a": false]])
        #expect(withoutApplicators.isValid(["a": 1]))
    }

    @Test("a $ref may point into a keyword the validator does not know")
    func referenceIntoUnknownKeyword() throws {
        let compiled = try SchemaCompiler().compile(["x-shared": ["name": ["type": "string"]], "$ref": "#/x-shared/name"])
        #expect(compiled.isValid("a"))
        #expect(!compiled.isValid(1))
    }
}
