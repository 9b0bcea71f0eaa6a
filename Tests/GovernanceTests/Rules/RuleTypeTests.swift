import Diagnostics
import Foundation
import Governance
import SyncCore
import Testing

@Suite("Governance rule types")
struct RuleTypeTests {
    @Test("a repository that meets the rule has no finding", arguments: RuleCase.all)
    func passing(_ rule: RuleCase) throws {
        let fixture = try AuditFixture(rule.passing.merging(["policy.yml": rule.policy]) { $1 })
        let result = try fixture.audit()
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.passed)
    }

    @Test("a repository that breaks the rule has findings at the right file and line", arguments: RuleCase.all)
    func failing(_ rule: RuleCase) throws {
        let fixture = try AuditFixture(rule.failing.merging(["policy.yml": rule.policy]) { $1 })
        let result = try fixture.audit()
        #expect(result.locations == rule.expected, "\(result.findings.map(\.message))")
        #expect(result.findings.allSatisfy { $0.ruleId == "rule-under-test" && $0.level == .error })
        #expect(!result.passed)
    }

    @Test("the glyph rule is skipped when render-glyphs is not in use (no glyph folder)")
    func glyphsNotInUse() throws {
        let fixture = try AuditFixture([
            "policy.yml": "rules:\n  - id: g\n    type: glyph-assets\n    remediation: Run render-glyphs.\n",
            "agents/planner.md": RuleCase.agent,
        ])
        #expect(try fixture.audit().findings.isEmpty)
    }

    @Test("the rules-load check runs the loader it is given and places its errors")
    func rulesLoaderSeam() throws {
        let fixture = try AuditFixture([
            "policy.yml": "rules:\n  - id: rules\n    type: sync-rules-load\n    options: { folder: core/rules }\n    remediation: Fix the rule.\n",
            "core/rules/a.yaml": "sync_rule:\n  id: a\n",
        ])
        let seen = LockedBox<[String]>([])
        let loader = RulesLoadCheck { folder, shownAs in
            seen.update { $0.append("\(folder.lastPathComponent) as \(shownAs)") }
            return [Diagnostic.configuration(file: shownAs + "/a.yaml", line: 2, column: 3, message: "unknown key 'sorce'.", hint: "Did you mean 'source'?")]
        }
        let result = try fixture.audit(rulesLoad: loader)
        #expect(seen.value == ["rules as core/rules"])
        let finding = try #require(result.findings.first)
        #expect(finding.location.description == "core/rules/a.yaml:2:3")
        #expect(finding.message == "unknown key 'sorce'. Did you mean 'source'?")
    }

    @Test("a JSON Schema that does not compile is a broken policy naming the rule")
    func brokenSchema() throws {
        let fixture = try AuditFixture([
            "policy.yml": "rules:\n  - id: s\n    type: json-schema\n    options: { schema: s.json }\n    remediation: Fix it.\n",
            "s.json": #"{"type": 12}"#,
        ])
        let error = try #require(throws: DiagnosticGroup.self) { try fixture.audit() }
        #expect(error.diagnostics.map { $0.location?.description } == ["policy.yml:2"])
        #expect(error.diagnostics[0].message.contains("rule 's': the schema 's.json' cannot be compiled"))
    }

    @Test("semantic versions are checked exactly", arguments: [
        ("1.0.0", true), ("0.10.3-rc.1+build.5", true), ("1.0", false), ("01.0.0", false), ("1.0.0-", false), ("v1.0.0", false),
    ])
    func semver(version: String, valid: Bool) throws {
        let problems = try FrontmatterCheckProbe.problems("---\nversion: \(version)\n---\n", key: FrontmatterKey("version", .semver))
        #expect(problems.isEmpty == valid)
    }
}

/// Runs the frontmatter rule alone on one text.
enum FrontmatterCheckProbe {
    static func problems(_ text: String, key: FrontmatterKey) throws -> [Finding] {
        let fixture = try AuditFixture([
            "policy.yml": "rules:\n  - id: f\n    type: frontmatter\n    options: { keys: { \(key.name): \(key.type.rawValue) } }\n    remediation: Fix it.\n",
            "a.md": text,
        ])
        return try fixture.audit().findings
    }
}

/// A value shared with a `@Sendable` closure.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
