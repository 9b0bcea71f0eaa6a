import Foundation

/// The parts of GitHub's JSON answers the forge reads.
enum GitHubPayload {
    struct Repository: Codable {
        struct Permissions: Codable {
            var push: Bool?
        }
        var fullName: String?
        var defaultBranch: String
        var permissions: Permissions?
        var allowAutoMerge: Bool?
        var allowMergeCommit: Bool?
        var allowSquashMerge: Bool?
        var allowRebaseMerge: Bool?

        enum CodingKeys: String, CodingKey {
            case permissions
            case fullName = "full_name"
            case defaultBranch = "default_branch"
            case allowAutoMerge = "allow_auto_merge"
            case allowMergeCommit = "allow_merge_commit"
            case allowSquashMerge = "allow_squash_merge"
            case allowRebaseMerge = "allow_rebase_merge"
        }

        /// GraphQL merge methods the repository allows, in the order the sync prefers them.
        var mergeMethods: [String] {
            [("MERGE", allowMergeCommit), ("SQUASH", allowSquashMerge), ("REBASE", allowRebaseMerge)].filter { $0.1 ?? true }.map(\.0)
        }
    }

    struct Reference: Codable {
        struct Object: Codable {
            var sha: String
            var type: String
        }
        var ref: String
        var object: Object
    }

    struct SHA: Codable {
        var sha: String
    }

    struct Commit: Codable {
        var sha: String
        var message: String
        var tree: SHA
        var parents: [SHA]
    }

    /// An entry of `GET /repos/{o}/{r}/commits`.
    struct ListedCommit: Codable {
        struct Detail: Codable {
            var message: String
        }
        var sha: String
        var commit: Detail
        var parents: [SHA]
    }

    struct Tree: Codable {
        struct Entry: Codable {
            var path: String
            var mode: String
            var type: String
            var sha: String
        }
        var sha: String
        var tree: [Entry]
        var truncated: Bool?
    }

    struct Blob: Codable {
        var content: String
        var encoding: String
    }

    struct Label: Codable {
        var name: String
    }

    struct PullRequest: Codable {
        struct Branch: Codable {
            struct Repo: Codable {
                var fullName: String

                enum CodingKeys: String, CodingKey {
                    case fullName = "full_name"
                }
            }
            var ref: String
            var sha: String?
            var repo: Repo?
        }
        struct Login: Codable {
            var login: String
        }
        struct Team: Codable {
            var slug: String
        }
        var number: Int
        var nodeID: String?
        var htmlURL: String
        var state: String
        var title: String
        var body: String?
        var head: Branch
        var base: Branch
        var labels: [Label]?
        var requestedReviewers: [Login]?
        var requestedTeams: [Team]?
        var autoMerge: AutoMerge?
        var mergedAt: String?
        var mergeCommitSHA: String?
        var createdAt: String?
        var closedAt: String?

        struct AutoMerge: Codable {
            var enabledBy: Login?

            enum CodingKeys: String, CodingKey {
                case enabledBy = "enabled_by"
            }
        }

        enum CodingKeys: String, CodingKey {
            case number, state, title, body, head, base, labels
            case nodeID = "node_id"
            case htmlURL = "html_url"
            case requestedReviewers = "requested_reviewers"
            case requestedTeams = "requested_teams"
            case autoMerge = "auto_merge"
            case mergedAt = "merged_at"
            case mergeCommitSHA = "merge_commit_sha"
            case createdAt = "created_at"
            case closedAt = "closed_at"
        }
    }

    struct Issue: Codable {
        var number: Int
        var htmlURL: String
        var title: String
        var body: String?
        var state: String
        var labels: [Label]?
        /// Present when the issue is a pull request.
        var pullRequest: Marker?

        struct Marker: Codable {}

        enum CodingKeys: String, CodingKey {
            case number, title, body, state, labels
            case htmlURL = "html_url"
            case pullRequest = "pull_request"
        }
    }

    /// A repository of an owner's listing (`/orgs/{org}/repos`, `/users/{username}/repos`: GitHub's
    /// MinimalRepository, of which only these fields are read). `topics` and `archived` are optional
    /// in GitHub's description; `fork` is not, but a listing without it is read as not a fork.
    struct ListedRepository: Codable {
        var fullName: String
        var topics: [String]?
        var archived: Bool?
        var fork: Bool?

        enum CodingKeys: String, CodingKey {
            case topics, archived, fork
            case fullName = "full_name"
        }
    }

    /// An issue or pull request comment (`/issues/{n}/comments`, `/issues/comments/{id}`).
    struct Comment: Codable {
        var id: Int
        var body: String?
        var htmlURL: String?

        enum CodingKeys: String, CodingKey {
            case id, body
            case htmlURL = "html_url"
        }
    }
}
