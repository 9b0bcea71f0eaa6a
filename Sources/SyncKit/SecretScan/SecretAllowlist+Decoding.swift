import Foundation

extension SecretAllowlist {
    static let entryKeys = ["reason", "rule", "path", "fingerprint", "line_sha256"]

    /// Parses an allowlist file; errors name `file` and the line of the offending entry.
    ///
    /// ```yaml
    /// allow:
    ///   - reason: AWS documentation example key
    ///     rule: aws-access-key-id
    ///     path: docs/**/*.md
    ///   - reason: test fixture token, revoked
    ///     fingerprint: 3fa1c09b2d7e4a51
    /// ```
    package init(yaml: String, file: String) throws {
        let root = try YAMLFields(YAMLFields.root(of: yaml, file: file), file: file, name: "allowlist file", allowed: ["allow"])
        var entries: [Entry] = []
        for node in try root.sequence("allow") {
            let fields = try YAMLFields(node, file: file, name: "allowlist entry", allowed: Self.entryKeys)
            guard let reason = try fields.string("reason"), !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SecretScanError.allowlistEntryWithoutReason(file: file, line: fields.line)
            }
            let fingerprint = try Self.hexPrefix(fields, key: "fingerprint")
            let lineSHA256 = try Self.hexPrefix(fields, key: "line_sha256")
            let ruleID = try fields.string("rule")
            let path = try fields.string("path")
            guard ruleID != nil || path != nil || fingerprint != nil || lineSHA256 != nil else {
                throw SecretScanError.allowlistEntryWithoutMatcher(file: file, line: fields.line)
            }
            if let path {
                _ = try SecretRule.compile(
                    Entry.regexPattern(forPath: path), origin: SecretRule.Origin(file: file, line: fields.line(of: "path")))
            }
            entries.append(Entry(
                reason: reason, ruleID: ruleID, pathPattern: path,
                fingerprint: fingerprint, lineSHA256: lineSHA256, line: fields.line))
        }
        self.init(entries: entries)
    }

    private static func hexPrefix(_ fields: YAMLFields, key: String) throws -> String? {
        guard let value = try fields.string(key) else { return nil }
        guard (8...64).contains(value.count), value.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw SecretScanError.invalidFingerprint(file: fields.file, line: fields.line(of: key), key: key, value: value)
        }
        return value
    }
}
