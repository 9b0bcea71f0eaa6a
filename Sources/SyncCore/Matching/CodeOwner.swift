/// An owner named in a CODEOWNERS line.
package enum CodeOwner: Sendable, Hashable, CustomStringConvertible {
    /// `@login`
    case user(String)
    /// `@organization/team-slug`
    case team(organization: String, name: String)
    /// `someone@example.com`
    case email(String)

    /// Reads `@login`, `@org/team` or an email address; nil for anything else.
    package init?(_ text: String) {
        if text.hasPrefix("@") {
            let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 1, Self.isLogin(parts[0]) {
                self = .user(String(parts[0]))
            } else if parts.count == 2, Self.isLogin(parts[0]), Self.isTeamName(parts[1]) {
                self = .team(organization: String(parts[0]), name: String(parts[1]))
            } else {
                return nil
            }
        } else if Self.isEmail(text) {
            self = .email(text)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .user(let login): "@\(login)"
        case .team(let organization, let name): "@\(organization)/\(name)"
        case .email(let address): address
        }
    }

    /// GitHub logins: letters, digits and single inner hyphens, at most 39 characters.
    private static func isLogin(_ text: Substring) -> Bool {
        guard (1...39).contains(text.count), text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func isTeamName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        guard domain.contains("."), domain.first != ".", domain.last != "." else { return false }
        return !text.contains { $0.isWhitespace || "<>()[],;:\"".contains($0) }
    }
}
