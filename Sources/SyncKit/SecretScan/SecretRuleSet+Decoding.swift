import Yams

extension SecretRuleSet {
    static let topLevelKeys = ["placeholders", "rules"]
    static let ruleKeys = ["id", "description", "regex", "keywords", "secret_group", "entropy", "allowlist"]

    /// Parses a rule file. `file` names it in error messages, which carry the line of the offending entry.
    ///
    /// ```yaml
    /// placeholders: ['(?i)example']
    /// rules:
    ///   - id: github-token
    ///     description: GitHub token
    ///     regex: '\b(gh[pousr]_[A-Za-z0-9]{36})\b'
    ///     keywords: [ghp_, gho_]
    ///     entropy: 3.0          # optional, bits per byte of the secret group
    ///     secret_group: 1       # optional
    ///     allowlist: ['EXAMPLE'] # optional regexes run on the secret
    /// ```
    package init(yaml: String, file: String) throws {
        let root = try YAMLFields(YAMLFields.root(of: yaml, file: file), file: file, name: "rule file", allowed: Self.topLevelKeys)
        let placeholders = try root.strings("placeholders")
        for placeholder in placeholders {
            _ = try SecretRule.compile(placeholder.value, origin: SecretRule.Origin(file: file, line: placeholder.line))
        }
        var rules: [SecretRule] = []
        var seen: Set<String> = []
        for node in try root.sequence("rules") {
            let rule = try Self.decodeRule(node, file: file)
            guard seen.insert(rule.id).inserted else {
                throw SecretScanError.duplicateRuleID(file: file, line: node.mark?.line ?? root.line, ruleID: rule.id)
            }
            rules.append(rule)
        }
        try self.init(rules: rules, placeholderPatterns: placeholders.map(\.value))
    }

    private static func decodeRule(_ node: Node, file: String) throws -> SecretRule {
        let fields = try YAMLFields(node, file: file, name: "rule", allowed: ruleKeys)
        let id = try fields.requiredString("id")
        let origin = SecretRule.Origin(file: file, line: fields.line)
        let pattern = try fields.requiredString("regex")
        _ = try SecretRule.compile(pattern, origin: SecretRule.Origin(file: file, line: fields.line(of: "regex")))
        let allowPatterns = try fields.strings("allowlist")
        for allow in allowPatterns {
            _ = try SecretRule.compile(allow.value, origin: SecretRule.Origin(file: file, line: allow.line))
        }
        return try SecretRule(
            id: id,
            summary: try fields.requiredString("description"),
            pattern: pattern,
            keywords: try fields.strings("keywords").map(\.value),
            secretGroup: try fields.int("secret_group"),
            minimumEntropy: try fields.double("entropy"),
            allowPatterns: allowPatterns.map(\.value),
            origin: origin
        )
    }
}
