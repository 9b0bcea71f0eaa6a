import Testing
@testable import SyncKit

@Suite("Loading secret rule files")
struct SecretRuleSetLoadingTests {
    @Test("The embedded rule file loads, with unique ids and lower-case keywords")
    func builtInRulesLoad() throws {
        let rules = try SecretRuleSet.builtIn()
        #expect(rules.rules.count == 176)
        #expect(Set(rules.rules.map(\.id)).count == rules.rules.count)
        #expect(rules.rules.allSatisfy { rule in rule.keywords.allSatisfy { $0 == $0.lowercased() } })
        #expect(rules.rule(withID: "generic-secret-quoted")?.minimumEntropy == 3.5)
        #expect(!rules.placeholderPatterns.isEmpty)
    }

    @Test("Generic rules come after every specific rule, so specific rules win overlaps")
    func genericRulesComeLast() throws {
        let ids = try SecretRuleSet.builtIn().rules.map(\.id)
        let firstGeneric = try #require(ids.firstIndex { $0.hasPrefix("generic-") })
        #expect(ids[firstGeneric...].prefix { $0.hasPrefix("generic-") }.count == 2)
        #expect(!ids[..<firstGeneric].contains { $0.hasPrefix("generic-") })
    }

    @Test("A rule file with its own rules, defaults and thresholds")
    func customRuleFile() throws {
        let rules = try SecretRuleSet(yaml: #"""
            placeholders: ['^TODO']
            rules:
              - id: acme-key
                description: ACME key
                regex: 'acme_([a-z0-9]{12})'
                keywords: acme_
                entropy: 3.0
              - id: whole-match
                description: Whole match is the secret
                regex: 'zz[0-9]{4}'
                keywords: [zz]
            """#, file: "custom.yaml")
        #expect(rules.rules.map(\.secretGroup) == [1, 0])
        let scanner = try SecretScanner(rules: rules, configuration: SecretScanConfiguration(internalMarkers: []))
        #expect(scanner.scan("k acme_a1b2c3d4e5f6").map(\.column) == [8])
        #expect(scanner.scan("k acme_aaaaaaaaaaaa").isEmpty, "below the entropy threshold")
        #expect(scanner.scan("k ZZ1234").isEmpty, "keyword hit, but the regex is case-sensitive")
        #expect(scanner.scan("k zz1234").map(\.column) == [3])
    }

    @Test("Mistakes in a rule file are reported with file and line", arguments: [
        ("rules:\n  - id: a\n    description: d\n    regex: 'x('\n    keywords: [x]\n", "rules.yaml:4: the regular expression 'x(' does not compile"),
        ("rules:\n  - id: a\n    description: d\n    regex: x\n", "rules.yaml:2: rule 'a' has no keywords"),
        ("rules:\n  - id: a\n    description: d\n    regex: x\n    keywords: [X]\n", "rules.yaml:2: rule 'a' has keyword 'X'"),
        ("rules:\n  - id: a\n    description: d\n    keywords: [x]\n", "rules.yaml:2: required key 'regex' is missing"),
        ("rules:\n  - id: a\n    description: d\n    regex: x\n    keywords: [x]\n    entrop: 3\n", "rules.yaml:6: unknown key 'entrop'"),
        ("rules:\n  - id: a\n    description: d\n    regex: (x)\n    keywords: [x]\n    secret_group: 2\n", "rules.yaml:2: rule 'a' takes its secret from group 2"),
        ("rules:\n  - id: a\n    description: d\n    regex: x\n    keywords: [x]\n    entropy: 9\n", "rules.yaml:2: rule 'a' has entropy threshold 9.0"),
        ("rules:\n  - id: Bad_ID\n    description: d\n    regex: x\n    keywords: [x]\n", "rules.yaml:2: rule id 'Bad_ID'"),
        ("rules:\n  - {id: a, description: d, regex: x, keywords: [x]}\n  - {id: a, description: d, regex: y, keywords: [y]}\n", "rules.yaml:3: rule id 'a' is used twice"),
        ("rules:\n  - id: a\n    description: d\n    regex: x\n    keywords: [x]\n    allowlist: ['[']\n", "rules.yaml:6: the regular expression '['"),
        ("rules: [\n  - id: a\n", "rules.yaml:2: not valid YAML"),
        ("placeholders: {a: b}\n", "rules.yaml:1: 'placeholders' must be a list of strings"),
    ])
    func mistakesAreReported(yaml: String, messageStart: String) {
        do {
            _ = try SecretRuleSet(yaml: yaml, file: "rules.yaml")
            Issue.record("expected an error starting with \(messageStart)")
        } catch {
            #expect("\(error)".hasPrefix(messageStart), "got: \(error)")
        }
    }
}
