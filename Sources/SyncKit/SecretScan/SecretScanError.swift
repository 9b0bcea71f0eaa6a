import Diagnostics

/// Everything that can go wrong while loading the secret rule set, the scan configuration or the allowlist.
///
/// Each message says what was wrong, where (`file:line` when a file is involved) and how to fix it.
package enum SecretScanError: Error, CustomStringConvertible, DiagnosticConvertible, Equatable, Sendable {
    case unreadableYAML(file: String, line: Int?, detail: String)
    case unexpectedShape(file: String, line: Int, key: String, expected: String)
    case unknownKey(file: String, line: Int, key: String, allowed: [String])
    case missingKey(file: String, line: Int, key: String)
    case invalidRegex(file: String, line: Int, pattern: String, detail: String)
    case invalidKeyword(file: String, line: Int, ruleID: String, keyword: String)
    case ruleWithoutKeywords(file: String, line: Int, ruleID: String)
    case invalidRuleID(file: String, line: Int, ruleID: String)
    case duplicateRuleID(file: String, line: Int, ruleID: String)
    case secretGroupOutOfRange(file: String, line: Int, ruleID: String, group: Int, groupCount: Int)
    case entropyOutOfRange(file: String, line: Int, ruleID: String, value: Double)
    case allowlistEntryWithoutReason(file: String, line: Int)
    case allowlistEntryWithoutMatcher(file: String, line: Int)
    case invalidFingerprint(file: String, line: Int, key: String, value: String)
    case invalidMarker(String)
    case invalidHostSuffix(String)

    /// The error as a configuration diagnostic on its file and line.
    package var diagnostic: Diagnostic {
        let (location, message) = parts
        return Diagnostic(.error, message, title: "Configuration error", at: location, category: .configuration)
    }

    package var diagnostics: [Diagnostic] { [diagnostic] }

    package var description: String { diagnostic.description }

    private var parts: (FileLocation?, String) {
        switch self {
        case let .unreadableYAML(file, line, detail):
            return (FileLocation(file: file, line: line), "not valid YAML (\(detail)); fix the syntax at that place.")
        case let .unexpectedShape(file, line, key, expected):
            return (FileLocation(file: file, line: line), "'\(key)' must be \(expected); change the value to that shape.")
        case let .unknownKey(file, line, key, allowed):
            return (FileLocation(file: file, line: line), "unknown key '\(key)'; allowed keys are \(allowed.joined(separator: ", ")). Remove it or fix its spelling.")
        case let .missingKey(file, line, key):
            return (FileLocation(file: file, line: line), "required key '\(key)' is missing; add it to this entry.")
        case let .invalidRegex(file, line, pattern, detail):
            return (FileLocation(file: file, line: line), "the regular expression '\(pattern)' does not compile (\(detail)); fix it (ICU syntax).")
        case let .invalidKeyword(file, line, ruleID, keyword):
            return (FileLocation(file: file, line: line), "rule '\(ruleID)' has keyword '\(keyword)', but keywords must be non-empty and lower-case; write it in lower case.")
        case let .ruleWithoutKeywords(file, line, ruleID):
            return (FileLocation(file: file, line: line), "rule '\(ruleID)' has no keywords, so its regex would never run; list at least one lower-case string every match contains.")
        case let .invalidRuleID(file, line, ruleID):
            return (FileLocation(file: file, line: line), "rule id '\(ruleID)' must be lower-case letters, digits and '-'; rename it.")
        case let .duplicateRuleID(file, line, ruleID):
            return (FileLocation(file: file, line: line), "rule id '\(ruleID)' is used twice; give each rule its own id.")
        case let .secretGroupOutOfRange(file, line, ruleID, group, groupCount):
            return (FileLocation(file: file, line: line), "rule '\(ruleID)' takes its secret from group \(group), but its regex has \(groupCount) capture group(s); point 'secret_group' at an existing group.")
        case let .entropyOutOfRange(file, line, ruleID, value):
            return (FileLocation(file: file, line: line), "rule '\(ruleID)' has entropy threshold \(value), outside 0...8 bits per byte; choose a value in that range.")
        case let .allowlistEntryWithoutReason(file, line):
            return (FileLocation(file: file, line: line), "allowlist entry has no 'reason'; say why this finding is a false positive.")
        case let .allowlistEntryWithoutMatcher(file, line):
            return (FileLocation(file: file, line: line), "allowlist entry matches nothing; give it at least one of 'rule', 'path', 'fingerprint' or 'line_sha256'.")
        case let .invalidFingerprint(file, line, key, value):
            return (FileLocation(file: file, line: line), "'\(key)' value '\(value)' is not 8 to 64 lower-case hex digits; copy the fingerprint printed with the finding.")
        case let .invalidMarker(marker):
            return (nil, "internal-content marker '\(marker)' is empty or only spaces; remove it from the configuration.")
        case let .invalidHostSuffix(suffix):
            return (nil, "internal host suffix '\(suffix)' must look like '.corp.example.com' (letters, digits, '-' and '.'); fix it in the configuration.")
        }
    }
}
