import Foundation

/// What tests read back from the fake.
extension FakeGitHub {
    /// The commit a branch points at, or nil when there is no such branch.
    package func head(_ repository: String, branch: String) -> String? {
        withState { $0.stores[repository]?.branches[branch] }
    }

    /// Every file on a branch, by path.
    package func files(_ repository: String, branch: String) throws -> [String: Data] {
        try withState { state in
            guard let store = state.stores[repository] else { throw HelperError.unknownRepository(repository) }
            guard let head = store.branches[branch] else { throw HelperError.unknownBranch(repository: repository, branch: branch) }
            return store.files(atCommit: head).compactMapValues { store.blobs[$0.sha] }
        }
    }

    /// Every commit of a repository, reachable or not, newest first.
    package func commits(in repository: String) -> [Commit] {
        withState { $0.stores[repository]?.commits.values.sorted { $0.sequence > $1.sequence } ?? [] }
    }

    /// The issues and pull requests of a repository, with their comments, by number.
    package func issues(in repository: String) -> [Issue] {
        withState { $0.issues[repository, default: []] }
    }

    /// Adds comments to an issue or pull request, as others wrote them before a test (`age` seconds ago).
    package func addComments(_ repository: String, number: Int, bodies: [String], age: Double = 3_600) {
        withState { state in
            guard let index = state.issues[repository]?.firstIndex(where: { $0.number == number }) else { return }
            for body in bodies {
                state.issues[repository]?[index].comments.append(Comment(id: state.nextCommentID, body: body, createdAt: Date().addingTimeInterval(-age)))
                state.nextCommentID += 1
            }
        }
    }

    /// The pull requests of a repository, by number.
    package func pullRequests(in repository: String) -> [PullRequest] {
        withState { state in
            (state.pulls[repository] ?? [:]).values.sorted { $0.number < $1.number }.compactMap { record in
                guard let issue = state.issue(record.number, in: repository) else { return nil }
                return PullRequest(
                    number: record.number, title: issue.title, body: issue.body, labels: issue.labels, isOpen: issue.isOpen,
                    comments: issue.comments, head: record.head, headSHA: record.headSHA, base: record.base,
                    requestedReviewers: record.requestedReviewers, requestedTeams: record.requestedTeams, autoMerge: record.autoMerge,
                    mergedAt: record.mergedAt, mergeCommitSHA: record.mergeCommitSHA, isClean: record.isClean,
                    maintainerCanModify: record.maintainerCanModify
                )
            }
        }
    }
}
