import Foundation

/// `/repos/{owner}/{repo}/issues`: list, create, read and edit issues, their comments and labels.
/// Pull requests are issues too: they share the number sequence and the list shows them.
extension FakeGitHub.State {
    mutating func serveIssues(_ request: FakeGitHub.APIRequest, repository: String, path: [String]) -> LoopbackServer.Reply {
        if path.first == "comments" { return serveIssueComment(request, repository: repository, path: Array(path.dropFirst())) }
        let number = path.first.flatMap { Int($0) }
        switch (request.method, path.count, path.last) {
        case ("GET", 0, _):
            let wanted = (request.query["labels"] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
            let state = request.query["state"] ?? "open"
            let matching = (issues[repository] ?? []).filter { issue in
                wanted.allSatisfy(issue.labels.contains) && (state == "all" || (state == "open") == issue.isOpen)
            }
            // GitHub's default order: newest first.
            return paginated(matching.sorted { $0.number > $1.number }.map { issueJSON($0, repository: repository) }, request)
        case ("POST", 0, _):
            guard let title = request.body["title"] as? String, !title.isEmpty else {
                return .validationFailed([["resource": "Issue", "field": "title", "code": "missing_field"]])
            }
            let issue = FakeGitHub.Issue(number: nextNumber(in: repository), title: title, body: request.body["body"] as? String ?? "",
                                         labels: request.body["labels"] as? [String] ?? [])
            issues[repository, default: []].append(issue)
            return .json(201, issueJSON(issue, repository: repository))
        case ("GET", 1, _):
            guard let issue = issue(number, in: repository) else { return .notFound }
            return .json(200, issueJSON(issue, repository: repository))
        case ("PATCH", 1, _):
            return editIssue(request, repository: repository, number: number)
        case ("GET", 2, "comments"):
            guard let issue = issue(number, in: repository) else { return .notFound }
            // GitHub's published parameters for this endpoint: since, per_page, page. No sort order:
            // the oldest comment comes first.
            if let unknown = request.query.keys.sorted().first(where: { !["since", "per_page", "page"].contains($0) }) {
                return .validationFailed([["resource": "IssueComment", "field": unknown, "code": "invalid", "message": "'\(unknown)' is not a parameter of this endpoint"]])
            }
            var comments = issue.comments
            if let since = request.query["since"] {
                guard let date = ISO8601DateFormatter().date(from: since) else {
                    return .validationFailed([["resource": "IssueComment", "field": "since", "code": "invalid"]])
                }
                // GitHub: "only comments updated at or after this time".
                comments = comments.filter { $0.updatedAt >= date }
            }
            return paginated(comments.map { commentJSON($0, repository: repository, number: issue.number) }, request)
        case ("POST", 2, "comments"):
            guard let number, let index = issues[repository]?.firstIndex(where: { $0.number == number }) else { return .notFound }
            guard let text = request.body["body"] as? String, !text.isEmpty else {
                return .validationFailed([["resource": "IssueComment", "field": "body", "code": "missing_field"]])
            }
            let comment = FakeGitHub.Comment(id: nextCommentID, body: text)
            nextCommentID += 1
            issues[repository]?[index].comments.append(comment)
            touchPull(number, in: repository)
            return .json(201, commentJSON(comment, repository: repository, number: number))
        case ("POST", 2, "labels"):
            guard let number, let index = issues[repository]?.firstIndex(where: { $0.number == number }) else { return .notFound }
            // `{"labels": [...]}`, or the bare array GitHub also takes.
            guard let labels = request.body["labels"] as? [String] ?? request.json as? [String] else {
                return .validationFailed([["resource": "Label", "field": "labels", "code": "invalid"]])
            }
            for label in labels where !(issues[repository]?[index].labels.contains(label) ?? true) {
                issues[repository]?[index].labels.append(label)
            }
            touchPull(number, in: repository)
            return .json(200, (issues[repository]?[index].labels ?? []).map { ["name": $0] })
        default:
            return .notFound
        }
    }

    private mutating func editIssue(_ request: FakeGitHub.APIRequest, repository: String, number: Int?) -> LoopbackServer.Reply {
        guard let number, let index = issues[repository]?.firstIndex(where: { $0.number == number }) else { return .notFound }
        let body = request.body
        if let state = body["state"] as? String {
            guard ["open", "closed"].contains(state) else {
                return .validationFailed([["resource": "Issue", "field": "state", "code": "invalid"]])
            }
            if state == "open", pulls[repository]?[number]?.mergedAt != nil {
                return .unprocessable("Validation Failed: a merged pull request cannot be reopened")
            }
            let wasOpen = issues[repository]?[index].isOpen ?? false
            issues[repository]?[index].isOpen = state == "open"
            if pulls[repository]?[number] != nil, wasOpen != (state == "open") {
                let date = state == "open" ? nil : currentDate()
                pulls[repository]?[number]?.closedAt = date
            }
        }
        touchPull(number, in: repository)
        if let title = body["title"] as? String { issues[repository]?[index].title = title }
        if let text = body["body"] as? String { issues[repository]?[index].body = text }
        if let labels = body["labels"] as? [String] { issues[repository]?[index].labels = labels }
        guard let issue = issues[repository]?[index] else { return .notFound }
        return .json(200, issueJSON(issue, repository: repository))
    }

    func issue(_ number: Int?, in repository: String) -> FakeGitHub.Issue? {
        issues[repository]?.first { $0.number == number }
    }

    /// Issues and pull requests share one sequence.
    func nextNumber(in repository: String) -> Int {
        (issues[repository, default: []].map(\.number).max() ?? 0) + 1
    }

    func issueJSON(_ issue: FakeGitHub.Issue, repository: String) -> [String: Any] {
        var object: [String: Any] = [
            "number": issue.number, "title": issue.title, "body": issue.body, "state": issue.isOpen ? "open" : "closed",
            "labels": issue.labels.map { ["name": $0] }, "comments": issue.comments.count,
            "node_id": Self.nodeID("I", "\(repository)#\(issue.number)"),
            "html_url": "https://github.com/\(repository)/\(issue.isPullRequest ? "pull" : "issues")/\(issue.number)",
        ]
        if issue.isPullRequest { object["pull_request"] = ["url": "https://api.github.com/repos/\(repository)/pulls/\(issue.number)"] }
        return object
    }

    func commentJSON(_ comment: FakeGitHub.Comment, repository: String, number: Int) -> [String: Any] {
        [
            "id": comment.id, "node_id": Self.nodeID("IC", "\(repository)#\(comment.id)"), "body": comment.body,
            "url": "\(apiURL)/repos/\(repository)/issues/comments/\(comment.id)",
            "issue_url": "\(apiURL)/repos/\(repository)/issues/\(number)",
            "user": ["login": "fake-github-user", "id": 1, "type": "User"], "author_association": "NONE",
            "created_at": ISO8601DateFormatter().string(from: comment.createdAt), "updated_at": ISO8601DateFormatter().string(from: comment.updatedAt),
            "html_url": "https://github.com/\(repository)/issues/\(number)#issuecomment-\(comment.id)",
        ]
    }
}
