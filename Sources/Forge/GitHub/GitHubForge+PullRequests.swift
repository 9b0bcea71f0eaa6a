import Foundation

extension GitHubForge {
    package func openPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        let listed = try await pages(try base(repository) + "/pulls?state=open&sort=created&direction=asc", as: GitHubPayload.PullRequest.self) ?? []
        remember(repository, listed)
        return listed.filter { ($0.head.repo?.fullName ?? repository) == repository && $0.head.ref.hasPrefix(headPrefix) }
            .map { Self.pullRequest($0, repository: repository) }
    }

    /// From the fleet read when it listed them (once), otherwise one page of the repository's pull
    /// requests in every state, most recently updated first (`GET /pulls` cannot filter by a head
    /// prefix or a label): a conditional read, so an unchanged repository answers 304.
    package func recentPullRequests(_ repository: String, headPrefix: String) async throws -> [PullRequest] {
        if let known = fleet.takePullRequests(repository, headPrefix: headPrefix) { return known }
        let path = try base(repository) + "/pulls?state=all&sort=updated&direction=desc"
        let listed = try await pages(path, as: GitHubPayload.PullRequest.self, limit: 100) ?? []
        return listed.filter { ($0.head.repo?.fullName ?? repository).lowercased() == repository.lowercased() && $0.head.ref.hasPrefix(headPrefix) }
            .map { Self.pullRequest($0, repository: repository) }
            .sorted { $0.number > $1.number }
    }

    package func createPullRequest(_ repository: String, _ draft: PullRequestDraft) async throws -> PullRequest {
        let path = try base(repository) + "/pulls"
        let body: [String: Any] = ["title": draft.title, "head": draft.head, "base": draft.base, "body": draft.body, "maintainer_can_modify": false]
        let (pull, isNew) = try await createOnce({ () async throws -> (GitHubPayload.PullRequest, Bool) in
            let response = try await client.send("POST", path, body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), replay: .lookFirst)
            if response.status == 422, response.errorMessage?.lowercased().contains("already exists") == true, let open = try await openPullRequest(repository, head: draft.head) {
                // Opened by an earlier attempt whose answer was lost, or by a concurrent run.
                return (open, false)
            }
            try Self.require(response, path)
            return (try Self.decode(GitHubPayload.PullRequest.self, response.body, path), true)
        }, lookup: {
            try await openPullRequest(repository, head: draft.head).map { ($0, false) }
        })
        guard isNew else { return try await updatePullRequest(repository, number: pull.number, draft) }
        remember(repository, [pull])
        return try await decorate(repository, pull, draft)
    }

    package func updatePullRequest(_ repository: String, number: Int, _ draft: PullRequestDraft) async throws -> PullRequest {
        let path = try base(repository) + "/pulls/\(number)"
        var current = try await knownPull(repository, number)
        if current.title != draft.title || (current.body ?? "") != draft.body {
            current = try await write("PATCH", path, ["title": draft.title, "body": draft.body], as: GitHubPayload.PullRequest.self)
            remember(repository, [current])
        }
        return try await decorate(repository, current, draft)
    }

    /// Adds the draft's labels and reviewers the pull request does not have yet; a reviewer GitHub
    /// refuses (not a collaborator, the PR's author) is reported, never fatal.
    private func decorate(_ repository: String, _ pull: GitHubPayload.PullRequest, _ draft: PullRequestDraft) async throws -> PullRequest {
        let base = try base(repository)
        var result = Self.pullRequest(pull, repository: repository)
        let missingLabels = draft.labels.filter { !result.labels.contains($0) }
        if !missingLabels.isEmpty {
            let labels = try await write("POST", base + "/issues/\(pull.number)/labels", ["labels": missingLabels], as: [GitHubPayload.Label].self)
            result.labels = labels.map(\.name).sorted()
        }
        let owner = repository.split(separator: "/").first.map(String.init) ?? ""
        let users = draft.reviewers.filter { !result.reviewers.contains($0) }
        let teams = draft.teamReviewers.filter { !result.teamReviewers.contains($0) }
        if !users.isEmpty || !teams.isEmpty {
            let path = base + "/pulls/\(pull.number)/requested_reviewers"
            let slugs = teams.map { team in team.split(separator: "/").last.map(String.init) ?? team }
            let response = try await client.send("POST", path, body: try JSONSerialization.data(withJSONObject: ["reviewers": users, "team_reviewers": slugs], options: [.sortedKeys]))
            if response.status == 422 {
                notice("\(repository)#\(pull.number): GitHub did not request reviews from \((users + teams.map { "@" + $0 }).joined(separator: ", ")): \(response.errorMessage ?? "422")")
            } else {
                try Self.require(response, path)
                result.reviewers = Array(Set(result.reviewers).union(users)).sorted()
                result.teamReviewers = Array(Set(result.teamReviewers).union(teams.map { $0.contains("/") ? $0 : "\(owner)/\($0)" })).sorted()
            }
        }
        var seen = pull
        seen.labels = result.labels.map { GitHubPayload.Label(name: $0) }
        seen.requestedReviewers = result.reviewers.map { GitHubPayload.PullRequest.Login(login: $0) }
        seen.requestedTeams = result.teamReviewers.map { GitHubPayload.PullRequest.Team(slug: $0.split(separator: "/").last.map(String.init) ?? $0) }
        remember(repository, [seen])
        return result
    }

    package func closePullRequest(_ repository: String, number: Int, comment: String) async throws {
        try await commentOnce(repository, number: number, comment)
        let closed = try await write("PATCH", try base(repository) + "/pulls/\(number)", ["state": "closed"], as: GitHubPayload.PullRequest.self)
        remember(repository, [closed])
    }

    package func enableAutoMerge(_ repository: String, number: Int) async throws -> AutoMergeOutcome {
        let settings = try await repositoryPayload(repository)
        guard settings.allowAutoMerge == true else { return .notAllowed(reason: "the repository does not allow auto-merge (Settings › General › Allow auto-merge)") }
        let pull = try await knownPull(repository, number)
        if pull.autoMerge != nil { return .enabled }
        guard let node = pull.nodeID else { return .notAllowed(reason: "GitHub did not give the pull request's node id") }
        let mutation = """
            mutation($id: ID!, $method: PullRequestMergeMethod!) {
              enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $method}) { pullRequest { number } }
            }
            """
        var reason = "no merge method is allowed"
        for method in settings.mergeMethods {
            guard let response = try await sendAutoMerge(mutation, node: node, method: method, repository: repository, number: number) else {
                return .enabled
            }
            try Self.require(response, "graphql")
            let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
            let errors = (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            if errors.isEmpty, let data = object["data"] as? [String: Any], data["enablePullRequestAutoMerge"] is [String: Any] {
                return .enabled
            }
            reason = errors.joined(separator: "; ")
            let text = reason.lowercased()
            if text.contains("merge method") { continue }
            if text.contains("clean status") {
                return .notAllowed(reason: "the pull request can be merged right away (clean status), and GitHub only waits for pending checks; merge it by hand or require a check")
            }
            return .notAllowed(reason: "GitHub refused auto-merge: \(reason.isEmpty ? "no reason given" : reason)")
        }
        return .notAllowed(reason: "GitHub refused auto-merge: \(reason)")
    }

    // MARK: Helpers

    /// Sends the auto-merge mutation. Enabling auto-merge is idempotent, but its answer can be
    /// lost: after a 5xx or a network error the pull request is read, and when auto-merge is on
    /// it is done (nil); otherwise the mutation is sent again, within the retry policy's attempts.
    private func sendAutoMerge(_ mutation: String, node: String, method: String, repository: String, number: Int) async throws -> GitHubResponse? {
        var attempt = 0
        while true {
            attempt += 1
            let failure: GitHubError
            do {
                return try await client.graphQL(mutation, variables: ["id": node, "method": method])
            } catch {
                failure = error
            }
            guard failure.mayHaveActed, attempt < client.policy.maxAttempts else { throw failure }
            if try await freshPull(repository, number).autoMerge != nil { return nil }
            await client.backoff(afterAttempt: attempt)
        }
    }

    /// The open pull request whose head is `owner:branch`, asked directly.
    func openPullRequest(_ repository: String, head branch: String) async throws -> GitHubPayload.PullRequest? {
        let owner = repository.split(separator: "/").first.map(String.init) ?? ""
        let path = try base(repository) + "/pulls?state=open&head=" + Self.escape(query: "\(owner):\(branch)")
        let found = try await pages(path, as: GitHubPayload.PullRequest.self, limit: 10) ?? []
        remember(repository, found)
        return found.first { $0.head.ref == branch }
    }

    private func knownPull(_ repository: String, _ number: Int) async throws -> GitHubPayload.PullRequest {
        if let known = lock.withLock({ pulls[repository]?[number] }) { return known }
        return try await freshPull(repository, number)
    }

    /// The pull request as GitHub has it now (a conditional read: a 304 costs nothing).
    private func freshPull(_ repository: String, _ number: Int) async throws -> GitHubPayload.PullRequest {
        let path = try base(repository) + "/pulls/\(number)"
        guard let data = try await read(path) else { throw GitHubError.notFound(path: path) }
        let pull = try Self.decode(GitHubPayload.PullRequest.self, data, path)
        remember(repository, [pull])
        return pull
    }

    func remember(_ repository: String, _ list: [GitHubPayload.PullRequest]) {
        lock.withLock { for pull in list { pulls[repository, default: [:]][pull.number] = pull } }
    }

    static func pullRequest(_ pull: GitHubPayload.PullRequest, repository: String) -> PullRequest {
        let owner = repository.split(separator: "/").first.map(String.init) ?? ""
        return PullRequest(
            number: pull.number, url: pull.htmlURL, head: pull.head.ref, base: pull.base.ref, title: pull.title, body: pull.body ?? "",
            labels: (pull.labels ?? []).map(\.name).sorted(), reviewers: (pull.requestedReviewers ?? []).map(\.login).sorted(),
            teamReviewers: (pull.requestedTeams ?? []).map { "\(owner)/\($0.slug)" }.sorted(),
            state: pull.mergedAt != nil ? "merged" : pull.state, autoMerge: pull.autoMerge != nil, mergeCommit: pull.mergedAt != nil ? pull.mergeCommitSHA : nil,
            createdAt: pull.createdAt, mergedAt: pull.mergedAt, closedAt: pull.closedAt
        )
    }
}

extension GitHubError {
    /// A failure after which GitHub may still have carried the request out.
    var mayHaveActed: Bool {
        switch self {
        case .server, .network: true
        default: false
        }
    }
}
