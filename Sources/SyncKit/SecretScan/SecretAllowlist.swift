import Foundation
import SyncCore

/// Known false positives, each with the reason it is allowed. An entry suppresses a finding when every
/// matcher it gives agrees: rule id, path pattern, finding fingerprint prefix, line-content hash prefix.
package struct SecretAllowlist: Sendable {
    package struct Entry: Sendable {
        package let reason: String
        package let ruleID: String?
        /// Glob-ish: `**` any run of characters, `*` and `?` within one path segment; a pattern without `/`
        /// matches the file name in any folder.
        package let pathPattern: String?
        /// Prefix of `SecretFinding.fingerprint`.
        package let fingerprint: String?
        /// Prefix of the SHA-256 (hex) of the finding's line, trimmed of surrounding spaces, tabs and `\r`.
        package let lineSHA256: String?
        /// Line of the entry in the allowlist file.
        package let line: Int
        let pathRegex: NSRegularExpression?

        package init(
            reason: String, ruleID: String? = nil, pathPattern: String? = nil,
            fingerprint: String? = nil, lineSHA256: String? = nil, line: Int = 0
        ) {
            self.reason = reason
            self.ruleID = ruleID
            self.pathPattern = pathPattern
            self.fingerprint = fingerprint
            self.lineSHA256 = lineSHA256
            self.line = line
            self.pathRegex = pathPattern.flatMap { try? NSRegularExpression(pattern: Self.regexPattern(forPath: $0)) }
        }

        /// Translates the path pattern into an anchored regular expression.
        static func regexPattern(forPath pattern: String) -> String {
            var regex = pattern.contains("/") ? "^" : "^(?:.*/)?"
            var characters = Substring(pattern)
            while let character = characters.first {
                if characters.hasPrefix("**/") {
                    regex += "(?:.*/)?"
                    characters = characters.dropFirst(3)
                    continue
                }
                if characters.hasPrefix("**") {
                    regex += ".*"
                    characters = characters.dropFirst(2)
                    continue
                }
                switch character {
                case "*": regex += "[^/]*"
                case "?": regex += "[^/]"
                default: regex += NSRegularExpression.escapedPattern(for: String(character))
                }
                characters = characters.dropFirst()
            }
            return regex + "$"
        }

        func matches(ruleID: String, path: String, fingerprint: String, lineHash: () -> String) -> Bool {
            if let expected = self.ruleID, expected != ruleID { return false }
            if let pathRegex, !pathRegex.matches(path) { return false }
            if let expected = self.fingerprint, !fingerprint.hasPrefix(expected) { return false }
            if let expected = lineSHA256, !lineHash().hasPrefix(expected) { return false }
            return true
        }
    }

    package let entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries
    }

    package static let empty = SecretAllowlist(entries: [])

    /// Whether some entry suppresses this finding; `lineHash` is only called when an entry needs it.
    func suppresses(ruleID: String, path: String, fingerprint: String, lineHash: () -> String) -> Bool {
        entries.contains { $0.matches(ruleID: ruleID, path: path, fingerprint: fingerprint, lineHash: lineHash) }
    }

    /// The hash `line_sha256` entries compare against: the line without surrounding spaces, tabs and `\r`.
    static func lineHash(_ line: ArraySlice<UInt8>) -> String {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }
        var trimmed = line
        while let first = trimmed.first, isBlank(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, isBlank(last) { trimmed = trimmed.dropLast() }
        return Checksum.sha256Hex(trimmed)
    }
}
