import SyncCore
import Testing
@testable import SyncKit

@Suite("Allowlist of known false positives")
struct SecretAllowlistTests {
    let token = RuleExamples.githubToken

    func scanner(allowing yaml: String) throws -> SecretScanner {
        try BuiltInScanner.make(allowlist: try SecretAllowlist(yaml: yaml, file: ".secret-allowlist.yml"))
    }

    @Test("An entry with rule and path suppresses only matching findings, and counts them")
    func ruleAndPathEntry() throws {
        let scanner = try scanner(allowing: """
            allow:
              - reason: test fixtures hold revoked tokens
                rule: github-token
                path: tests/fixtures/**
            """)
        let text = "GITHUB_TOKEN=\(token)\nsee /home/alice/x\n"
        let inFixtures = scanner.inspect(Array(text.utf8), path: "tests/fixtures/deep/env.txt")
        #expect(inFixtures.findings.map(\.ruleID) == ["private-home-path"])
        #expect(inFixtures.suppressedCount == 1)
        let elsewhere = scanner.inspect(Array(text.utf8), path: "docs/env.txt")
        #expect(elsewhere.findings.map(\.ruleID) == ["github-token", "private-home-path"])
        #expect(elsewhere.suppressedCount == 0)
    }

    @Test("A fingerprint prefix suppresses that secret wherever it appears, and no other")
    func fingerprintEntry() throws {
        let finding = try #require(BuiltInScanner.standard.scan("GITHUB_TOKEN=\(token)").first)
        let scanner = try scanner(allowing: """
            allow:
              - reason: documented demo token, revoked
                fingerprint: "\(finding.fingerprint.prefix(10))"
            """)
        #expect(scanner.scan("x\n  token: \(token)\n", path: "any/where.yml").isEmpty)
        #expect(scanner.scan("token: \(RuleExamples.githubServerToken)").count == 1)
    }

    @Test("A line hash suppresses findings on that exact line, ignoring surrounding blanks and CR")
    func lineHashEntry() throws {
        let line = "home: /home/alice/notes"
        let hash = Checksum.sha256Hex(Array(line.utf8))
        let scanner = try scanner(allowing: """
            allow:
              - reason: the example user in the tutorial
                line_sha256: \(hash.prefix(12))
            """)
        #expect(scanner.scan("   \(line)\t\r\n").isEmpty)
        #expect(scanner.scan("home: /home/alice/other").count == 1)
    }

    @Test("Path patterns match like globs", arguments: [
        ("docs/**", "docs/a/b.md", true),
        ("docs/*.md", "docs/a/b.md", false),
        ("docs/*.md", "docs/b.md", true),
        ("*.pem", "keys/deploy.pem", true),
        ("**/fixtures/*.json", "a/b/fixtures/x.json", true),
        ("**/fixtures/*.json", "fixtures/x.json", true),
        ("README.md", "docs/README.md", true),
        ("docs/README.md", "other/docs/README.md", false),
        ("notes?.txt", "notes1.txt", true),
        ("notes?.txt", "notes/.txt", false),
        ("a+b(1).txt", "a+b(1).txt", true),
    ])
    func pathPatterns(pattern: String, path: String, matches: Bool) {
        let entry = SecretAllowlist.Entry(reason: "r", pathPattern: pattern)
        #expect(entry.matches(ruleID: "x", path: path, fingerprint: "", lineHash: { "" }) == matches)
    }

    @Test("Malformed allowlists are rejected with file and line", arguments: [
        ("allow:\n  - rule: github-token\n", SecretScanError.allowlistEntryWithoutReason(file: "a.yml", line: 2)),
        ("allow:\n  - reason: ''\n    rule: x\n", SecretScanError.allowlistEntryWithoutReason(file: "a.yml", line: 2)),
        ("allow:\n  - reason: nothing to match\n", SecretScanError.allowlistEntryWithoutMatcher(file: "a.yml", line: 2)),
        ("allow:\n  - reason: r\n    rules: x\n", SecretScanError.unknownKey(
            file: "a.yml", line: 3, key: "rules", allowed: ["reason", "rule", "path", "fingerprint", "line_sha256"])),
        ("allow:\n  - reason: r\n\n    fingerprint: XYZ\n", SecretScanError.invalidFingerprint(
            file: "a.yml", line: 4, key: "fingerprint", value: "XYZ")),
        ("allowed: []\n", SecretScanError.unknownKey(file: "a.yml", line: 1, key: "allowed", allowed: ["allow"])),
        ("allow: nope\n", SecretScanError.unexpectedShape(file: "a.yml", line: 1, key: "allow", expected: "a list")),
    ])
    func malformedAllowlists(yaml: String, expected: SecretScanError) {
        #expect(throws: expected) { try SecretAllowlist(yaml: yaml, file: "a.yml") }
    }

    @Test("The missing-reason message names the file, the line and the fix")
    func missingReasonMessage() throws {
        let error = SecretScanError.allowlistEntryWithoutReason(file: ".secret-allowlist.yml", line: 7)
        #expect(error.description == ".secret-allowlist.yml:7: allowlist entry has no 'reason'; say why this finding is a false positive.")
    }

    @Test("An empty file is an empty allowlist")
    func emptyFile() throws {
        #expect(try SecretAllowlist(yaml: "", file: "a.yml").entries.isEmpty)
    }
}
