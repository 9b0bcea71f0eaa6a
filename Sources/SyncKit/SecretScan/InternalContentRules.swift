import Foundation

/// Rules built from the scan configuration rather than the rule file: internal-only markers and host names.
enum InternalContentRules {
    static let markerRuleID = "internal-marker"
    static let hostRuleID = "internal-host"
    static let pathRuleID = "internal-path"
    static let knownSecretRuleID = "known-secret-value"

    static func make(from configuration: SecretScanConfiguration) throws -> [SecretRule] {
        var rules: [SecretRule] = []
        let markers = try configuration.internalMarkers.map { marker in
            let trimmed = marker.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.contains("\n") else { throw SecretScanError.invalidMarker(marker) }
            return trimmed
        }
        if !markers.isEmpty {
            rules.append(try literalRule(markerRuleID, "Internal-only marker in content that leaves the canonical repository",
                                         markers, caseInsensitive: true, origin: "<configuration>"))
        }
        // The run's own secrets, matched exactly (the finding never shows the value).
        let secrets = Set(configuration.knownSecretValues.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            .filter { $0.count >= 8 && !$0.contains("\n") }.sorted()
        if !secrets.isEmpty {
            rules.append(try literalRule(knownSecretRuleID, "The value of a secret this run holds (a token, key or webhook of the workflow)",
                                         secrets, caseInsensitive: false, origin: "<the run's secrets>"))
        }
        let suffixes = try configuration.internalHostSuffixes.map(normalizedSuffix)
        if !suffixes.isEmpty {
            let label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            let alternatives = suffixes.map { NSRegularExpression.escapedPattern(for: String($0.dropFirst())) }
            rules.append(try SecretRule(
                id: hostRuleID,
                summary: "Internal host name",
                pattern: "(?i)(?<![A-Za-z0-9.-])((?:\(label)\\.)+(?:\(alternatives.joined(separator: "|"))))(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
                keywords: suffixes,
                rejectsPlaceholders: false,
                origin: SecretRule.Origin(file: "<configuration>", line: 0)
            ))
        }
        return rules
    }

    /// A rule that finds any of `values` as written (escaped, never read as patterns), gated on
    /// the values themselves as keywords.
    private static func literalRule(_ id: String, _ summary: String, _ values: [String], caseInsensitive: Bool, origin: String) throws -> SecretRule {
        try SecretRule(
            id: id, summary: summary,
            pattern: (caseInsensitive ? "(?i)(" : "(") + values.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")",
            keywords: values.map { $0.lowercased() },
            rejectsPlaceholders: false,
            origin: SecretRule.Origin(file: origin, line: 0)
        )
    }

    /// `corp.example.com` or `.corp.example.com` → `.corp.example.com`, lower-cased.
    private static func normalizedSuffix(_ suffix: String) throws -> String {
        let lowered = suffix.lowercased()
        let body = lowered.hasPrefix(".") ? String(lowered.dropFirst()) : lowered
        guard body.range(of: #"^[a-z0-9-]+(\.[a-z0-9-]+)*\z"#, options: .regularExpression) != nil else {
            throw SecretScanError.invalidHostSuffix(suffix)
        }
        return "." + body
    }
}
