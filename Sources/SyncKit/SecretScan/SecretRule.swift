import Foundation

/// One detection rule: a regular expression guarded by keywords, with the capture group that holds the secret.
///
/// The regex only runs on lines whose lower-cased bytes contain one of `keywords`. A match is dropped when the
/// captured secret's Shannon entropy is below `minimumEntropy`, or when one of the rule's allow patterns (or,
/// for rules that take them, the rule set's placeholders) matches the secret.
package struct SecretRule: Sendable {
    package let id: String
    package let summary: String
    package let pattern: String
    package let keywords: [String]
    package let secretGroup: Int
    package let minimumEntropy: Double?
    package let allowPatterns: [String]
    /// Whether the rule set's shared placeholder patterns also reject this rule's matches.
    package let rejectsPlaceholders: Bool

    let regex: NSRegularExpression
    let allowRegexes: [NSRegularExpression]

    /// Where the rule was written, for error messages (`file`, `line`).
    package struct Origin: Sendable {
        package let file: String
        package let line: Int
        package init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    /// Compiles a rule; `secretGroup` defaults to 1 when the regex has a capture group and to 0 otherwise.
    package init(
        id: String,
        summary: String,
        pattern: String,
        keywords: [String],
        secretGroup: Int? = nil,
        minimumEntropy: Double? = nil,
        allowPatterns: [String] = [],
        rejectsPlaceholders: Bool = true,
        origin: Origin = Origin(file: "<code>", line: 0)
    ) throws {
        guard id.range(of: #"^[a-z0-9][a-z0-9-]*\z"#, options: .regularExpression) != nil else {
            throw SecretScanError.invalidRuleID(file: origin.file, line: origin.line, ruleID: id)
        }
        guard !keywords.isEmpty else {
            throw SecretScanError.ruleWithoutKeywords(file: origin.file, line: origin.line, ruleID: id)
        }
        for keyword in keywords where keyword.isEmpty || keyword != keyword.lowercased() || keyword.contains("\n") {
            throw SecretScanError.invalidKeyword(file: origin.file, line: origin.line, ruleID: id, keyword: keyword)
        }
        if let minimumEntropy, !(0...8).contains(minimumEntropy) {
            throw SecretScanError.entropyOutOfRange(file: origin.file, line: origin.line, ruleID: id, value: minimumEntropy)
        }
        let regex = try Self.compile(pattern, origin: origin)
        let group = secretGroup ?? (regex.numberOfCaptureGroups > 0 ? 1 : 0)
        guard (0...regex.numberOfCaptureGroups).contains(group) else {
            throw SecretScanError.secretGroupOutOfRange(
                file: origin.file, line: origin.line, ruleID: id, group: group, groupCount: regex.numberOfCaptureGroups)
        }
        self.id = id
        self.summary = summary
        self.pattern = pattern
        self.keywords = keywords
        self.secretGroup = group
        self.minimumEntropy = minimumEntropy
        self.allowPatterns = allowPatterns
        self.rejectsPlaceholders = rejectsPlaceholders
        self.regex = regex
        self.allowRegexes = try allowPatterns.map { try Self.compile($0, origin: origin) }
    }

    static func compile(_ pattern: String, origin: Origin) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw SecretScanError.invalidRegex(
                file: origin.file, line: origin.line, pattern: pattern, detail: error.localizedDescription)
        }
    }

    /// Whether one of the rule's own allow patterns matches `secret`.
    func allows(_ secret: String) -> Bool {
        allowRegexes.contains { $0.matches(secret) }
    }
}

extension NSRegularExpression {
    /// Whether the expression matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
