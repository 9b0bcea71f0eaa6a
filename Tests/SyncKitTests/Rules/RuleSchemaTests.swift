import Foundation
import JSONSchema
import SyncCore
import TestSupport
import Testing
import Yams

/// schemas/sync-rule.schema.json, the schema editors use, agrees with the loader on the examples.
@Suite("Rule file JSON Schema")
struct RuleSchemaTests {
    static func schema() throws -> CompiledSchema {
        let text = try String(contentsOf: RepositoryFiles.url("schemas/sync-rule.schema.json"), encoding: .utf8)
        return try SchemaCompiler().compile(try JSONParser.parse(text))
    }

    static func json(_ node: Node) throws -> JSONValue {
        var conversion = YAMLJSONConversion()
        return try conversion.convert(node)
    }

    static let exampleRules: [String] = {
        let folder = RepositoryFiles.url("examples/upstream/core/orchestrator/distribution/rules")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("every example rule passes the schema", arguments: exampleRules)
    func examplesPass(_ name: String) throws {
        let url = RepositoryFiles.url("examples/upstream/core/orchestrator/distribution/rules/\(name)")
        let node = try #require(try Yams.compose(yaml: try String(contentsOf: url, encoding: .utf8)))
        let result = try Self.schema().validate(try Self.json(node))
        #expect(result.isValid, "\(result.errors.map(\.message))")
    }

    @Test("the schema refuses what the loader refuses", arguments: [
        "sync_rule: {id: a, source: 'core/*.md', target_repo: org/a, target_path: docs/, strategy: cpy, frequency: manual}",
        "sync_rule: {id: a, source: 'core/*.md', target_repo: org/a, target_path: /etc, strategy: copy, frequency: manual}",
        "sync_rule: {id: a, source: 'core/*.md', target_repo: org, target_path: docs/, strategy: copy, frequency: manual}",
        "sync_rule: {id: a, source: 'core/*.md', target_repo: org/a, target_path: docs/, strategy: copy, frequency: manual, colour: red}",
        "sync_rule: {id: a, source: '../x', target_repo: org/a, target_path: docs/, strategy: copy, frequency: manual}",
    ])
    func refused(_ yaml: String) throws {
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(!(try Self.schema().validate(try Self.json(node)).isValid))
    }
}
