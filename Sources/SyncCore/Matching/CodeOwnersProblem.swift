import Diagnostics

/// A CODEOWNERS line that GitHub would ignore. Not fatal: the line is skipped, the rest of the
/// file still applies, and the problem is reported with its line number.
package struct CodeOwnersProblem: Error, CustomStringConvertible, Equatable, Sendable {
    package enum Reason: Equatable, Sendable {
        case invalidPattern(String, CodeOwnersPatternError)
        case invalidOwner(String)
    }

    package let location: FileLocation
    package let reason: Reason

    package init(file: String, line: Int, reason: Reason) {
        location = FileLocation(file: file, line: line)
        self.reason = reason
    }

    package var file: String { location.file }
    package var line: Int { location.line ?? 1 }

    /// A warning on the line: GitHub skips it, the rest of the file applies.
    package var diagnostic: Diagnostic {
        let message = switch reason {
        case .invalidPattern(let pattern, let error):
            "pattern '\(pattern)' is invalid: \(error); the line is ignored until it is fixed"
        case .invalidOwner(let owner):
            "'\(owner)' is not an owner; write '@user', '@org/team' or an email address (the line is ignored until it is fixed)"
        }
        return Diagnostic(.warning, message, at: location)
    }

    package var description: String { diagnostic.description }
}
