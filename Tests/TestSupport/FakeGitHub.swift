import Foundation

/// GitHub's REST API as far as flash-sync uses it, served on 127.0.0.1 from memory, with
/// injectable faults. Every request is recorded by the underlying `LoopbackServer`.
package final class FakeGitHub: @unchecked Sendable {
    package struct Repository: Sendable {
        package var canPush: Bool
        package var defaultBranch: String

        package init(canPush: Bool = true, defaultBranch: String = "main") {
            self.canPush = canPush
            self.defaultBranch = defaultBranch
        }
    }

    /// A canned failure for the next requests whose path starts with `pathPrefix`.
    package struct Fault: Sendable {
        package var pathPrefix: String
        package var status: Int
        package var headers: [String: String]
        package var message: String
        package var times: Int

        package init(pathPrefix: String, status: Int, headers: [String: String] = [:], message: String = "fault", times: Int = 1) {
            self.pathPrefix = pathPrefix
            self.status = status
            self.headers = headers
            self.message = message
            self.times = times
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

        package init(number: Int, title: String, body: String = "", labels: [String] = [], isOpen: Bool = true, isPullRequest: Bool = false) {
            self.number = number
            self.title = title
            self.body = body
            self.labels = labels
            self.isOpen = isOpen
            self.isPullRequest = isPullRequest
        }
    }

    private let lock = NSLock()
    private var repositories: [String: Repository]
    private var issueStore: [String: [Issue]] = [:]
    private var faults: [Fault] = []
    package let token: String
    package let scopes: String?
    package private(set) var server: LoopbackServer!

    package init(token: String, repositories: [String: Repository], scopes: String? = "repo, workflow") async throws {
        self.token = token
        self.repositories = repositories
        self.scopes = scopes
        server = try await LoopbackServer { [weak self] request in
            guard let self else { return .init(status: 503) }
            return self.handle(request)
        }
    }

    package var apiURL: String { server.baseURL }

    /// The issues and pull requests of a repository, by number.
    package func issues(in repository: String) -> [Issue] {
        lock.withLock { issueStore[repository, default: []] }
    }

    package func addIssue(_ issue: Issue, in repository: String) {
        lock.withLock { issueStore[repository, default: []].append(issue) }
    }

    package func inject(_ fault: Fault) {
        lock.withLock { faults.append(fault) }
    }

    private func takeFault(for path: String) -> Fault? {
        lock.withLock {
            guard let index = faults.firstIndex(where: { path.hasPrefix($0.pathPrefix) && $0.times > 0 }) else { return nil }
            faults[index].times -= 1
            return faults[index]
        }
    }

    private var rateHeaders: [String: String] {
        ["x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4990", "x-ratelimit-used": "10",
         "x-ratelimit-reset": String(Int(Date().timeIntervalSince1970) + 3600), "x-ratelimit-resource": "core"]
    }

    func handle(_ request: LoopbackServer.RecordedRequest) -> LoopbackServer.Reply {
        if let fault = takeFault(for: request.path) {
            return .json(fault.status, ["message": fault.message], headers: fault.headers)
        }
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return .json(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        var headers = rateHeaders
        if let scopes { headers["x-oauth-scopes"] = scopes }
        let parts = request.path.split(separator: "/").map(String.init)
        if request.method == "GET", parts.count == 3, parts[0] == "repos" {
            let name = "\(parts[1])/\(parts[2])"
            guard let repository = lock.withLock({ repositories[name] }) else {
                return .json(404, ["message": "Not Found"], headers: headers)
            }
            return .json(200, [
                "full_name": name,
                "default_branch": repository.defaultBranch,
                "permissions": ["admin": false, "push": repository.canPush, "pull": true],
                "allow_auto_merge": true,
            ], headers: headers)
        }
        if parts.count >= 4, parts[0] == "repos", parts[3] == "issues" {
            return handleIssues(request, repository: "\(parts[1])/\(parts[2])", number: parts.count == 5 ? Int(parts[4]) : nil, headers: headers)
        }
        return .json(404, ["message": "Not Found"], headers: headers)
    }

    /// GET (list by labels and state), POST (create) and PATCH (edit) of `/repos/{o}/{r}/issues`.
    private func handleIssues(_ request: LoopbackServer.RecordedRequest, repository: String, number: Int?, headers: [String: String]) -> LoopbackServer.Reply {
        guard lock.withLock({ repositories[repository] }) != nil else { return .json(404, ["message": "Not Found"], headers: headers) }
        let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
        func json(_ issue: Issue) -> [String: Any] {
            var object: [String: Any] = [
                "number": issue.number, "title": issue.title, "body": issue.body, "state": issue.isOpen ? "open" : "closed",
                "labels": issue.labels.map { ["name": $0] }, "html_url": "https://github.com/\(repository)/issues/\(issue.number)",
            ]
            if issue.isPullRequest { object["pull_request"] = ["url": "https://api.github.com/repos/\(repository)/pulls/\(issue.number)"] }
            return object
        }
        switch (request.method, number) {
        case ("GET", nil):
            let wanted = (request.query["labels"] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
            let state = request.query["state"] ?? "open"
            let matching = issues(in: repository).filter { issue in
                wanted.allSatisfy(issue.labels.contains) && (state == "all" || (state == "open") == issue.isOpen)
            }
            return .json(200, matching.map(json), headers: headers)
        case ("POST", nil):
            guard let title = body["title"] as? String, !title.isEmpty else {
                return .json(422, ["message": "Validation Failed", "errors": [["field": "title", "code": "missing_field"]]], headers: headers)
            }
            let issue = lock.withLock {
                let next = (issueStore[repository, default: []].map(\.number).max() ?? 0) + 1
                let issue = Issue(number: next, title: title, body: body["body"] as? String ?? "", labels: body["labels"] as? [String] ?? [])
                issueStore[repository, default: []].append(issue)
                return issue
            }
            return .json(201, json(issue), headers: headers)
        case ("PATCH", let number?):
            let updated: Issue? = lock.withLock {
                guard let index = issueStore[repository, default: []].firstIndex(where: { $0.number == number }) else { return nil }
                if let title = body["title"] as? String { issueStore[repository]![index].title = title }
                if let text = body["body"] as? String { issueStore[repository]![index].body = text }
                return issueStore[repository]![index]
            }
            guard let updated else { return .json(404, ["message": "Not Found"], headers: headers) }
            return .json(200, json(updated), headers: headers)
        default:
            return .json(404, ["message": "Not Found"], headers: headers)
        }
    }
}
