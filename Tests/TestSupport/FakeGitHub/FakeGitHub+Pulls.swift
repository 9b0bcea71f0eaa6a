import Foundation

/// `/repos/{owner}/{repo}/pulls`: list, create, read, edit, and request reviewers.
extension FakeGitHub.State {
    mutating func servePulls(_ request: FakeGitHub.APIRequest, repository: String, path: [String]) -> LoopbackServer.Reply {
        let number = path.first.flatMap { Int($0) }
        switch (request.method, path.count, path.last) {
        case ("GET", 0, _):
            return listPulls(request, repository: repository)
        case ("POST", 0, _):
            return createPull(request, repository: repository)
        case ("GET", 1, _):
            return number.flatMap { pullJSON($0, repository: repository) }.map { .json(200, $0) } ?? .notFound
        case ("PATCH", 1, _):
            guard let number, pulls[repository]?[number] != nil else { return .notFound }
            if let base = request.body["base"] as? String {
                guard store(repository).branches[base] != nil else {
                    return .validationFailed([["resource": "PullRequest", "field": "base", "code": "invalid"]])
                }
                pulls[repository]?[number]?.base = base
            }
            let edited = serveIssues(request, repository: repository, path: [String(number)])
            guard edited.status == 200, let pull = pullJSON(number, repository: repository) else { return edited }
            return .json(200, pull)
        case ("POST", 2, "requested_reviewers"):
            guard let number, pulls[repository]?[number] != nil else { return .notFound }
            let reviewers = request.body["reviewers"] as? [String] ?? []
            let teams = request.body["team_reviewers"] as? [String] ?? []
            guard unknownReviewers.isDisjoint(with: reviewers + teams) else {
                return .unprocessable("Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the \(repository) repository.")
            }
            if var record = pulls[repository]?[number] {
                record.requestedReviewers += reviewers.filter { !record.requestedReviewers.contains($0) }
                record.requestedTeams += teams.filter { !record.requestedTeams.contains($0) }
                record.updatedAt = currentDate()
                pulls[repository]?[number] = record
            }
            return .json(201, pullJSON(number, repository: repository) ?? [:])
        default:
            return .notFound
        }
    }

    private func listPulls(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        let state = request.query["state"] ?? "open"
        // `head` is `owner:branch`; a bare branch is taken as the repository's own.
        let head = request.query["head"].map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
        var records = (pulls[repository] ?? [:]).values.filter { record in
            (state == "all" || (state == "open") == isOpen(record.number, in: repository))
                && head.map { $0 == record.head } ?? true
                && request.query["base"].map { $0 == record.base } ?? true
        }.sorted { $0.number > $1.number }
        if request.query["sort"] == "updated" {
            // GitHub's default direction is desc only for `created`; for `updated` it is asc.
            let descending = request.query["direction"] == "desc"
            records.sort { a, b in
                a.updatedAt == b.updatedAt ? (descending ? a.number > b.number : a.number < b.number)
                    : (descending ? a.updatedAt > b.updatedAt : a.updatedAt < b.updatedAt)
            }
        }
        return paginated(records.compactMap { pullJSON($0.number, repository: repository) }, request)
    }

