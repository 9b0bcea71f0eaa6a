import Foundation

extension FakeGitHub {
    /// A repository's settings, as `GET /repos/{owner}/{repo}` reports them, and what the owner's
    /// listing (`GET /orgs/{org}/repos`, `GET /users/{username}/repos`) says of it.
    package struct Repository: Sendable {
        package var canPush: Bool
        package var defaultBranch: String
        package var allowsAutoMerge: Bool
        package var allowsMergeCommit: Bool
        package var allowsSquashMerge: Bool
        package var allowsRebaseMerge: Bool
        /// GitHub keeps topics in lower case.
        package var topics: [String]
        package var archived: Bool
        package var fork: Bool
        /// `/users/{username}/repos` lists only public repositories.
        package var isPrivate: Bool
        /// Whether the owner is an organisation or a user (an owner is a user when any of its
        /// repositories says so): `/orgs/{org}/repos` answers 404 for a user.
        package var owner: OwnerKind

        package init(canPush: Bool = true, defaultBranch: String = "main", allowsAutoMerge: Bool = true,
                     allowsMergeCommit: Bool = true, allowsSquashMerge: Bool = true, allowsRebaseMerge: Bool = true,
                     topics: [String] = [], archived: Bool = false, fork: Bool = false, isPrivate: Bool = true, owner: OwnerKind = .organization) {
            self.canPush = canPush
            self.defaultBranch = defaultBranch
            self.allowsAutoMerge = allowsAutoMerge
            self.allowsMergeCommit = allowsMergeCommit
            self.allowsSquashMerge = allowsSquashMerge
            self.allowsRebaseMerge = allowsRebaseMerge
            self.topics = topics.map { $0.lowercased() }
            self.archived = archived
            self.fork = fork
            self.isPrivate = isPrivate
            self.owner = owner
        }

        func allows(_ method: MergeMethod) -> Bool {
            switch method {
            case .merge: allowsMergeCommit
            case .squash: allowsSquashMerge
            case .rebase: allowsRebaseMerge
            }
        }
    }

    /// What kind of account owns a repository (`owner.type` in GitHub's answers).
    package enum OwnerKind: String, Sendable {
        case organization = "Organization", user = "User"
    }

    /// How a pull request is merged (GraphQL's `PullRequestMergeMethod`).
    package enum MergeMethod: String, Sendable, CaseIterable {
        case merge = "MERGE", squash = "SQUASH", rebase = "REBASE"

        /// The name GitHub's messages use ("merge commit", "squash merge", "rebase merge").
        var phrase: String {
            switch self {
            case .merge: "merge commit"
            case .squash: "squash merge"
            case .rebase: "rebase merge"
            }
        }
    }

    /// An issue (or, with `isPullRequest`, a pull request, which the issues API lists too).
    package struct Issue: Sendable, Equatable {
        package var number: Int
        package var title: String
        package var body: String
        package var labels: [String]
        package var isOpen: Bool
        package var isPullRequest: Bool
        package var comments: [Comment]

        package init(number: Int, title: String, body: String = "", labels: [String] = [], isOpen: Bool = true,
                     isPullRequest: Bool = false, comments: [Comment] = []) {
            self.number = number
            self.title = title
            self.body = body
            self.labels = labels
            self.isOpen = isOpen
            self.isPullRequest = isPullRequest
            self.comments = comments
        }
    }

    package struct Comment: Sendable, Equatable {
        package var id: Int
        package var body: String
        package var createdAt: Date
        /// The last edit (`PATCH /issues/comments/{id}`); the creation until then.
        package var updatedAt: Date

        package init(id: Int, body: String, createdAt: Date = Date(), updatedAt: Date? = nil) {
            self.id = id
            self.body = body
            self.createdAt = createdAt
            self.updatedAt = updatedAt ?? createdAt
        }
    }

    /// A pull request as the fake holds it: the issue's fields plus head, base and merge state.
    package struct PullRequest: Sendable, Equatable {
        package var number: Int
        package var title: String
        package var body: String
        package var labels: [String]
        package var isOpen: Bool
        package var comments: [Comment]
        package var head: String
        package var headSHA: String
        package var base: String
        package var requestedReviewers: [String]
        package var requestedTeams: [String]
        package var autoMerge: MergeMethod?
        package var mergedAt: Date?
        package var mergeCommitSHA: String?
        /// GitHub refuses auto-merge for a pull request that could be merged right now.
        package var isClean: Bool
        package var maintainerCanModify: Bool

        package var isMerged: Bool { mergedAt != nil }
    }

    /// Who made a commit, as the git data API records it.
    package struct GitPerson: Sendable, Equatable {
        package var name: String
        package var email: String
        package var date: String

        package init(name: String, email: String, date: String = "2026-01-01T00:00:00Z") {
            self.name = name
            self.email = email
            self.date = date
        }
    }

    package struct Commit: Sendable, Equatable {
        package var sha: String
        package var tree: String
        package var parents: [String]
        package var message: String
        package var author: GitPerson?
        package var committer: GitPerson?
        /// GitHub signs commits made through the API without an author or committer.
        package var verified: Bool
        /// Creation order within the repository; history lists newest first by it.
        package var sequence: Int
    }

    /// What the fake answered, by kind.
    package struct RequestCounts: Sendable, Equatable {
        /// GETs answered with a body (anything but 304).
        package var reads = 0
        /// POST, PATCH, PUT and DELETE requests, GraphQL included.
        package var writes = 0
        /// Conditional GETs answered 304 Not Modified.
        package var notModified = 0

        package init(reads: Int = 0, writes: Int = 0, notModified: Int = 0) {
            self.reads = reads
            self.writes = writes
            self.notModified = notModified
        }
    }

    /// Misuse of a test helper: names what was missing.
    package enum HelperError: Error, CustomStringConvertible {
        case unknownRepository(String)
        case unknownBranch(repository: String, branch: String)
        case unknownPullRequest(repository: String, number: Int)
        case pullRequestNotOpen(repository: String, number: Int)
        case invalidChange(repository: String, reason: String)

        package var description: String {
            switch self {
            case .unknownRepository(let name):
                "FakeGitHub has no repository \(name): create it with createRepository(\"\(name)\", ...) first"
            case .unknownBranch(let repository, let branch):
                "FakeGitHub repository \(repository) has no branch \(branch): create it first (createRepository or POST /git/refs)"
            case .unknownPullRequest(let repository, let number):
                "FakeGitHub repository \(repository) has no pull request #\(number)"
            case .pullRequestNotOpen(let repository, let number):
                "FakeGitHub pull request \(repository)#\(number) is not open, so it cannot be merged"
            case .invalidChange(let repository, let reason):
                "FakeGitHub cannot commit to \(repository): \(reason)"
            }
        }
    }
}
