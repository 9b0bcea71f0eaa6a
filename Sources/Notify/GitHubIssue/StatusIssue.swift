import Forge
import Foundation

/// The one open issue in the upstream repository that carries the latest sync status:
/// found by its label, created the first time, edited afterwards (never a second one).
package struct StatusIssue: Sendable {
    /// What publishing did.
    package struct Outcome: Sendable, Equatable {
        package enum Action: String, Sendable {
            case created, updated
        }

        package var action: Action
        package var number: Int
        package var url: String
    }

    package let client: GitHubClient
    package let repository: String
    package let label: String
    package let title: String

    package init(client: GitHubClient, repository: String, label: String, title: String) {
        self.client = client
        self.repository = repository
        self.label = label
        self.title = title
    }

    private struct IssuePayload: Decodable {
        var number: Int
        var htmlURL: String?
        var pullRequest: PullRequestMarker?

        struct PullRequestMarker: Decodable {}

        enum CodingKeys: String, CodingKey {
            case number
            case htmlURL = "html_url"
            case pullRequest = "pull_request"
        }
    }

    /// Creates or edits the status issue so its body is `body` (cut to GitHub's limit by the caller).
    package func publish(body: String) async throws -> Outcome {
        if let existing = try await findOpenIssue() {
            let payload = try JSONSerialization.data(withJSONObject: ["title": title, "body": body], options: [.sortedKeys])
            let response = try await client.send("PATCH", "/repos/\(repository)/issues/\(existing)", body: payload)
            let issue = try decodeIssue(response, expecting: 200, action: "edit issue #\(existing) in")
            return Outcome(action: .updated, number: issue.number, url: issue.htmlURL ?? "")
        }
        let payload = try JSONSerialization.data(withJSONObject: ["title": title, "body": body, "labels": [label]], options: [.sortedKeys])
        let response = try await client.send("POST", "/repos/\(repository)/issues", body: payload)
        let issue = try decodeIssue(response, expecting: 201, action: "create the status issue in")
        return Outcome(action: .created, number: issue.number, url: issue.htmlURL ?? "")
    }

    /// The lowest-numbered open issue (not pull request) with the label, if any.
    package func findOpenIssue() async throws -> Int? {
        let encodedLabel = label.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? label
        let path = "/repos/\(repository)/issues?labels=\(encodedLabel)&state=open&per_page=100&sort=created&direction=asc"
        let response = try await client.send("GET", path)
        guard response.status == 200 else { throw StatusIssueError.unexpected(repository: repository, action: "list issues of", status: response.status, message: response.errorMessage) }
        let issues: [IssuePayload]
        do { issues = try response.decode([IssuePayload].self) } catch {
            throw StatusIssueError.unexpected(repository: repository, action: "read the issue list of", status: response.status, message: "\(error)")
        }
        return issues.filter { $0.pullRequest == nil }.map(\.number).min()
    }

    private func decodeIssue(_ response: GitHubResponse, expecting status: Int, action: String) throws -> IssuePayload {
        guard response.status == status else {
            throw StatusIssueError.unexpected(repository: repository, action: action, status: response.status, message: response.errorMessage)
        }
        do { return try response.decode(IssuePayload.self) } catch {
            throw StatusIssueError.unexpected(repository: repository, action: action, status: response.status, message: "unreadable answer: \(error)")
        }
    }
}

package enum StatusIssueError: Error, Sendable, Equatable, CustomStringConvertible {
    case unexpected(repository: String, action: String, status: Int, message: String?)

    package var description: String {
        switch self {
        case .unexpected(let repository, let action, let status, let message):
            "Could not \(action) \(repository) (\(status)\(message.map { ": \($0)" } ?? "")). "
                + (status == 404 ? "Check issue-repo and that the token can see it (issues: write)." :
                   status == 410 ? "Issues are disabled in \(repository); enable them or set github-issue: false." :
                   "Check the token's issues permission.")
        }
    }
}
