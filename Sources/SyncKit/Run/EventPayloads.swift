import Foundation

package struct RepositoryPayload: Sendable, Equatable, Decodable {
    package var fullName: String?
    package var defaultBranch: String?

    enum CodingKeys: String, CodingKey {
        case fullName = "full_name"
        case defaultBranch = "default_branch"
    }
}

package struct PushEvent: Sendable, Equatable, Decodable {
    package struct Commit: Sendable, Equatable, Decodable {
        package var id: String?
        package var message: String?
        package var added: [String]?
        package var modified: [String]?
        package var removed: [String]?
    }

    package var ref: String
    package var before: String?
    package var after: String?
    package var commits: [Commit]?
    package var repository: RepositoryPayload?

    /// `refs/heads/main` → `main`; nil for tags.
    package var branch: String? {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : nil
    }

    /// Every path the pushed commits touched, in first-seen order.
    package var changedPaths: [String] {
        var seen = Set<String>()
        var paths: [String] = []
        for commit in commits ?? [] {
            for path in (commit.added ?? []) + (commit.modified ?? []) + (commit.removed ?? []) where seen.insert(path).inserted {
                paths.append(path)
            }
        }
        return paths
    }
}

package struct ReleaseEvent: Sendable, Equatable, Decodable {
    package struct Release: Sendable, Equatable, Decodable {
        package var tagName: String
        package var name: String?
        package var body: String?
        package var publishedAt: String?
        package var prerelease: Bool?
        package var draft: Bool?
        package var targetCommitish: String?

        enum CodingKeys: String, CodingKey {
            case tagName = "tag_name", name, body, prerelease, draft
            case publishedAt = "published_at"
            case targetCommitish = "target_commitish"
        }
    }

    package var action: String
    package var release: Release
    package var repository: RepositoryPayload?

    package var isPublished: Bool { action == "published" }
}

package struct WorkflowDispatchEvent: Sendable, Equatable, Decodable {
    /// Inputs as strings, as `github.event.inputs` presents them (booleans become "true"/"false").
    package var inputs: [String: String]
    package var ref: String?
    package var repository: RepositoryPayload?

    enum CodingKeys: String, CodingKey { case inputs, ref, repository }

    package init(inputs: [String: String], ref: String? = nil) {
        self.inputs = inputs
        self.ref = ref
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ref = try container.decodeIfPresent(String.self, forKey: .ref)
        repository = try container.decodeIfPresent(RepositoryPayload.self, forKey: .repository)
        let raw = try container.decodeIfPresent([String: LooseString].self, forKey: .inputs) ?? [:]
        inputs = raw.mapValues(\.value)
    }
}

package struct ScheduleEvent: Sendable, Equatable, Decodable {
    package var schedule: String?

    package init(schedule: String?) {
        self.schedule = schedule
    }
}

/// A JSON scalar read as the string the workflow context would show.
private struct LooseString: Decodable {
    var value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            value = string
        } else if let bool = try? container.decode(Bool.self) {
            value = bool ? "true" : "false"
        } else if let int = try? container.decode(Int.self) {
            value = String(int)
        } else if let double = try? container.decode(Double.self) {
            value = String(double)
        } else if container.decodeNil() {
            value = ""
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "an input must be a string, boolean or number")
        }
    }
}

/// `pull_request` (and `pull_request_target`): what preview-sync needs of the upstream pull request.
package struct PullRequestEvent: Sendable, Equatable, Decodable {
    package struct Side: Sendable, Equatable, Decodable {
        package var sha: String
        package var ref: String
        package var repo: RepositoryPayload?
    }

    package struct Details: Sendable, Equatable, Decodable {
        package var number: Int
        package var htmlURL: String?
        package var head: Side
        package var base: Side

        enum CodingKeys: String, CodingKey {
            case number, head, base
            case htmlURL = "html_url"
        }
    }

    package var action: String
    package var pullRequest: Details

    enum CodingKeys: String, CodingKey {
        case action
        case pullRequest = "pull_request"
    }

    /// A pull request from a fork: its workflow gets no token that may write to the upstream.
    /// A head repository GitHub no longer names (a deleted fork) counts as a fork.
    package var isFromFork: Bool {
        guard let head = pullRequest.head.repo?.fullName, let base = pullRequest.base.repo?.fullName else { return true }
        return head.lowercased() != base.lowercased()
    }
}
