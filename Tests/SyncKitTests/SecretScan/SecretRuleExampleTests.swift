import Testing
@testable import SyncKit

@Suite("Built-in secret rules against their examples")
struct SecretRuleExampleTests {
    let scanner: SecretScanner

    init() throws {
        scanner = try BuiltInScanner.standard
    }

    @Test("Each positive example is flagged once, by its rule, at the secret's line and column", arguments: RuleExamples.positives)
    func positiveExampleIsFlagged(_ example: PositiveExample) throws {
        let findings = scanner.scan(example.text)
        try #require(findings.count == 1, "expected one finding, got \(findings.map(\.ruleID))")
        let finding = findings[0]
        #expect(finding.ruleID == example.ruleID)
        let lineIndex = try #require(example.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(example.flagged) })
        let line = example.text.split(separator: "\n", omittingEmptySubsequences: false)[lineIndex]
        let offset = try #require(line.utf8.firstRange(of: example.flagged.utf8)).lowerBound
        #expect(finding.line == lineIndex + 1)
        #expect(finding.column == line.utf8.distance(from: line.utf8.startIndex, to: offset) + 1)
    }

    @Test("No text a finding exposes contains the secret", arguments: RuleExamples.positives)
    func findingNeverContainsTheSecret(_ example: PositiveExample) throws {
        let finding = try #require(scanner.scan(example.text).first)
        for text in finding.allTexts {
            #expect(!text.contains(example.hidden), "a field of the \(example.ruleID) finding reveals the secret")
        }
    }

    @Test("Each negative example is not flagged by its rule", arguments: RuleExamples.negatives)
    func negativeExampleIsNotFlagged(_ example: NegativeExample) throws {
        let findings = scanner.scan(example.text).filter { $0.ruleID == example.ruleID }
        #expect(findings.isEmpty, "flagged although \(example.why): \(findings)")
    }

    @Test("Every rule of the scanner has a positive and a negative example")
    func everyRuleHasExamples() throws {
        for rule in scanner.ruleSet.rules {
            #expect(RuleExamples.positives.contains { $0.ruleID == rule.id }, "no positive example for \(rule.id)")
            #expect(RuleExamples.negatives.contains { $0.ruleID == rule.id }, "no negative example for \(rule.id)")
        }
    }

    @Test("The preview keeps at most four leading bytes of the secret, then stars, truncated")
    func previewIsRedacted() throws {
        let finding = try #require(scanner.scan("GITHUB_TOKEN=\(RuleExamples.githubToken)").first)
        #expect(finding.preview == "ghp_************…")
        let shortFinding = try #require(scanner.scan("see /home/alice/projects").first)
        #expect(shortFinding.preview == "/home/a****")
    }

    @Test("A secret matched by a specific and a generic rule is reported once, by the specific rule")
    func overlappingRulesReportOnce() throws {
        let findings = scanner.scan("api_token = \"\(RuleExamples.npmToken)\"")
        #expect(findings.map(\.ruleID) == ["npm-token"])
    }

    @Test("The fingerprint depends on rule and secret, not on path or line")
    func fingerprintIsStable() throws {
        let first = try #require(scanner.scan("k = \(RuleExamples.stripeKey)", path: "a.md").first)
        let moved = try #require(scanner.scan("\n\n  other = \(RuleExamples.stripeKey)", path: "b/c.md").first)
        let different = try #require(scanner.scan("k = \(FakeSecret.joined("sk", "_live_", FakeSecret.random(24, seed: 99)))").first)
        #expect(first.fingerprint == moved.fingerprint)
        #expect(first.fingerprint != different.fingerprint)
        #expect(first.fingerprint.count == 16)
    }
}
