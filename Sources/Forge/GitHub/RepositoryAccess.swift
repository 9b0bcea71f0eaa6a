import Foundation

/// What a token can do with one repository, from `GET /repos/{owner}/{repo}`.
package struct RepositoryAccess: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable {
        /// Readable, and writable when push access was needed.
        case ok
        /// Readable, but `permissions.push` is false where the sync must push.
        case readOnly = "read-only"
        /// 404: no such repository, or the token cannot see it.
        case notFound = "not-found"
        /// 401 or 403.
        case denied
        /// The check itself failed (network, server).
        case unreachable
    }

    package var repository: String
    package var status: Status
    package var needsPush: Bool
    package var canPush: Bool?
    package var defaultBranch: String?
    package var note: String

    package var isFailure: Bool { status != .ok }
}

/// The token's view of the API after the checks: rate limit and (classic tokens) scopes.
package struct TokenReport: Sendable, Equatable, Codable {
    package var rateLimitRemaining: Int?
    package var rateLimitLimit: Int?
    package var rateLimitReset: Int?
    /// `x-oauth-scopes` of a classic token; nil for fine-grained and app tokens, which have none.
    package var scopes: [String]?
}

package struct RepositoryAccessProbe: Sendable {
    let client: GitHubClient

    package init(client: GitHubClient) {
        self.client = client
    }

    /// Checks each repository in turn (bounded by the client's retries and time-outs).
    package func check(_ repositories: [(name: String, needsPush: Bool)]) async -> (access: [RepositoryAccess], token: TokenReport) {
        var results: [RepositoryAccess] = []
        var token = TokenReport()
        for (name, needsPush) in repositories {
            var access = RepositoryAccess(repository: name, status: .ok, needsPush: needsPush, note: "")
            do {
                let response = try await client.send("GET", "/repos/\(name)")
                if let limit = response.rateLimit {
                    token.rateLimitRemaining = limit.remaining
                    token.rateLimitLimit = limit.limit
                    token.rateLimitReset = limit.reset
                }
                if let scopes = response.header("x-oauth-scopes") {
                    token.scopes = scopes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                switch response.status {
                case 200:
                    let payload = try? response.decode(GitHubPayload.Repository.self)
                    access.canPush = payload?.permissions?.push
                    access.defaultBranch = payload?.defaultBranch
                    if needsPush && access.canPush != true {
                        access.status = .readOnly
                        access.note = access.canPush == false
                            ? "the token can read but not push (permissions.push: false); grant contents and pull-requests write"
                            : "GitHub did not report push permission for this token"
                    } else {
                        access.note = needsPush ? "read and push" : "read"
                    }
                case 404:
                    access.status = .notFound
                    access.note = "not found, or the token cannot see it"
                default:
                    access.status = .unreachable
                    access.note = "unexpected status \(response.status)"
                }
            } catch {
                switch error {
                case .badCredentials, .forbidden: access.status = .denied
                default: access.status = .unreachable
                }
                access.note = error.description
            }
            results.append(access)
        }
        return (results, token)
    }
}
