import Foundation
import SyncCore

/// Where downstream repositories live: the seam between the delivery logic and GitHub (or the
/// local forge used by the demo, replays and tests). Implementations must be safe to call from
/// concurrent tasks for different repositories.
package protocol Forge: Sendable {
    /// The repository's default branch, whether the token may push, and whether auto-merge is allowed.
    func repository(_ name: String) async throws -> ForgeRepository
    /// The commit a branch points at, or nil when the branch does not exist.
    func head(_ repository: String, branch: String) async throws -> ForgeCommit?
    /// Contents of files at a commit (missing files are absent from the result).
    func files(_ repository: String, at commit: String, paths: [String]) async throws -> [String: Data]
    /// Which of `paths` are symbolic links at a commit (their content is a link target, never
    /// text to merge or overwrite).
    func symbolicLinks(_ repository: String, at commit: String, paths: [String]) async throws -> Set<String>
    /// Every file path below a folder (`""` for all) at a commit.
    func list(_ repository: String, at commit: String, under folder: String) async throws -> [String]
    /// A blob by its git object id (the state records one per synced file, to recover the base).
    func blob(_ repository: String, object: String) async throws -> Data?
    /// One commit on top of `parent` with the given changes (nil deletes), then points `branch`
    /// at it (created, or moved even when not a fast-forward). Returns the new commit.
    func commit(_ repository: String, _ request: CommitRequest) async throws -> ForgeCommit
    /// Commits reachable from a branch, newest first, at most `limit`.
    func history(_ repository: String, branch: String, limit: Int) async throws -> [ForgeCommit]
    /// The changes a commit made against its first parent (nil: deleted).
    func changes(_ repository: String, commit: String) async throws -> [String: Data?]

    func openPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest]
    func createPullRequest(_ repository: String, _ draft: PullRequestDraft) async throws -> PullRequest
    func updatePullRequest(_ repository: String, number: Int, _ draft: PullRequestDraft) async throws -> PullRequest
    func closePullRequest(_ repository: String, number: Int, comment: String) async throws
    /// Turns on auto-merge; says why not when the repository or the PR does not allow it.
    func enableAutoMerge(_ repository: String, number: Int) async throws -> AutoMergeOutcome

    /// Open issues carrying a label.
    func openIssues(_ repository: String, label: String) async throws -> [ForgeIssue]
    func createIssue(_ repository: String, title: String, body: String, labels: [String]) async throws -> ForgeIssue
    func updateIssue(_ repository: String, number: Int, title: String, body: String) async throws -> ForgeIssue
    func closeIssue(_ repository: String, number: Int, comment: String) async throws
}

package struct ForgeRepository: Sendable, Equatable, Codable {
    package var name: String
    package var defaultBranch: String
    package var canPush: Bool
    package var allowsAutoMerge: Bool

    package init(name: String, defaultBranch: String, canPush: Bool, allowsAutoMerge: Bool) {
        self.name = name
        self.defaultBranch = defaultBranch
        self.canPush = canPush
        self.allowsAutoMerge = allowsAutoMerge
    }
}

package struct ForgeCommit: Sendable, Equatable, Codable {
    package var id: String
    package var message: String
    package var parents: [String]

    package init(id: String, message: String, parents: [String]) {
        self.id = id
        self.message = message
        self.parents = parents
    }

    package var isMerge: Bool { parents.count > 1 }
}

package struct CommitRequest: Sendable, Equatable {
    package var branch: String
    package var parent: String
    package var message: String
    /// Path → new content, or nil to delete the file.
    package var changes: [String: Data?]

    package init(branch: String, parent: String, message: String, changes: [String: Data?]) {
        self.branch = branch
        self.parent = parent
        self.message = message
        self.changes = changes
    }
}

package struct PullRequestDraft: Sendable, Equatable, Codable {
    package var head: String
    package var base: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var reviewers: [String]
    package var teamReviewers: [String]

    package init(head: String, base: String, title: String, body: String, labels: [String], reviewers: [String], teamReviewers: [String]) {
        self.head = head
        self.base = base
        self.title = title
        self.body = body
        self.labels = labels
        self.reviewers = reviewers
        self.teamReviewers = teamReviewers
    }
}

package struct PullRequest: Sendable, Equatable, Codable {
    package var number: Int
    package var url: String
    package var head: String
    package var base: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var reviewers: [String]
    package var teamReviewers: [String]
    package var state: String
    package var autoMerge: Bool
    package var mergeCommit: String?

    enum CodingKeys: String, CodingKey {
        case number, url, head, base, title, body, labels, reviewers, state
        case teamReviewers = "team_reviewers"
        case autoMerge = "auto_merge"
        case mergeCommit = "merge_commit"
    }
}

package enum AutoMergeOutcome: Sendable, Equatable {
    case enabled
    case notAllowed(reason: String)
}

package struct ForgeIssue: Sendable, Equatable, Codable {
    package var number: Int
    package var url: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var state: String
    package var comments: [String]

    package init(number: Int, url: String, title: String, body: String, labels: [String], state: String, comments: [String]) {
        self.number = number
        self.url = url
        self.title = title
        self.body = body
        self.labels = labels
        self.state = state
        self.comments = comments
    }
}

package struct ForgeError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }

    /// Refuses a commit or a read that names a path that is not a repository path: the last line
    /// of defence, so no forge ever writes outside the repository or into `.git`.
    package static func checkPaths(_ paths: some Sequence<String>, repository: String) throws {
        for path in paths {
            if let problem = RepositoryPath.problem(path) {
                throw ForgeError("refused to touch \(path.debugDescription) in \(repository): \(problem).")
            }
        }
    }
}
