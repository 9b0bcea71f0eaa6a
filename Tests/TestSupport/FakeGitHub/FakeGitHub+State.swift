import Foundation

extension FakeGitHub {
    /// Everything the fake knows, changed only under `FakeGitHub`'s lock.
    struct State {
        let token: String
        let scopes: String?
        var apiURL = ""
        var repositories: [String: Repository]
        var stores: [String: FakeGitStore] = [:]
        var issues: [String: [Issue]] = [:]
        var pulls: [String: [Int: PullRecord]] = [:]
        var protectedBranches: [String: Set<String>] = [:]
        var unknownReviewers: Set<String> = []
        var faults: [Fault] = []
        var budgets: [String: RateBudget] = ["core": RateBudget(), "graphql": RateBudget()]
        var counts = RequestCounts()
        var nextCommentID = 1
        /// The clock of pull request dates (opened, updated, merged, closed); nil: the real time.
        var clock: (@Sendable () -> Date)?

        init(token: String, scopes: String?, repositories: [String: Repository]) {
            self.token = token
            self.scopes = scopes
            self.repositories = repositories
        }
    }

    /// What a pull request has beyond its issue (title, body, labels, state and comments live there).
    struct PullRecord {
        var number: Int
        var head: String
        var headSHA: String
        var base: String
        var requestedReviewers: [String] = []
        var requestedTeams: [String] = []
        var autoMerge: MergeMethod?
        var autoMergeEnabledAt: Date?
        var mergedAt: Date?
        var mergeCommitSHA: String?
        var isClean = false
        var maintainerCanModify = true
        var createdAt = Date(timeIntervalSince1970: 0)
        var updatedAt = Date(timeIntervalSince1970: 0)
        /// Set when the pull request is closed or merged; cleared when it is reopened.
        var closedAt: Date?
    }
}

extension FakeGitHub.State {
    /// Routes an authenticated request; unknown repositories and paths answer 404.
    mutating func respond(to request: FakeGitHub.APIRequest) -> LoopbackServer.Reply {
        let segments = request.segments
        if segments == ["graphql"], request.method == "POST" { return serveGraphQL(request) }
        if request.method == "GET", segments.count == 3, segments[2] == "repos", segments[0] == "orgs" || segments[0] == "users" {
            return serveOwnerRepositories(request, route: segments[0], owner: segments[1])
        }
        guard segments.count >= 3, segments[0] == "repos" else { return .notFound }
        let name = "\(segments[1])/\(segments[2])"
        guard let repository = repositories[name] else { return .notFound }
        let rest = Array(segments.dropFirst(3))
        let isWrite = request.method != "GET"
        switch rest.first {
        case nil where request.method == "GET":
            return .json(200, repositoryJSON(name, repository))
        case "git":
            if isWrite, !repository.canPush { return .notAccessible }
            return serveGitData(request, repository: name, path: Array(rest.dropFirst()))
        case "commits" where rest.count == 1 && request.method == "GET":
            return commitList(request, repository: name)
        case "pulls":
            if isWrite, !repository.canPush { return .notAccessible }
            return servePulls(request, repository: name, path: Array(rest.dropFirst()))
        case "issues":
            return serveIssues(request, repository: name, path: Array(rest.dropFirst()))
        default:
            return .notFound
        }
    }

    func repositoryJSON(_ name: String, _ repository: FakeGitHub.Repository) -> [String: Any] {
        let visibility: String = repository.isPrivate ? "private" : "public"
        return [
            "full_name": name, "name": String(name.split(separator: "/").last ?? ""),
            "owner": ["login": String(name.split(separator: "/").first ?? "")],
            "node_id": Self.nodeID("R", name), "private": repository.isPrivate, "html_url": "https://github.com/\(name)",
            "default_branch": repository.defaultBranch, "topics": repository.topics, "archived": repository.archived, "fork": repository.fork,
            "visibility": visibility,
            "permissions": ["admin": false, "maintain": false, "push": repository.canPush, "triage": repository.canPush, "pull": true],
            "allow_auto_merge": repository.allowsAutoMerge, "allow_merge_commit": repository.allowsMergeCommit,
            "allow_squash_merge": repository.allowsSquashMerge, "allow_rebase_merge": repository.allowsRebaseMerge,
        ]
    }

    /// A GraphQL global id: a type prefix and the base64url of what it names.
    static func nodeID(_ prefix: String, _ name: String) -> String {
        let encoded = Data(name.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "\(prefix)_kw\(encoded)"
    }

    /// The store of a repository (an empty one for a repository declared without files).
    func store(_ repository: String) -> FakeGitStore {
        stores[repository] ?? FakeGitStore()
    }

    /// Moves a branch and the head of every open pull request from it.
    mutating func setBranch(_ branch: String, to sha: String?, in repository: String) {
        stores[repository, default: FakeGitStore()].branches[branch] = sha
        guard let sha else { return }
        for (number, record) in pulls[repository] ?? [:] where record.head == branch && isOpen(number, in: repository) {
            pulls[repository]?[number]?.headSHA = sha
        }
    }

    /// The time now, by the fake's clock.
    func currentDate() -> Date {
        clock?() ?? Date()
    }

    /// Marks a pull request updated now (GitHub's `updated_at`); an issue's number does nothing.
    mutating func touchPull(_ number: Int?, in repository: String) {
        guard let number, pulls[repository]?[number] != nil else { return }
        let date = currentDate()
        pulls[repository]?[number]?.updatedAt = date
    }

    func isOpen(_ number: Int, in repository: String) -> Bool {
        issues[repository]?.first { $0.number == number }?.isOpen ?? false
    }

    static func timestamp(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
