import Foundation
import JSONSchema
import SyncCore
import SyncKit
import TestSupport
import Testing

/// Each of the five checks passing and failing, on files planned from a real folder, with the
/// report compared byte for byte to golden files.
@Suite("The five validation checks")
struct RuleValidatorTests {
    /// A token-shaped value made at run time, so no credential-looking literal sits in the sources.
    static let plantedToken = "ghp_" + String(repeating: "x7Kq9mW2", count: 5).prefix(36)

    struct Fixture {
        var directory: TemporaryDirectory
        var output: Planner.Output

        var rule: PlannedRule { output.plan.targets[0].rules[0] }
    }

    static func plan(_ files: [String: String], transforms: [SyncTransform] = [], schemas: [(String, String)] = []) throws -> Fixture {
        let directory = try TemporaryDirectory()
        for (path, text) in files { try directory.write(path, text) }
        var rule = SyncRule(id: "sync-docs", source: try Glob("core/**"), targetRepository: "org/docs", targetPath: "docs/",
                            strategy: .copy, frequency: .onRelease, transforms: transforms, file: "rules/sync-docs.yaml", line: 2)
        rule.schemas = try schemas.map { (try Glob($0.0), $0.1) }
        let request = PlanRequest(
            rules: try RuleSet(rules: [rule], settings: SyncSettings()), source: try SourceTree.workingTree(directory.url),
            trigger: .release(tag: "v2.4.0"), mode: .full, version: "v2.4.0", tag: "v2.4.0", releaseDate: "2026-01-30",
            sourceRepository: "org/up", createdAt: "2026-01-30T12:00:00Z"
        )
        return Fixture(directory: directory, output: try Planner().plan(request))
    }

    static func validate(_ fixture: Fixture, force: Bool = false, tamper: [String: Data] = [:], extraTree: Set<String> = []) throws -> (RuleValidation, [ValidationFinding]) {
        let rule = fixture.rule
        var documents: [String: String] = [:]
        for file in rule.files where TextContent.isMarkdown(file.destination) {
            documents[file.destination] = TextContent.decode(fixture.output.blobs[file.sha256]!)
        }
        var sources: [String: String] = [:]
        for file in rule.files { sources[file.source] = try? fixture.directory.read(file.source) }
        var schemaDocuments: [String: JSONValue] = [:]
        for (path, text) in sources where path.hasSuffix(".schema.json") { schemaDocuments[path] = try JSONParser.parse(text) }
        let context = RuleValidator.Context(
            version: "v2.4.0", versionKey: "agent33_version", force: force,
            tree: Set(rule.files.map(\.destination)).union(extraTree), documents: documents,
            scanner: try SecretScanner(rules: try SecretRuleSet.builtIn(), configuration: SecretScanConfiguration(internalHostSuffixes: [".corp.example.com"])),
            schemas: SchemaCheck(schemas: schemaDocuments, mapping: rule.schemas.map { (try! Glob($0.key), $0.value) }),
            sources: sources
        )
        let blobs = fixture.output.blobs
        return RuleValidator(context: context).validate(rule) { sha in
            if let file = rule.files.first(where: { $0.sha256 == sha }), let tampered = tamper[file.destination] { return tampered }
            return blobs[sha]
        }
    }

    static func report(_ validation: RuleValidation) -> String {
        ValidationReport.yaml(ruleID: "sync-docs", runAt: "2026-01-30T12:00:00Z", sourceVersion: "v2.4.0", validation: validation)
    }

    static let goodFiles = [
        "core/guide.md": "# Guide\n\nRead [the other page](other.md#second-part), [this part](#guide) and [the site](https://example.com/docs).\n",
        "core/other.md": "# Other\n\n## Second part\n\n```json\n{\"a\": 1}\n```\n",
        "core/data.yaml": "name: x\nlist: [1, 2]\n",
    ]

    @Test("a clean rule passes every check; the report is the specification's shape")
    func allPass() throws {
        let (validation, findings) = try Self.validate(try Self.plan(Self.goodFiles))
        #expect(findings.isEmpty, "\(findings)")
        #expect(!validation.blocked && validation.overall == .pass)
        Golden.check(Self.report(validation), named: "all-pass.yaml")
    }

    @Test("check 1: a file that differs from the plan fails the checksum and blocks the rule")
    func checksum() throws {
        let (validation, findings) = try Self.validate(try Self.plan(Self.goodFiles), tamper: ["docs/data.yaml": Data("tampered\n".utf8)])
        #expect(validation.blocked)
        // The tampered bytes also lost their version stamp, which check 5 reports.
        #expect(findings.map(\.check) == [.checksum, .versionTag])
        #expect(findings[0].file == "core/data.yaml")
        Golden.check(Self.report(validation), named: "checksum-fail.yaml")
    }

