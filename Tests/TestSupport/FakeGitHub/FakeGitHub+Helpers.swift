import Foundation

/// What tests do to the fake directly: set up repositories, play a downstream team's push or a
/// maintainer's merge, and mark states GitHub would reach on its own.
extension FakeGitHub {
    /// Creates (or replaces) a repository whose default branch holds one commit with `files`.
    /// Returns that commit's id.
    @discardableResult
    package func createRepository(_ name: String, defaultBranch: String = "main", files: [String: Data] = [:], canPush: Bool = true,
                                  allowsAutoMerge: Bool = true, allowsMergeCommit: Bool = true, allowsSquashMerge: Bool = true,
                                  allowsRebaseMerge: Bool = true) throws -> String {
        try withState { state in
            var store = FakeGitStore()
            let edits = files.map { FakeGitStore.TreeEdit.put($0.key, .init(mode: "100644", sha: store.storeBlob($0.value))) }
            let tree: [String: FakeGitStore.File]
            do { tree = try store.applying(edits, to: [:]) } catch { throw HelperError.invalidChange(repository: name, reason: "\(error)") }
            let commit = store.storeCommit(tree: store.storeTree(tree), parents: [], message: "Initial commit", verified: true)
            store.branches[defaultBranch] = commit
            state.repositories[name] = Repository(canPush: canPush, defaultBranch: defaultBranch, allowsAutoMerge: allowsAutoMerge,
                                                  allowsMergeCommit: allowsMergeCommit, allowsSquashMerge: allowsSquashMerge,
                                                  allowsRebaseMerge: allowsRebaseMerge)
            state.stores[name] = store
            state.issues[name] = nil
            state.pulls[name] = nil
            state.protectedBranches[name] = nil
            return commit
        }
    }

    /// A push to `branch` from outside the sync (a downstream team): `nil` deletes a path. The
    /// commit has an author, so GitHub does not mark it verified. Returns the new head.
    @discardableResult
    package func commitDirectly(_ repository: String, branch: String, changes: [String: Data?], message: String,
                                author: GitPerson = GitPerson(name: "Downstream Team", email: "team@example.com")) throws -> String {
        try withState { state in
            guard state.repositories[repository] != nil else { throw HelperError.unknownRepository(repository) }
            var store = state.store(repository)
            guard let parent = store.branches[branch] else { throw HelperError.unknownBranch(repository: repository, branch: branch) }
            let base = store.files(atCommit: parent)
            let edits = changes.sorted { $0.key < $1.key }.map { path, data -> FakeGitStore.TreeEdit in
                guard let data else { return .delete(path) }
                return .put(path, .init(mode: base[path]?.mode ?? "100644", sha: store.storeBlob(data)))
            }
            let files: [String: FakeGitStore.File]
            do { files = try store.applying(edits, to: base) } catch { throw HelperError.invalidChange(repository: repository, reason: "\(error)") }
            let commit = store.storeCommit(tree: store.storeTree(files), parents: [parent], message: message,
                                           author: author, committer: author, verified: false)
            state.stores[repository] = store
            state.setBranch(branch, to: commit, in: repository)
            return commit
        }
    }

    /// Merges an open pull request as GitHub's merge button does: a commit with parents [base head,
    /// pull request head] whose tree is the base's with the head's changes since the merge base
    /// applied path by path. Marks the pull request merged and returns the merge commit's id.
    @discardableResult
    package func mergePullRequest(_ repository: String, number: Int) throws -> String {
        try withState { state in
            guard state.repositories[repository] != nil else { throw HelperError.unknownRepository(repository) }
            guard let record = state.pulls[repository]?[number] else { throw HelperError.unknownPullRequest(repository: repository, number: number) }
            guard state.isOpen(number, in: repository) else { throw HelperError.pullRequestNotOpen(repository: repository, number: number) }
            var store = state.store(repository)
            guard let baseSHA = store.branches[record.base] else { throw HelperError.unknownBranch(repository: repository, branch: record.base) }
            let owner = repository.split(separator: "/").first ?? ""
            let title = state.issue(number, in: repository)?.title ?? ""
            let merge = store.merge(record.headSHA, into: baseSHA)
            let commit = store.storeCommit(tree: store.storeTree(merge.files), parents: [baseSHA, record.headSHA],
                                           message: "Merge pull request #\(number) from \(owner)/\(record.head)\n\n\(title)", verified: true)
            state.stores[repository] = store
            state.setBranch(record.base, to: commit, in: repository)
            let now = state.currentDate()
            state.pulls[repository]?[number]?.mergedAt = now
            state.pulls[repository]?[number]?.closedAt = now
            state.pulls[repository]?[number]?.updatedAt = now
            state.pulls[repository]?[number]?.mergeCommitSHA = commit
            if let index = state.issues[repository]?.firstIndex(where: { $0.number == number }) {
                state.issues[repository]?[index].isOpen = false
            }
            return commit
        }
    }

    /// Refuses every update of `branch` through the refs API, as branch protection does.
    package func protect(_ repository: String, branch: String) {
        withState { _ = $0.protectedBranches[repository, default: []].insert(branch) }
    }

    /// The pull request could be merged now: GitHub refuses to enable auto-merge on it.
    package func markClean(_ repository: String, number: Int) {
        withState { $0.pulls[repository]?[number]?.isClean = true }
    }

    /// Review requests naming `login` (a user or a team slug) answer 422: not a collaborator.
    package func addUnknownReviewer(_ login: String) {
        withState { _ = $0.unknownReviewers.insert(login) }
    }

    package func addIssue(_ issue: Issue, in repository: String) {
        withState { $0.issues[repository, default: []].append(issue) }
    }
}
