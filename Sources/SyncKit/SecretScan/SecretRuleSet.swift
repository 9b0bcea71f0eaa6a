import Foundation

/// The credential and private-path rules, in priority order, plus shared placeholder patterns.
///
/// A secret that several rules match is reported once, by the first rule in this order, so specific rules
/// come before generic ones. The built-in set is `secret-rules.yaml`, embedded into the binary.
package struct SecretRuleSet: Sendable {
    package let rules: [SecretRule]
    /// Patterns that mark a captured secret as a placeholder (`EXAMPLE`, `${{ secrets.X }}`, `xxxx`, ...).
    package let placeholderPatterns: [String]
    let placeholderRegexes: [NSRegularExpression]

    package init(rules: [SecretRule], placeholderPatterns: [String] = []) throws {
        self.rules = rules
        self.placeholderPatterns = placeholderPatterns
        self.placeholderRegexes = try placeholderPatterns.map {
            try SecretRule.compile($0, origin: SecretRule.Origin(file: "<placeholders>", line: 0))
        }
    }

    /// Name used in error messages about the built-in rule file.
    package static let builtInFileName = "secret-rules.yaml"

    /// The rule set shipped with flash-sync (parsed from the embedded YAML; parse once per run).
    package static func builtIn() throws -> SecretRuleSet {
        try SecretRuleSet(yaml: String(decoding: PackageResources.secret_rules_yaml, as: UTF8.self), file: builtInFileName)
    }

    /// Looks a rule up by id.
    package func rule(withID id: String) -> SecretRule? {
        rules.first { $0.id == id }
    }

    /// Whether a shared placeholder pattern matches `secret`.
    func isPlaceholder(_ secret: String) -> Bool {
        placeholderRegexes.contains { $0.matches(secret) }
    }

    /// This rule set followed by `extra` rules (used for configuration-derived rules).
    func appending(_ extra: [SecretRule]) -> SecretRuleSet {
        SecretRuleSet(checkedRules: rules + extra, placeholderPatterns: placeholderPatterns, regexes: placeholderRegexes)
    }

    private init(checkedRules: [SecretRule], placeholderPatterns: [String], regexes: [NSRegularExpression]) {
        self.rules = checkedRules
        self.placeholderPatterns = placeholderPatterns
        self.placeholderRegexes = regexes
    }
}
