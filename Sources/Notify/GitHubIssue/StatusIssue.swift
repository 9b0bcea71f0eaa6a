import Forge
import Foundation

/// The one open issue in the upstream repository that carries the latest sync status:
/// found by its label, created the first time, edited afterwards (never a second one).
/// It goes through the forge, like detect-drift's drift issue.
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

    package let forge: any Forge
    package let repository: String
    package let label: String
    package let title: String

    package init(forge: any Forge, repository: String, label: String, title: String) {
        self.forge = forge
        self.repository = repository
        self.label = label
        self.title = title
    }

    /// Creates or edits the status issue so its body is `body` (cut to GitHub's limit by the caller).
    package func publish(body: String) async throws -> Outcome {
        if let existing = try await forge.openIssues(repository, label: label).min(by: { $0.number < $1.number }) {
            let issue = try await forge.updateIssue(repository, number: existing.number, title: title, body: body)
            return Outcome(action: .updated, number: issue.number, url: issue.url)
        }
        let issue = try await forge.createIssue(repository, title: title, body: body, labels: [label])
        return Outcome(action: .created, number: issue.number, url: issue.url)
    }
}
