/// A GitHub API failure, phrased as what the user can do about it.
package enum GitHubError: Error, Sendable, Equatable, CustomStringConvertible {
    case badCredentials(path: String)
    case forbidden(path: String, message: String?, acceptedPermissions: String?)
    case notFound(path: String)
    case conflict(path: String, status: Int, message: String?)
    case rateLimited(path: String, waitSeconds: Int)
    case budgetExhausted(path: String, budget: Int)
    case server(path: String, status: Int, attempts: Int)
    case network(path: String, reason: String, attempts: Int)
    case unexpected(path: String, status: Int, message: String?)
    case invalidURL(String)

    package var description: String {
        switch self {
        case .badCredentials(let path):
            "GitHub refused the token (401 Bad credentials) on \(path): the token is wrong, expired or revoked. Create a new one and update the secret."
        case .forbidden(let path, let message, let accepted):
            "GitHub denied \(path) (403\(message.map { ": \($0)" } ?? ""))."
                + (accepted.map { " The token needs these permissions: \($0)." } ?? " Give the token access to this repository.")
        case .notFound(let path):
            "\(path) was not found (404): the repository does not exist, or the token cannot see it. Check the name and grant the token access."
        case .conflict(let path, let status, let message):
            "GitHub rejected \(path) (\(status)\(message.map { ": \($0)" } ?? ""))." + Self.hint(for: message ?? "")
        case .rateLimited(let path, let wait):
            "Rate limited on \(path); the limit resets in \(wait) s, longer than this run may wait. Lower max-parallel or re-run later."
        case .budgetExhausted(let path, let budget):
            "The request budget of \(budget) was spent before \(path); the rest of this job was not synced. Raise github-request-budget or split the targets over more shards."
        case .server(let path, let status, let attempts):
            "GitHub answered \(status) on \(path) after \(attempts) attempt\(attempts == 1 ? "" : "s"); it is having trouble. Re-run later."
        case .network(let path, let reason, let attempts):
            "Could not reach GitHub for \(path) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason). Check GITHUB_API_URL and the network."
        case .unexpected(let path, let status, let message):
            "Unexpected answer \(status) from GitHub on \(path)\(message.map { ": \($0)" } ?? "")." + Self.hint(for: message ?? "")
        case .invalidURL(let url):
            "'\(url)' is not a valid API URL; set GITHUB_API_URL to e.g. https://api.github.com or https://HOST/api/v3."
        }
    }

    /// What to do about the 409 and 422 answers a sync meets.
    private static func hint(for message: String) -> String {
        let text = message.lowercased()
        if text.contains("protected branch") {
            return " A branch protection rule covers this branch: exempt the sync branches (agent33-sync/*, agent33-rollback/*) or let the token bypass the rule."
        }
        if text.contains("not a fast forward") {
            return " The branch moved while the sync ran; re-run the sync."
        }
        if text.contains("reference already exists") {
            return " The branch was created by another run at the same time; re-run the sync."
        }
        if text.contains("pull request already exists") {
            return " Another pull request uses this branch; close it or re-run the sync to update it."
        }
        if text.contains("repository is empty") {
            return " The repository has no commits yet; push an initial commit to its default branch."
        }
        if text.contains("issues are disabled") {
            return " Enable issues in the repository's settings (the drift, rollback and status issues need them)."
        }
        if text.contains("collaborator") {
            return " Add the reviewers as collaborators of the repository, or fix CODEOWNERS and the rule's reviewers."
        }
        return ""
    }
}
