import Foundation

extension LocalForge {
    package func openPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        try withLedger { ledger in (ledger.pullRequests[repository] ?? []).filter { $0.state == "open" && $0.head.hasPrefix(headPrefix) } }
    }

    /// Every pull request of the ledger whose head starts with `headPrefix`, newest first (the ledger
    /// keeps them all; the 100 newest are returned).
    package func recentPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        try withLedger { ledger in
            Array((ledger.pullRequests[repository] ?? []).filter { $0.head.hasPrefix(headPrefix) }.sorted { $0.number > $1.number }.prefix(100))
        }
    }

    package func createPullRequest(_ repository: String, _ draft: PullRequestDraft) async throws -> PullRequest {
        _ = try git(repository)
        let openedAt = timestamp()
        return try withLedger { ledger in
            if let existing = (ledger.pullRequests[repository] ?? []).first(where: { $0.state == "open" && $0.head == draft.head }) {
                throw ForgeError("A pull request already exists for \(repository):\(draft.head) (#\(existing.number)).")
            }
            let number = ledger.takeNumber(repository)
            let pull = PullRequest(
                number: number, url: "local://\(repository)/pull/\(number)", head: draft.head, base: draft.base, title: draft.title,
                body: draft.body, labels: draft.labels, reviewers: draft.reviewers, teamReviewers: draft.teamReviewers,
                state: "open", autoMerge: false, mergeCommit: nil, createdAt: openedAt
            )
            ledger.pullRequests[repository, default: []].append(pull)
            return pull
        }
    }

    package func updatePullRequest(_ repository: String, number: Int, _ draft: PullRequestDraft) async throws -> PullRequest {
        try withLedger { ledger in
            guard let index = ledger.pullRequests[repository]?.firstIndex(where: { $0.number == number }) else {
                throw ForgeError("Pull request \(repository)#\(number) does not exist.")
            }
            var pull = ledger.pullRequests[repository]![index]
            pull.title = draft.title
            pull.body = draft.body
            pull.labels = Array(Set(pull.labels).union(draft.labels)).sorted()
            pull.reviewers = Array(Set(pull.reviewers).union(draft.reviewers)).sorted()
            pull.teamReviewers = Array(Set(pull.teamReviewers).union(draft.teamReviewers)).sorted()
            ledger.pullRequests[repository]![index] = pull
            return pull
        }
    }

    package func closePullRequest(_ repository: String, number: Int, comment: String) async throws {
        let closedAt = timestamp()
        try withLedger { ledger in
            guard let index = ledger.pullRequests[repository]?.firstIndex(where: { $0.number == number }) else {
                throw ForgeError("Pull request \(repository)#\(number) does not exist.")
            }
            if ledger.pullRequests[repository]![index].state == "open" { ledger.pullRequests[repository]![index].closedAt = closedAt }
            ledger.pullRequests[repository]![index].state = "closed"
            ledger.pullRequests[repository]![index].body += "\n\n---\n" + comment
        }
    }

    package func enableAutoMerge(_ repository: String, number: Int) async throws -> AutoMergeOutcome {
        try withLedger { ledger in
            guard ledger.repositories[repository]?.allowsAutoMerge ?? true else {
                return .notAllowed(reason: "the repository does not allow auto-merge")
            }
            guard let index = ledger.pullRequests[repository]?.firstIndex(where: { $0.number == number }) else {
                throw ForgeError("Pull request \(repository)#\(number) does not exist.")
            }
            ledger.pullRequests[repository]![index].autoMerge = true
            return .enabled
        }
    }

    /// Merges an open pull request into its base with a merge commit, as a downstream team would
    /// (the demo and tests use it; the sync itself never merges).
    @discardableResult
    package func mergePullRequest(_ repository: String, number: Int) throws -> String {
        let git = try git(repository)
        let pull = try withLedger { ledger in ledger.pullRequests[repository]?.first { $0.number == number } }
        guard let pull, pull.state == "open" else { throw ForgeError("Pull request \(repository)#\(number) is not open.") }
        guard let base = git.commit(of: "refs/heads/\(pull.base)"), let head = git.commit(of: "refs/heads/\(pull.head)") else {
            throw ForgeError("The branches of \(repository)#\(number) are gone.")
        }
        let tree = try git.text(["merge-tree", "--write-tree", base, head]).split(separator: "\n").first.map(String.init) ?? ""
        let message = "Merge pull request #\(number) from \(pull.head)\n\n\(pull.title)"
        let id = String(decoding: try git.run(["commit-tree", tree, "-p", base, "-p", head, "-F", "-"], input: Data(message.utf8), environment: Self.author), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["update-ref", "refs/heads/\(pull.base)", id])
        let mergedAt = timestamp()
        try withLedger { ledger in
            let index = ledger.pullRequests[repository]!.firstIndex { $0.number == number }!
            ledger.pullRequests[repository]![index].state = "merged"
            ledger.pullRequests[repository]![index].mergeCommit = id
            ledger.pullRequests[repository]![index].mergedAt = mergedAt
            ledger.pullRequests[repository]![index].closedAt = mergedAt
        }
        return id
    }

    // MARK: Issues

    package func openIssues(_ repository: String, label: String) async throws -> [ForgeIssue] {
        try withLedger { ledger in (ledger.issues[repository] ?? []).filter { $0.state == "open" && $0.labels.contains(label) } }
    }

    package func createIssue(_ repository: String, title: String, body: String, labels: [String]) async throws -> ForgeIssue {
        try withLedger { ledger in
            let number = ledger.takeNumber(repository)
            let issue = ForgeIssue(number: number, url: "local://\(repository)/issues/\(number)", title: title, body: body, labels: labels, state: "open", comments: [])
            ledger.issues[repository, default: []].append(issue)
            return issue
        }
    }

    package func updateIssue(_ repository: String, number: Int, title: String, body: String) async throws -> ForgeIssue {
        try withLedger { ledger in
            guard let index = ledger.issues[repository]?.firstIndex(where: { $0.number == number }) else {
                throw ForgeError("Issue \(repository)#\(number) does not exist.")
            }
            ledger.issues[repository]![index].title = title
            ledger.issues[repository]![index].body = body
            return ledger.issues[repository]![index]
        }
    }

    package func closeIssue(_ repository: String, number: Int, comment: String) async throws {
        try withLedger { ledger in
            guard let index = ledger.issues[repository]?.firstIndex(where: { $0.number == number }) else {
                throw ForgeError("Issue \(repository)#\(number) does not exist.")
            }
            ledger.issues[repository]![index].state = "closed"
            ledger.issues[repository]![index].comments.append(comment)
        }
    }
}
