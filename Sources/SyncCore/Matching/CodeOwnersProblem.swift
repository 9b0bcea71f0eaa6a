/// A CODEOWNERS line that GitHub would ignore. Not fatal: the line is skipped, the rest of the
/// file still applies, and the problem is reported with its line number.
package struct CodeOwnersProblem: Error, CustomStringConvertible, Equatable, Sendable {
    package enum Reason: Equatable, Sendable {
        case invalidPattern(String, CodeOwnersPatternError)
        case invalidOwner(String)
    }

    package let file: String
    package let line: Int
    package let reason: Reason

    package var description: String {
        switch reason {
        case .invalidPattern(let pattern, let error):
            "\(file):\(line): pattern '\(pattern)' is invalid: \(error); the line is ignored until it is fixed"
        case .invalidOwner(let owner):
            "\(file):\(line): '\(owner)' is not an owner; write '@user', '@org/team' or an email address (the line is ignored until it is fixed)"
        }
    }
}
