import TestSupport
import Foundation
@testable import JSONSchema

/// Runs files of the official JSON-Schema-Test-Suite (draft 2020-12, required tests) with
/// `remotes/` served as http://localhost:1234/ through the registry. The suite comes from the
/// pinned `jsonschema` source distribution that scripts/test fetches (`ConformanceData`).
enum JSONSchemaTestSuite {
    /// The draft's folder of test files.
    static let testsFolder = "tests/draft2020-12"

    /// The suite has had at least this many draft 2020-12 files since 2023; fewer means a broken fetch.
    static let minimumFileCount = 40

    /// Cases knowingly skipped, keyed "file | group | test", with the reason. Empty: the cases
    /// that need the official 2020-12 meta-schema run against the package's own equivalent
    /// (`Draft202012MetaSchemas`, written from the specification text, not downloaded).
    static let knownSkips: [String: String] = [:]

    /// Optional files that test other drafts than 2020-12: their failing cases count as skipped,
    /// with the reason; their passing cases count as passed.
    static let otherDraftFiles: [String: String] = [
        "optional/cross-draft.json": "processes a referenced schema as draft 2019-09, a draft this validator does not implement",
        "optional/dependencies-compatibility.json": "asserts draft 7's `dependencies`, which draft 2020-12 replaced with dependentRequired and dependentSchemas",
    ]

    /// The test files, for test arguments: empty when the suite is not installed, which
    /// `ConformanceTests.suiteIsInstalled` reports with the command that installs it.
    static var testFileNames: [String] {
        (try? listTestFiles()) ?? []
    }

    /// The test files; throws naming the folder and the fix when the suite is missing.
    static func listTestFiles() throws -> [String] {
        let folder = try ConformanceData.jsonSchemaTestSuite(testsFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        try FixtureError.requireCount(names, atLeast: minimumFileCount, in: folder.path)
        // The optional tests too (not the format ones, which assert formats the draft leaves optional).
        let optional = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("optional").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "optional/" + $0 }
        try FixtureError.requireCount(optional, atLeast: 10, in: folder.appendingPathComponent("optional").path)
        return names + optional
    }

    static func testFile(_ name: String) throws -> URL {
        try ConformanceData.jsonSchemaTestSuite("\(testsFolder)/\(name)")
    }

    /// The remotes, registered once; a failure is kept and thrown to every test that needs them.
    static let registry: Result<SchemaRegistry, any Error> = Result {
        var registry = SchemaRegistry()
        try registry.registerFiles(in: try ConformanceData.jsonSchemaTestSuite("remotes"), at: "http://localhost:1234/")
        return registry
    }

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
        let data = try Data(contentsOf: try testFile(file))
        let groups = try JSONParser.parse(utf8: Array(data), sourceName: file)
        var outcome = FileOutcome(file: file)
        let compiler = SchemaCompiler(registry: try registry.get())
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
        if let reason = otherDraftFiles[file] {
            outcome.skipped += outcome.failures.map { "\($0) (skipped: \(reason))" }
            outcome.failures = []
        }
        return outcome
    }
}
