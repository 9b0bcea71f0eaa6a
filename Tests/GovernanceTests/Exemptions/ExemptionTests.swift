import Diagnostics
import Foundation
import Governance
import SyncCore
import Testing

@Suite("Governance exemptions")
struct ExemptionTests {
    static let policy = """
    rules:
      - id: agent-frontmatter
        type: frontmatter
        where: ["agents/**/*.md"]
        options: { keys: { version: semver } }
        remediation: Add a version.

    """

    static let files = [
        "policy.yml": policy,
        "agents/legacy/old.md": "# Old\n",
        "agents/legacy/older.md": "# Older\n",
        "agents/new.md": "# New\n",
    ]

    static func exemptions(expires: String) -> String {
        """
        exemptions:
          - path: "agents/legacy/**"
            rule: agent-frontmatter
            reason: Legacy agents are migrated in Q1.
            expires: \(expires)

        """
    }

    @Test("an exemption in force removes matching findings from the count and keeps them in the report", arguments: ["2026-11-21", "2027-03-31"])
    func inForce(expires: String) throws {
        let fixture = try AuditFixture(Self.files.merging(["exemptions.yml": Self.exemptions(expires: expires)]) { $1 })
        let result = try fixture.audit(exemptions: "exemptions.yml", today: "2026-11-21")
        #expect(result.locations == ["agents/new.md:1"])
        #expect(result.exempted.map(\.finding.file) == ["agents/legacy/old.md", "agents/legacy/older.md"])
        #expect(result.exempted.allSatisfy { $0.reason == "Legacy agents are migrated in Q1." && $0.exemption == "exemptions.yml:2" })
        #expect(result.expiredExemptions == 0)
    }

    @Test("an expired exemption no longer applies and is itself an error at its line")
    func expired() throws {
        let fixture = try AuditFixture(Self.files.merging(["exemptions.yml": Self.exemptions(expires: "2026-11-20")]) { $1 })
        let result = try fixture.audit(exemptions: "exemptions.yml", today: "2026-11-21")
        #expect(result.exempted.isEmpty)
        #expect(result.locations == ["agents/legacy/old.md:1", "agents/legacy/older.md:1", "agents/new.md:1", "exemptions.yml:2"])
        let expired = try #require(result.findings.last)
        #expect(expired.ruleId == AuditResult.expiredExemptionRuleId)
        #expect(expired.level == .error)
        #expect(expired.message == "the exemption of 'agents/legacy/**' from rule 'agent-frontmatter' expired on 2026-11-20 (Legacy agents are migrated in Q1.); it no longer applies.")
        #expect(result.errors == 4)
    }

    @Test("an exemption only covers its own rule")
    func otherRule() throws {
        let policy = Self.policy + "  - id: headings\n    type: file-contents\n    where: [\"agents/**/*.md\"]\n    options: { pattern: '^## ' }\n    remediation: Add a section.\n"
        let fixture = try AuditFixture(Self.files.merging(["policy.yml": policy, "exemptions.yml": Self.exemptions(expires: "2030-01-01")]) { $1 })
        let result = try fixture.audit(exemptions: "exemptions.yml")
        #expect(result.findings.map(\.ruleId) == ["agent-frontmatter", "headings", "headings", "headings"])
    }

    @Test("broken exemptions name file, line and the fix", arguments: [
        ("exemptions:\n  - path: a\n    rule: agent-frontmater\n    reason: r\n    expires: 2027-01-01\n", "exemptions.yml:3:11: the exemption names rule 'agent-frontmater', which the policy does not have. Did you mean 'agent-frontmatter'?"),
        ("exemptions:\n  - path: a\n    rule: agent-frontmatter\n    reason: r\n    expires: 2027-02-30\n", "exemptions.yml:5:14: 'expires' must be a date (YYYY-MM-DD); found '2027-02-30'."),
        ("exemptions:\n  - path: a\n    rule: agent-frontmatter\n    expires: 2027-01-01\n", "exemptions.yml:2:5: 'exemptions[0].reason' is required."),
        ("exemptions:\n  - path: a\n    rule: agent-frontmatter\n    reason: \" \"\n    expires: 2027-01-01\n", "exemptions.yml:4:13: the exemption needs a reason"),
        ("exemptions:\n  - path: \"[\"\n    rule: agent-frontmatter\n    reason: r\n    expires: 2027-01-01\n", "exemptions.yml:2:11: '[' is not a valid glob"),
        ("exemption: []\n", "exemptions.yml:1:1: unknown key 'exemption' in the document. Did you mean 'exemptions'?"),
    ])
    func broken(text: String, expected: String) throws {
        let policy = try AuditFixture(["policy.yml": Self.policy]).policy("policy.yml")
        let error = try #require(throws: DiagnosticGroup.self) { try ExemptionsFile.parse(text, file: "exemptions.yml", policy: policy) }
        let first = try #require(error.diagnostics.first)
        #expect(first.description.hasPrefix(expected), "\(first.description)")
    }

    @Test("dates compare as calendar days in UTC", arguments: [
        ("2026-11-21", 1_795_305_599.0), ("2026-11-22", 1_795_305_600.0),
    ])
    func utcDay(text: String, seconds: Double) {
        #expect(ExemptionDate(Date(timeIntervalSince1970: seconds)) == ExemptionDate(text))
    }
}