    private mutating func createPull(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        let body = request.body
        let owner = String(repository.split(separator: "/").first ?? "")
        guard let title = body["title"] as? String, !title.isEmpty else {
            return .validationFailed([["resource": "PullRequest", "field": "title", "code": "missing_field"]])
        }
        guard let headSpec = body["head"] as? String, let base = body["base"] as? String else {
            return .validationFailed([["resource": "PullRequest", "field": body["head"] == nil ? "head" : "base", "code": "missing_field"]])
        }
        let parts = headSpec.split(separator: ":", maxSplits: 1).map(String.init)
        let head = parts.last ?? headSpec
        let current = store(repository)
        guard parts.count == 1 || parts[0] == owner, let headSHA = current.branches[head] else {
            return .validationFailed([["resource": "PullRequest", "field": "head", "code": "invalid"]])
        }
        guard let baseSHA = current.branches[base] else {
            return .validationFailed([["resource": "PullRequest", "field": "base", "code": "invalid"]])
        }
        if (pulls[repository] ?? [:]).values.contains(where: { $0.head == head && $0.base == base && isOpen($0.number, in: repository) }) {
            return .validationFailed([["resource": "PullRequest", "code": "custom", "message": "A pull request already exists for \(owner):\(head)."]])
        }
        guard !current.isAncestor(headSHA, of: baseSHA) else {
            return .validationFailed([["resource": "PullRequest", "code": "custom", "message": "No commits between \(base) and \(head)"]])
        }
        let number = nextNumber(in: repository)
        issues[repository, default: []].append(.init(number: number, title: title, body: body["body"] as? String ?? "", isPullRequest: true))
        var record = FakeGitHub.PullRecord(number: number, head: head, headSHA: headSHA, base: base)
        record.maintainerCanModify = body["maintainer_can_modify"] as? Bool ?? true
        record.createdAt = currentDate()
        record.updatedAt = record.createdAt
        pulls[repository, default: [:]][number] = record
        return .json(201, pullJSON(number, repository: repository) ?? [:])
    }

    /// GitHub's `mergeable_state`: clean when marked so, dirty on conflicting changes, behind when the
    /// base moved on, blocked otherwise (waiting for reviews or checks).
    func mergeableState(_ record: FakeGitHub.PullRecord, repository: String) -> String {
        guard isOpen(record.number, in: repository) else { return "unknown" }
        if record.isClean { return "clean" }
        let current = store(repository)
        guard let baseSHA = current.branches[record.base] else { return "unknown" }
        if !current.merge(record.headSHA, into: baseSHA).conflicts.isEmpty { return "dirty" }
        return current.isAncestor(baseSHA, of: record.headSHA) ? "blocked" : "behind"
    }

    func pullJSON(_ number: Int, repository: String) -> [String: Any]? {
        guard let record = pulls[repository]?[number], let issue = issue(number, in: repository) else { return nil }
        let owner = String(repository.split(separator: "/").first ?? "")
        let state = mergeableState(record, repository: repository)
        var autoMerge: Any = NSNull()
        if let method = record.autoMerge {
            autoMerge = ["enabled_by": ["login": "fake-github-user"], "merge_method": method.rawValue.lowercased(),
                         "commit_title": NSNull(), "commit_message": NSNull()] as [String: Any]
        }
        return [
            "number": number, "id": number, "node_id": Self.nodeID("PR", "\(repository)#\(number)"),
            "url": "\(apiURL)/repos/\(repository)/pulls/\(number)", "html_url": "https://github.com/\(repository)/pull/\(number)",
            "state": issue.isOpen ? "open" : "closed", "title": issue.title, "body": issue.body, "draft": false,
            "head": ["ref": record.head, "sha": record.headSHA, "label": "\(owner):\(record.head)", "repo": ["full_name": repository]],
            "base": ["ref": record.base, "sha": store(repository).branches[record.base] ?? "", "label": "\(owner):\(record.base)", "repo": ["full_name": repository]],
            "labels": issue.labels.map { ["name": $0] },
            "requested_reviewers": record.requestedReviewers.map { ["login": $0] },
            "requested_teams": record.requestedTeams.map { ["slug": $0] },
            "auto_merge": autoMerge, "merged": record.mergedAt != nil,
            "merged_at": record.mergedAt.map(Self.timestamp) ?? NSNull(), "merge_commit_sha": record.mergeCommitSHA ?? NSNull(),
            "created_at": Self.timestamp(record.createdAt), "updated_at": Self.timestamp(record.updatedAt),
            "closed_at": record.closedAt.map(Self.timestamp) ?? NSNull(),
            "mergeable": issue.isOpen ? (state != "dirty") as Any : NSNull(), "mergeable_state": state,
            "maintainer_can_modify": record.maintainerCanModify,
        ]
    }
}
