import TestSupport
import Foundation
@testable import JSONSchema

/// Runs files of the official JSON-Schema-Test-Suite (draft 2020-12, required tests) with
/// `remotes/` served as http://localhost:1234/ through the registry.
enum JSONSchemaTestSuite {
    static let directory = SharedFixtures.url("json-schema-test-suite")

    /// Cases knowingly skipped, keyed "file | group | test", with the reason. Empty: the cases
    /// that need the official 2020-12 meta-schema run against the package's own equivalent
    /// (`Draft202012MetaSchemas`, written from the specification text, not downloaded).
    static let knownSkips: [String: String] = [:]

    static var testFileNames: [String] {
        let folder = directory.appendingPathComponent("tests").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        do {
            try registry.registerFiles(in: directory.appendingPathComponent("remotes"), at: "http://localhost:1234/")
        } catch {
            fatalError("cannot register the test suite remotes: \(error)")
        }
        return registry
    }()

    /// What happened to the cases of one file.
    struct FileOutcome: Sendable {
        var file: String
        var passed = 0
        var skipped: [String] = []
        /// "group | test: reason" for each case that did not pass.
        var failures: [String] = []

        var total: Int { passed + skipped.count + failures.count }
    }

    static func run(file: String) throws -> FileOutcome {
        let data = try Data(contentsOf: directory.appendingPathComponent("tests").appendingPathComponent(file))
        let groups = try JSONParser.parse(utf8: Array(data), sourceName: file)
        var outcome = FileOutcome(file: file)
        let compiler = SchemaCompiler(registry: registry)
        for group in groups.arrayValue ?? [] {
            let groupName = group["description"]?.stringValue ?? "?"
            let schema = group["schema"] ?? .bool(true)
            let compiled: Result<CompiledSchema, SchemaCompilationError>
            do {
                compiled = .success(try compiler.compile(schema, baseURI: "https://json-schema-test-suite.invalid/root.json"))
            } catch {
                compiled = .failure(error)
            }
            for test in group["tests"]?.arrayValue ?? [] {
                let testName = test["description"]?.stringValue ?? "?"
                let key = "\(file) | \(groupName) | \(testName)"
                if knownSkips[key] != nil {
                    outcome.skipped.append(key)
                    continue
                }
                let expected = test["valid"]?.boolValue ?? false
                let instance = test["data"] ?? .null
                switch compiled {
                case .failure(let error):
                    outcome.failures.append("\(groupName) | \(testName): schema did not compile: \(error)")
                case .success(let schema):
                    let result = schema.validate(instance)
                    let fastAnswer = schema.isValid(instance)
                    if result.isValid != expected || fastAnswer != expected {
                        outcome.failures.append("\(groupName) | \(testName): expected \(expected ? "valid" : "invalid"), "
                            + "got \(result.isValid) (flag mode \(fastAnswer)) \(result.errors.map(\.description))")
                    } else if !expected, result.errors.isEmpty {
                        outcome.failures.append("\(groupName) | \(testName): invalid but no error was reported")
                    } else {
                        outcome.passed += 1
                    }
                }
            }
        }
        return outcome
    }
}
