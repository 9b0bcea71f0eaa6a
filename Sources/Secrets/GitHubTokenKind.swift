/// What kind of GitHub token a value is, by the prefix GitHub gives each kind
/// (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available;
/// `github_pat_` for fine-grained tokens). Only the prefix is read: the rest of a token is opaque.
/// The kind decides how a token's rights can be learned: classic and OAuth tokens carry scopes,
/// which GitHub reports in the `X-OAuth-Scopes` header of every authenticated REST answer;
/// GitHub App and fine-grained tokens carry permissions, which no endpoint reports to the token itself.
package enum GitHubTokenKind: String, Sendable, Codable, CaseIterable {
    /// `ghp_`: a classic personal access token (scopes).
    case classic
    /// `gho_`: an OAuth app's token (scopes).
    case oauth
    /// `ghs_`: a GitHub App installation token (permissions), the workflow's own GITHUB_TOKEN included.
    case appInstallation = "app-installation"
    /// `ghu_`: a GitHub App user access token (permissions).
    case appUser = "app-user"
    /// `github_pat_`: a fine-grained personal access token (permissions).
    case fineGrained = "fine-grained"
    /// Anything else (`ghr_` refresh tokens, legacy 40-hex tokens).
    case other

    package init(token: String) {
        if token.hasPrefix("github_pat_") {
            self = .fineGrained
        } else if token.hasPrefix("ghp_") {
            self = .classic
        } else if token.hasPrefix("gho_") {
            self = .oauth
        } else if token.hasPrefix("ghs_") {
            self = .appInstallation
        } else if token.hasPrefix("ghu_") {
            self = .appUser
        } else {
            self = .other
        }
    }

    /// Whether GitHub reports the token's rights as OAuth scopes (`X-OAuth-Scopes`).
    package var hasScopes: Bool { self == .classic || self == .oauth }

    /// Whether the token's rights are a GitHub App's permissions.
    package var isAppToken: Bool { self == .appInstallation || self == .appUser }

    /// The kind in words, for messages.
    package var phrase: String {
        switch self {
        case .classic: "classic personal access token"
        case .oauth: "OAuth app token"
        case .appInstallation: "GitHub App installation token"
        case .appUser: "GitHub App user access token"
        case .fineGrained: "fine-grained personal access token"
        case .other: "token"
        }
    }
}
