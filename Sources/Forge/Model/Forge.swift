import Foundation
import SyncCore

/// Where downstream repositories live: the seam between the delivery logic and GitHub (or the
/// local forge used by the demo, replays and tests). Implementations must be safe to call from
/// concurrent tasks for different repositories.
package protocol Forge: Sendable {
    /// The repository's default branch, whether the token may push, and whether auto-merge is allowed.
    func repository(_ name: String) async throws -> ForgeRepository
    /// Every repository of an owner (organisation or user) the token can see, with its topics and
    /// whether it is archived or a fork: what a rule's `target_repos` selector chooses from.
    /// Throws when the owner does not exist.
    func repositories(of owner: String) async throws -> [ForgeRepositoryListing]
    /// The commit a branch points at, or nil when the branch does not exist.
    func head(_ repository: String, branch: String) async throws -> ForgeCommit?
    /// Contents of files at a commit (missing files are absent from the result).
    func files(_ repository: String, at commit: String, paths: [String]) async throws -> [String: Data]
    /// Which of `paths` are symbolic links at a commit (their content is a link target, never
    /// text to merge or overwrite).
    func symbolicLinks(_ repository: String, at commit: String, paths: [String]) async throws -> Set<String>
    /// Every file path below a folder (`""` for all) at a commit.
    func list(_ repository: String, at commit: String, under folder: String) async throws -> [String]
    /// The files directly in a folder (not in its subfolders) at a commit, as repository paths.
    func folderFiles(_ repository: String, at commit: String, in folder: String) async throws -> [String]
    /// The git blob id of each of `paths` that is a file at a commit (missing paths are absent).
    func blobIDs(_ repository: String, at commit: String, paths: [String]) async throws -> [String: String]
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
    /// The recent pull requests whose head branch starts with `headPrefix`, open, merged or closed,
    /// newest (highest number) first, with the dates they were opened, merged and closed: what the
    /// downstream registry shows of each rule's sync. Recent: on GitHub the 100 most recently
    /// updated pull requests of the repository (the 50 most recently updated with the sync label
    /// when a fleet read listed them, `FleetRead.pullRequests`); title, body, labels and reviewers
    /// may be left empty.
    func recentPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest]
    func createPullRequest(_ repository: String, _ draft: PullRequestDraft) async throws -> PullRequest
    func updatePullRequest(_ repository: String, number: Int, _ draft: PullRequestDraft) async throws -> PullRequest
    func closePullRequest(_ repository: String, number: Int, comment: String) async throws
    /// Turns on auto-merge; says why not when the repository or the PR does not allow it.
    func enableAutoMerge(_ repository: String, number: Int) async throws -> AutoMergeOutcome

    /// Every comment on an issue or pull request, oldest first (all pages).
    func comments(_ repository: String, number: Int) async throws -> [ForgeComment]
    /// A new comment on an issue or pull request.
    func createComment(_ repository: String, number: Int, body: String) async throws -> ForgeComment
    /// Replaces the body of a comment.
    func updateComment(_ repository: String, id: Int, body: String) async throws -> ForgeComment
    /// Deletes a comment; one already gone is not an error.
    func deleteComment(_ repository: String, id: Int) async throws

    /// Open issues carrying a label.
    func openIssues(_ repository: String, label: String) async throws -> [ForgeIssue]
    func createIssue(_ repository: String, title: String, body: String, labels: [String]) async throws -> ForgeIssue
    func updateIssue(_ repository: String, number: Int, title: String, body: String) async throws -> ForgeIssue
    func closeIssue(_ repository: String, number: Int, comment: String) async throws

    /// Reads up front what a step is about to read from each of `repositories` (see `FleetRead`),
    /// when the forge can read many repositories in one request; the per-repository reads that
    /// follow are then answered from it. Never fails: what it could not read is read as before.
    func prefetch(_ repositories: [String], _ read: FleetRead) async -> FleetPrefetch
}
