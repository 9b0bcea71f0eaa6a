import Diagnostics
import Foundation
import SyncCore

/// What secrets a run needs and what they must look like, from a YAML file:
///
/// ```yaml
/// secrets:
///   GITHUB_TOKEN:
///     required: true
///     format: github-token
///     live_check: true
///   API_TOKEN: { required: true, min_length: 20 }
/// ```
package struct SecretsSpec: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var isRequired: Bool
        package var format: SecretFormat
        /// A regular expression the whole value must match.
        package var pattern: String?
        package var minimumLength: Int?
        /// The token used for the live access check (GET of the source and target repositories).
        package var isLiveCheckToken: Bool
        package var description: String?
        /// Where the entry is written, for annotations.
        package var line: Int?

        package init(
            name: String, required: Bool, format: SecretFormat = .any, pattern: String? = nil,
            minimumLength: Int? = nil, liveCheck: Bool = false, description: String? = nil, line: Int? = nil
        ) {
            self.name = name
            self.isRequired = required
            self.format = format
            self.pattern = pattern
            self.minimumLength = minimumLength
            self.isLiveCheckToken = liveCheck
            self.description = description
            self.line = line
        }
    }

    package var entries: [Entry]
    /// The file it came from, or `built-in` for the default.
    package var source: String

    package init(entries: [Entry], source: String) {
        self.entries = entries
        self.source = source
    }

    /// The brief's secrets: four required, two optional.
    package static let builtIn = SecretsSpec(
        entries: [
            Entry(name: "GITHUB_TOKEN", required: true, format: .githubToken, liveCheck: true,
                  description: "Reads the source repository and writes sync branches and pull requests in the targets."),
            Entry(name: "API_TOKEN", required: true, minimumLength: 16, description: "Token for the internal API integration."),
            Entry(name: "EXTERNAL_API_TOKEN", required: true, minimumLength: 16, description: "Token for the external API integration."),
            Entry(name: "ENCRYPTION_KEY", required: true, format: .key256, description: "256-bit key that seals replay records and artifacts."),
            Entry(name: "SLACK_WEBHOOK", required: false, format: .slackWebhook, description: "Slack incoming webhook for sync notifications."),
            Entry(name: "NOTIFICATION_EMAIL", required: false, format: .email, description: "Where email notifications go."),
        ],
        source: "built-in"
    )

    static let entryKeys = ["required", "format", "pattern", "min_length", "live_check", "description"]

    /// Parses a specification file; every error names file:line:column.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> SecretsSpec {
        guard let root = try ConfigNode.parse(text, file: file) else {
            throw Diagnostic.configuration(file: file, line: 1, message: "the secrets specification is empty.", hint: "Add a 'secrets:' mapping of NAME: {required, format}.")
        }
        let top = try root.mapping(allowed: ["secrets"])
        let secretsNode = try top.required("secrets")
        guard case .mapping = secretsNode.node else {
            throw secretsNode.error("'secrets' must be a mapping of secret names to their rules; found \(secretsNode.kindName).")
        }
        var entries: [Entry] = []
        for (name, node) in try secretsNode.mapping().entries {
            guard name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*\z"#, options: .regularExpression) != nil else {
                throw node.error("'\(name)' is not a valid environment variable name (letters, digits and _, not starting with a digit).")
            }
            entries.append(try parseEntry(name: name, node: node))
        }
        guard !entries.isEmpty else {
            throw secretsNode.error("'secrets' lists no secret.")
        }
        let liveTokens = entries.filter(\.isLiveCheckToken)
        if liveTokens.count > 1 {
            throw Diagnostic.configuration(file: file, line: liveTokens[1].line, message: "only one secret can be the live-check token; \(liveTokens.map(\.name).joined(separator: " and ")) both set live_check.")
        }
        return SecretsSpec(entries: entries, source: file)
    }

    private static func parseEntry(name: String, node: ConfigNode) throws(Diagnostic) -> Entry {
        if case .scalar(let scalar) = node.node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return Entry(name: name, required: true, line: node.line)
        }
        let fields = try node.mapping(allowed: entryKeys)
        var entry = Entry(name: name, required: try fields["required"]?.bool() ?? true, line: node.line)
        if let formatNode = fields["format"] {
            let text = try formatNode.string()
            guard let format = SecretFormat(rawValue: text) else {
                let suggestion = Suggestion.closest(to: text, in: SecretFormat.allCases.map(\.rawValue))
                throw formatNode.error(
                    "unknown format '\(text)' for \(name)." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                    hint: "Formats: \(SecretFormat.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            entry.format = format
        }
        if let patternNode = fields["pattern"] {
            let pattern = try patternNode.string()
            do {
                _ = try BoundedRegex("^(?:\(pattern))$")
            } catch {
                throw patternNode.error("the pattern for \(name) is refused: \(error.description).")
            }
            entry.pattern = pattern
        }
        if let lengthNode = fields["min_length"] {
            let length = try lengthNode.int()
            guard length >= 1 else { throw lengthNode.error("min_length for \(name) must be at least 1; found \(length).") }
            entry.minimumLength = length
        }
        entry.isLiveCheckToken = try fields["live_check"]?.bool() ?? false
        entry.description = try fields["description"]?.string()
        return entry
    }
}
