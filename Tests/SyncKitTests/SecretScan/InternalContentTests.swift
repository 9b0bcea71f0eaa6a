import Testing
@testable import SyncKit

@Suite("Internal-only content and private paths")
struct InternalContentTests {
    @Test("Configured markers are found case-insensitively; the defaults are off when the list is empty")
    func configuredMarkers() throws {
        let scanner = try BuiltInScanner.make(configuration: SecretScanConfiguration(internalMarkers: ["DO NOT SYNC", "[[private]]"]))
        let findings = scanner.scan("a\nthis part: do not sync\nsee [[Private]] notes\nINTERNAL ONLY\n")
        #expect(findings.map(\.ruleID) == ["internal-marker", "internal-marker"])
        #expect(findings.map(\.line) == [2, 3])
        #expect(findings.map(\.column) == [12, 5])
        let none = try BuiltInScanner.make(configuration: SecretScanConfiguration(internalMarkers: []))
        #expect(none.scan("CONFIDENTIAL\nINTERNAL ONLY").isEmpty)
    }

    @Test("Internal host names under configured suffixes are flagged", arguments: [
        ("ssh deploy@build-01.corp.example.com", "build-01.corp.example.com", true),
        ("url: https://grafana.ops.corp.example.com:3000/d/x", "grafana.ops.corp.example.com", true),
        ("db.internal:5432", "db.internal", true),
        ("see example.com and corp.example.com.au", "", false),
        ("mail to someone@corp.example.community", "", false),
        ("just .internal alone", "", false),
    ])
    func internalHosts(text: String, host: String, flagged: Bool) throws {
        let configuration = SecretScanConfiguration(internalMarkers: [], internalHostSuffixes: [".corp.example.com", "internal"])
        let findings = try BuiltInScanner.make(configuration: configuration).scan(text)
        #expect(findings.isEmpty == !flagged, "\(findings)")
        if flagged {
            let finding = try #require(findings.first)
            #expect(finding.ruleID == "internal-host")
            let offset = try #require(text.utf8.firstRange(of: host.utf8)).lowerBound
            #expect(finding.column == text.utf8.distance(from: text.utf8.startIndex, to: offset) + 1)
            #expect(finding.allTexts.allSatisfy { !$0.contains(host) })
        }
    }

    @Test("A file under an internal-only path is itself a finding")
    func internalPaths() throws {
        let configuration = SecretScanConfiguration(
            isInternalPath: SecretScanConfiguration.pathPredicate(prefixes: ["docs/internal/"], suffixes: [".private.md"]))
        let scanner = try BuiltInScanner.make(configuration: configuration)
        let finding = try #require(scanner.scan("harmless", path: "docs/internal/plan.md").first)
        #expect(finding.ruleID == "internal-path")
        #expect((finding.line, finding.column) == (1, 1))
        #expect(scanner.scan("harmless", path: "notes/team.private.md").map(\.ruleID) == ["internal-path"])
        #expect(scanner.scan("harmless", path: "docs/public/plan.md").isEmpty)
    }

    @Test("An internal-path finding can be allowed by rule and path")
    func internalPathAllowed() throws {
        let allowlist = try SecretAllowlist(
            yaml: "allow:\n  - reason: published on purpose\n    rule: internal-path\n    path: docs/internal/README.md\n", file: "a.yml")
        let configuration = SecretScanConfiguration(isInternalPath: { $0.hasPrefix("docs/internal/") })
        let result = try BuiltInScanner.make(configuration: configuration, allowlist: allowlist)
            .inspect(Array("ok".utf8), path: "docs/internal/README.md")
        #expect(result.findings.isEmpty)
        #expect(result.suppressedCount == 1)
    }

    @Test("Bad markers and host suffixes are configuration errors", arguments: [
        (SecretScanConfiguration(internalMarkers: ["  "]), SecretScanError.invalidMarker("  ")),
        (SecretScanConfiguration(internalHostSuffixes: ["*.corp"]), SecretScanError.invalidHostSuffix("*.corp")),
        (SecretScanConfiguration(internalHostSuffixes: ["."]), SecretScanError.invalidHostSuffix(".")),
    ])
    func badConfiguration(configuration: SecretScanConfiguration, expected: SecretScanError) {
        #expect(throws: expected) { try SecretScanner(rules: try BuiltInScanner.rules, configuration: configuration) }
    }
}
