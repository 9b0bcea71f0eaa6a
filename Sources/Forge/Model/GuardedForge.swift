import Foundation

/// The forge every step talks to: it wraps the real one so that
/// - no secret value reaches a forge: every text a write sends (commit message, pull request and
///   issue title and body, comment) goes through `redact`, the step's one registry of secrets;
/// - a replay writes nothing (`recordOnly`): reads go to the real forge, each write is kept as a
///   would-be call (and told to `note`) and answered as the forge would, so the step runs to its
///   end exactly as it decides, without touching any repository.
package final class GuardedForge: Forge, @unchecked Sendable {
    package struct Call: Sendable, Equatable {
        package var repository: String
        package var description: String
    }

    /// The forge underneath (to read its usage figures).
    package let base: any Forge
    private let redact: @Sendable (String) -> String
    private let recordOnly: Bool
    private let note: @Sendable (String) -> Void
    private let lock = NSLock()
    private var recorded: [Call] = []
    private var nextNumber = 900_000

    package init(_ base: any Forge, redact: @escaping @Sendable (String) -> String, recordOnly: Bool, note: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.redact = redact
        self.recordOnly = recordOnly
        self.note = note
    }

    /// The writes the step would have made, in order.
    package var calls: [Call] { lock.withLock { recorded } }

    private func record(_ repository: String, _ description: String) -> Int {
        let number = lock.withLock {
            recorded.append(Call(repository: repository, description: description))
            nextNumber += 1
            return nextNumber
        }
        note("replay: would \(description) in \(repository) (not sent)")
        return number
    }

    // MARK: Reads, from the real forge

    package func repository(_ name: String) async throws -> ForgeRepository { try await base.repository(name) }
    package func repositories(of owner: String) async throws -> [ForgeRepositoryListing] { try await base.repositories(of: owner) }
    package func head(_ repository: String, branch: String) async throws -> ForgeCommit? { try await base.head(repository, branch: branch) }
    package func files(_ repository: String, at commit: String, paths: [String]) async throws -> [String: Data] {
        try await base.files(repository, at: commit, paths: paths)
    }
    package func symbolicLinks(_ repository: String, at commit: String, paths: [String]) async throws -> Set<String> {
        try await base.symbolicLinks(repository, at: commit, paths: paths)
    }
    package func list(_ repository: String, at commit: String, under folder: String) async throws -> [String] {
        try await base.list(repository, at: commit, under: folder)
    }
    package func folderFiles(_ repository: String, at commit: String, in folder: String) async throws -> [String] {
        try await base.folderFiles(repository, at: commit, in: folder)
    }
    package func blobIDs(_ repository: String, at commit: String, paths: [String]) async throws -> [String: String] {
        try await base.blobIDs(repository, at: commit, paths: paths)
    }
    package func prefetch(_ repositories: [String], _ read: FleetRead) async -> FleetPrefetch { await base.prefetch(repositories, read) }
    package func blob(_ repository: String, object: String) async throws -> Data? { try await base.blob(repository, object: object) }
    package func history(_ repository: String, branch: String, limit: Int) async throws -> [ForgeCommit] {
        try await base.history(repository, branch: branch, limit: limit)
    }
    package func changes(_ repository: String, commit: String) async throws -> [String: Data?] { try await base.changes(repository, commit: commit) }
    package func openPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        try await base.openPullRequests(repository, headPrefix: headPrefix)
    }
    package func recentPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        try await base.recentPullRequests(repository, headPrefix: headPrefix)
    }
    package func openIssues(_ repository: String, label: String) async throws -> [ForgeIssue] { try await base.openIssues(repository, label: label) }
    package func comments(_ repository: String, number: Int) async throws -> [ForgeComment] { try await base.comments(repository, number: number) }

    // MARK: Writes: redacted, and recorded instead of sent in a replay

    package func commit(_ repository: String, _ request: CommitRequest) async throws -> ForgeCommit {
        try ForgeError.checkPaths(request.changes.keys, repository: repository)
        var safe = request
        safe.message = redact(request.message)
        guard recordOnly else { return try await base.commit(repository, safe) }
        let number = record(repository, "commit \(request.changes.count) file change\(request.changes.count == 1 ? "" : "s") to \(request.branch)")
        return ForgeCommit(id: String(format: "%040x", number), message: safe.message, parents: request.parent.isEmpty ? [] : [request.parent])
    }

    package func createPullRequest(_ repository: String, _ draft: PullRequestDraft) async throws -> PullRequest {
        let safe = redacted(draft)
        guard recordOnly else { return try await base.createPullRequest(repository, safe) }
        return pull(record(repository, "open a pull request from \(draft.head) into \(draft.base): \(safe.title)"), safe)
    }

    package func updatePullRequest(_ repository: String, number: Int, _ draft: PullRequestDraft) async throws -> PullRequest {
        let safe = redacted(draft)
        guard recordOnly else { return try await base.updatePullRequest(repository, number: number, safe) }
        _ = record(repository, "update pull request #\(number)")
        return pull(number, safe)
    }

    package func closePullRequest(_ repository: String, number: Int, comment: String) async throws {
        guard recordOnly else { return try await base.closePullRequest(repository, number: number, comment: redact(comment)) }
        _ = record(repository, "close pull request #\(number)")
    }

    package func enableAutoMerge(_ repository: String, number: Int) async throws -> AutoMergeOutcome {
        guard recordOnly else { return try await base.enableAutoMerge(repository, number: number) }
        _ = record(repository, "enable auto-merge on #\(number)")
        return .notAllowed(reason: "replay: auto-merge is not turned on")
    }

    package func createIssue(_ repository: String, title: String, body: String, labels: [String]) async throws -> ForgeIssue {
        guard recordOnly else { return try await base.createIssue(repository, title: redact(title), body: redact(body), labels: labels) }
        let number = record(repository, "open an issue: \(redact(title))")
        return ForgeIssue(number: number, url: "replay://\(repository)/issues/\(number)", title: redact(title), body: redact(body), labels: labels, state: "open", comments: [])
    }

    package func updateIssue(_ repository: String, number: Int, title: String, body: String) async throws -> ForgeIssue {
        guard recordOnly else { return try await base.updateIssue(repository, number: number, title: redact(title), body: redact(body)) }
        _ = record(repository, "update issue #\(number)")
        return ForgeIssue(number: number, url: "replay://\(repository)/issues/\(number)", title: redact(title), body: redact(body), labels: [], state: "open", comments: [])
    }

    package func closeIssue(_ repository: String, number: Int, comment: String) async throws {
        guard recordOnly else { return try await base.closeIssue(repository, number: number, comment: redact(comment)) }
        _ = record(repository, "close issue #\(number)")
    }

    package func createComment(_ repository: String, number: Int, body: String) async throws -> ForgeComment {
        guard recordOnly else { return try await base.createComment(repository, number: number, body: redact(body)) }
        let id = record(repository, "comment on #\(number)")
        return ForgeComment(id: id, body: redact(body), url: "replay://\(repository)/issues/\(number)#issuecomment-\(id)")
    }

    package func updateComment(_ repository: String, id: Int, body: String) async throws -> ForgeComment {
        guard recordOnly else { return try await base.updateComment(repository, id: id, body: redact(body)) }
        _ = record(repository, "edit comment \(id)")
        return ForgeComment(id: id, body: redact(body), url: "replay://\(repository)/issues/comments/\(id)")
    }

    package func deleteComment(_ repository: String, id: Int) async throws {
        guard recordOnly else { return try await base.deleteComment(repository, id: id) }
        _ = record(repository, "delete comment \(id)")
    }

    private func redacted(_ draft: PullRequestDraft) -> PullRequestDraft {
        var safe = draft
        safe.title = redact(draft.title)
        safe.body = redact(draft.body)
        return safe
    }

    private func pull(_ number: Int, _ draft: PullRequestDraft) -> PullRequest {
        PullRequest(number: number, url: "replay://pull/\(number)", head: draft.head, base: draft.base, title: draft.title, body: draft.body,
                    labels: draft.labels, reviewers: draft.reviewers, teamReviewers: draft.teamReviewers, state: "open", autoMerge: false, mergeCommit: nil)
    }
}
