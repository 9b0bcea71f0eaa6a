import Foundation
import SyncCore

/// The verdict on one secret's value. It never holds the value, only what was found.
package struct SecretVerdict: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable {
        /// Present and well-formed.
        case valid
        /// Not set (or empty) and required.
        case missing
        /// Not set and optional.
        case absent
        /// Set, but a placeholder, badly shaped, or padded with whitespace.
        case invalid
    }

    package var name: String
    package var isRequired: Bool
    package var status: Status
    package var format: String
    /// Why the value was refused; never contains the value.
    package var problem: String?

    package var isPresent: Bool { status == .valid || status == .invalid }
    /// Whether this verdict fails the run.
    package var isFailure: Bool { status == .missing || (status == .invalid && isRequired) }
}

package enum SecretCheck {
    /// Values that people paste while setting things up.
    static let placeholderWords: Set<String> = [
        "changeme", "change-me", "change_me", "replaceme", "replace-me", "placeholder", "secret", "password", "token",
        "your-token", "your_token", "yourtoken", "your-token-here", "token-here", "todo", "tbd", "fixme", "dummy", "test",
        "example", "sample", "null", "nil", "none", "undefined", "empty", "n/a", "na", "default", "xxx", "***",
    ]

    /// Judges one secret's value against its entry.
    package static func verdict(for entry: SecretsSpec.Entry, value: String?) -> SecretVerdict {
        var verdict = SecretVerdict(name: entry.name, isRequired: entry.isRequired, status: .valid, format: entry.format.rawValue)
        guard let value, !value.isEmpty else {
            verdict.status = entry.isRequired ? .missing : .absent
            verdict.problem = entry.isRequired ? "not set: add it as a repository or organisation secret and map it through env" : nil
            return verdict
        }
        if let problem = problem(with: value, entry: entry) {
            verdict.status = .invalid
            verdict.problem = problem
        }
        return verdict
    }

    static func problem(with value: String, entry: SecretsSpec.Entry) -> String? {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "is only whitespace"
        }
        if value.contains("\n") || value.contains("\r") {
            if value.trimmingCharacters(in: .newlines) != value {
                return "ends or starts with a line break; re-save the secret without it"
            }
            if entry.format != .any { return "contains a line break" }
        }
        if value.trimmingCharacters(in: .whitespaces) != value {
            return "has leading or trailing whitespace; re-save the secret without it"
        }
        if let placeholder = placeholderReason(value) {
            return placeholder
        }
        if let minimum = entry.minimumLength, value.count < minimum {
            return "is \(value.count) characters long; at least \(minimum) expected"
        }
        if let problem = entry.format.problem(with: value) {
            return problem
        }
        if let pattern = entry.pattern {
            switch (try? BoundedRegex("^(?:\(pattern))$"))?.hasMatch(in: value) {
            case true?: break
            case false?: return "does not match the pattern in the specification"
            case nil: return "could not be checked against the pattern in the specification (it ran past its time budget)"
            }
        }
        return nil
    }

    /// Why a value is a placeholder, or nil.
    static func placeholderReason(_ value: String) -> String? {
        let lowered = value.lowercased()
        if placeholderWords.contains(lowered) {
            return "is a placeholder word, not a real secret"
        }
        if value.range(of: #"^<[^<>]*>$"#, options: .regularExpression) != nil {
            return "is a placeholder in angle brackets, not a real secret"
        }
        if value.range(of: #"^\$\{\{.*\}\}$"#, options: .regularExpression) != nil || value.range(of: #"^\$\{?[A-Z_][A-Z0-9_]*\}?$"#, options: .regularExpression) != nil {
            return "is an unexpanded expression or variable reference; map the secret through env with ${{ secrets.NAME }}"
        }
        if value.count >= 3, Set(lowered).count == 1, let only = lowered.first, "x*#0.-_".contains(only) {
            return "is a run of '\(only)', a placeholder"
        }
        if lowered.contains("xxxxxxxx") || lowered.contains("changeme") || lowered.contains("your_token_here") || lowered.contains("your-token-here") {
            return "contains a placeholder text"
        }
        return nil
    }
}