    @Test("check 2: missing targets, unknown fragments and malformed URLs are broken links, at their upstream line")
    func links() throws {
        var files = Self.goodFiles
        files["core/guide.md"] = "# Guide\n\nSee [gone](missing.md), [no anchor](other.md#nowhere),\n[bad url](https:/example.com) and [up](../../outside.md).\nFine: [other](other.md#other), [line](other.md#L3), [folder](./).\n"
        let (validation, findings) = try Self.validate(try Self.plan(files))
        #expect(validation.blocked)
        #expect(findings.map(\.line) == [3, 3, 4, 4], "\(findings.map(\.message))")
        #expect(findings.map(\.message) == [
            "broken link 'missing.md' in docs/guide.md: docs/missing.md does not exist in the target after the sync",
            "broken link 'other.md#nowhere' in docs/guide.md: no heading or anchor '#nowhere' in docs/other.md",
            "broken link 'https:/example.com' in docs/guide.md: malformed URL: the scheme must be followed by //",
            "broken link '../../outside.md' in docs/guide.md: climbs above the repository root",
        ])
        Golden.check(Self.report(validation), named: "links-fail.yaml")
    }

    @Test("check 2: duplicate headings get -1, -2 and HTML anchors count, as on GitHub")
    func anchors() throws {
        let files = ["core/a.md": "# A\n\n## Setup\n\n## Setup\n\n<a name=\"custom\"></a>\n\n[one](#setup-1) [two](#custom) [three](#setup-2)\n"]
        let (_, findings) = try Self.validate(try Self.plan(files))
        #expect(findings.map(\.message) == ["broken link '#setup-2' in docs/a.md: no heading or anchor '#setup-2' in docs/a.md"])
    }

    @Test("check 3: JSON, YAML and fenced blocks that do not parse, and documents that fail their schema, with lines inside the file")
    func schemas() throws {
        let files = [
            "core/broken.json": "{\n  \"a\": 1,\n  \"b\" 2\n}\n",
            "core/broken.yaml": "a: 1\nb: [2\n",
            "core/doc.md": "# Doc\n\n```yaml\nkey: [unclosed\n```\n",
            "core/records/r1.json": "{\"run_id\": 7}\n",
            "core/record.schema.json": #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/record.schema.json", "type": "object", "required": ["run_id"], "properties": {"run_id": {"type": "string"}}}"#,
        ]
        let (validation, findings) = try Self.validate(try Self.plan(files, schemas: [("core/records/*.json", "core/record.schema.json")]))
        let schema = findings.filter { $0.check == .schemaCheck }
        #expect(validation.blocked)
        #expect(schema.map { "\($0.file):\($0.line ?? 0)" } == ["core/broken.json:3", "core/broken.yaml:3", "core/doc.md:5", "core/records/r1.json:1"], "\(schema.map(\.message))")
        #expect(schema[3].message.contains("'/run_id' fails its schema"))
        Golden.check(Self.report(validation), named: "schema-fail.yaml")
    }

    @Test("check 4: a credential, an internal marker and an internal host block the rule, and force cannot override it")
    func secrets() throws {
        var files = Self.goodFiles
        files["core/setup.md"] = "# Setup\n\nexport GITHUB_TOKEN=\(Self.plantedToken)\n\nINTERNAL ONLY: ask ops.\nHost: build01.corp.example.com\n"
        let (validation, findings) = try Self.validate(try Self.plan(files), force: true)
        let secrets = findings.filter { $0.check == .secretScan }
        #expect(validation.blocked)
        #expect(secrets.count == 3, "\(secrets.map(\.message))")
        #expect(secrets.allSatisfy { $0.file == "core/setup.md" })
        #expect(secrets.map(\.line) == [3, 5, 6])
        for finding in findings { #expect(!finding.message.contains(Self.plantedToken)) }
        Golden.check(Self.report(validation), named: "secret-fail.yaml")
    }

    @Test("check 5: a file without the version tag warns; the rule is not blocked and the PR gets a note")
    func versionTag() throws {
        var files = Self.goodFiles
        files["core/data.json"] = "{\"a\": 1}\n"
        let (validation, findings) = try Self.validate(try Self.plan(files))
        #expect(!validation.blocked && validation.overall == .warn)
        #expect(findings.map(\.check) == [.versionTag])
        #expect(validation.notes.first?.contains("carry no v2.4.0 version tag") == true)
        Golden.check(Self.report(validation), named: "version-warn.yaml")
    }

    @Test("force lets a broken link through with a note, but not a secret")
    func force() throws {
        var files = Self.goodFiles
        files["core/guide.md"] = "# Guide\n\n[gone](missing.md)\n"
        let (validation, _) = try Self.validate(try Self.plan(files), force: true)
        #expect(!validation.blocked)
        #expect(validation.notes == ["Link integrity failed; forced through with force: true"])
    }

    @Test("links into files the target already has resolve")
    func existingTargetFiles() throws {
        var files = Self.goodFiles
        files["core/guide.md"] = "# Guide\n\n[kept](../README.md)\n"
        let (validation, _) = try Self.validate(try Self.plan(files), extraTree: ["README.md"])
        #expect(validation.status(of: .linkIntegrity) == .pass)
    }
}
