import Foundation

/// `GET /orgs/{org}/repos` and `GET /users/{username}/repos`: an owner's repositories as GitHub's
/// MinimalRepository, paged with `Link` headers. Owners are matched case-insensitively and named as
/// their repositories spell them.
///
/// - `/orgs/{org}/repos` answers 404 when no repository has that owner, or when the owner is a user
///   (`Repository.owner`); `type` is `all` (the default, and `member`: the token sees every
///   repository), `public`, `private`, `forks` or `sources`.
/// - `/users/{username}/repos` answers 404 when no repository has that owner; it lists the public
///   repositories only (whoever asks, as GitHub does), an organisation's too; `type` `owner` (the
///   default) or `all`, and `member` lists none.
/// - `sort` and `direction`: the fake keeps no dates, so every order is by full name, ascending
///   with `sort=full_name` (the users route's default) and descending otherwise (GitHub's default
///   direction for the dates), unless `direction` says.
extension FakeGitHub.State {
    func serveOwnerRepositories(_ request: FakeGitHub.APIRequest, route: String, owner: String) -> LoopbackServer.Reply {
        let owned = repositories.filter { Self.owner(of: $0.key).lowercased() == owner.lowercased() }
            .map { (name: $0.key, repository: $0.value) }
        guard !owned.isEmpty else { return .notFound }
        let kind: FakeGitHub.OwnerKind = owned.contains { $0.repository.owner == .user } ? .user : .organization
        var chosen: [(name: String, repository: FakeGitHub.Repository)]
        if route == "orgs" {
            guard kind == .organization else { return .notFound }
            switch request.query["type"] ?? "all" {
            case "public": chosen = owned.filter { !$0.repository.isPrivate }
            case "private": chosen = owned.filter { $0.repository.isPrivate }
            case "forks": chosen = owned.filter { $0.repository.fork }
            case "sources": chosen = owned.filter { !$0.repository.fork }
            default: chosen = owned
            }
        } else {
            chosen = request.query["type"] == "member" ? [] : owned.filter { !$0.repository.isPrivate }
        }
        let sort = request.query["sort"] ?? (route == "orgs" ? "created" : "full_name")
        let descending = request.query["direction"].map { $0 == "desc" } ?? (sort != "full_name")
        chosen.sort { $0.name.lowercased() < $1.name.lowercased() }
        if descending { chosen.reverse() }
        return paginated(count: chosen.count, request) { range in
            chosen[range].map { minimalRepositoryJSON($0.name, $0.repository, owner: kind) as Any }
        }
    }

    static func owner(of repository: String) -> String {
        String(repository.split(separator: "/").first ?? "")
    }

    /// A repository as the listings show it (GitHub's MinimalRepository: every field it requires).
    func minimalRepositoryJSON(_ name: String, _ repository: FakeGitHub.Repository, owner kind: FakeGitHub.OwnerKind) -> [String: Any] {
        let url = "\(apiURL)/repos/\(name)"
        let visibility: String = repository.isPrivate ? "private" : "public"
        var json: [String: Any] = [
            "id": Self.numericID(name), "node_id": Self.nodeID("R", name), "name": String(name.split(separator: "/").last ?? ""),
            "full_name": name, "owner": ownerJSON(Self.owner(of: name), kind), "url": url, "html_url": "https://github.com/\(name)",
        ]
        json.merge([
            "private": repository.isPrivate, "visibility": visibility, "fork": repository.fork,
            "archived": repository.archived, "disabled": false, "topics": repository.topics, "is_template": false,
            "default_branch": repository.defaultBranch, "description": NSNull(), "homepage": NSNull(), "language": NSNull(),
        ] as [String: Any]) { _, new in new }
        json.merge([
            "git_url": "git://github.com/\(name).git", "ssh_url": "git@github.com:\(name).git",
            "clone_url": "https://github.com/\(name).git", "svn_url": "https://github.com/\(name)", "mirror_url": NSNull(),
        ] as [String: Any]) { _, new in new }
        json.merge([
            "size": 0, "forks_count": 0, "stargazers_count": 0, "watchers_count": 0, "open_issues_count": 0,
            "forks": 0, "open_issues": 0, "watchers": 0,
        ] as [String: Any]) { _, new in new }
        json.merge([
            "has_issues": true, "has_projects": true, "has_wiki": true, "has_pages": false, "has_downloads": true,
            "has_discussions": false, "allow_forking": true, "web_commit_signoff_required": false,
        ] as [String: Any]) { _, new in new }
        json["permissions"] = ["admin": false, "maintain": false, "push": repository.canPush, "triage": repository.canPush, "pull": true]
        for key in ["created_at", "updated_at", "pushed_at"] { json[key] = "2026-01-01T00:00:00Z" }
        for (key, suffix) in Self.repositoryURLs { json[key] = url + suffix }
        return json
    }

    /// GitHub's SimpleUser for an owner.
    func ownerJSON(_ login: String, _ kind: FakeGitHub.OwnerKind) -> [String: Any] {
        let id = Self.numericID(login.lowercased())
        let url = "\(apiURL)/users/\(login)"
        var json: [String: Any] = [
            "login": login, "id": id, "node_id": Self.nodeID(kind == .user ? "U" : "O", login.lowercased()),
            "avatar_url": "https://avatars.githubusercontent.com/u/\(id)?v=4", "gravatar_id": "", "url": url,
            "html_url": "https://github.com/\(login)", "type": kind.rawValue, "site_admin": false, "user_view_type": "public",
        ]
        for (key, suffix) in Self.userURLs { json[key] = url + suffix }
        return json
    }

    /// A stable positive number for a name (FNV-1a), as GitHub numbers every account and repository.
    static func numericID(_ name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash & 0x3FFF_FFFF) + 1
    }

    /// The URL templates of a repository, below its API URL.
    static let repositoryURLs: [(String, String)] = [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"),
        ("events_url", "/events"), ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"),
        ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"), ("issue_comment_url", "/issues/comments{/number}"),
        ("issue_events_url", "/issues/events{/number}"), ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"),
        ("labels_url", "/labels{/name}"), ("languages_url", "/languages"), ("merges_url", "/merges"),
        ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"),
        ("statuses_url", "/statuses/{sha}"), ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"),
        ("tags_url", "/tags"), ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"), ("hooks_url", "/hooks"),
    ]

    /// The URL templates of an account, below its API URL.
    static let userURLs: [(String, String)] = [
        ("followers_url", "/followers"), ("following_url", "/following{/other_user}"), ("gists_url", "/gists{/gist_id}"),
        ("starred_url", "/starred{/owner}{/repo}"), ("subscriptions_url", "/subscriptions"), ("organizations_url", "/orgs"),
        ("repos_url", "/repos"), ("events_url", "/events{/privacy}"), ("received_events_url", "/received_events"),
    ]
}

extension FakeGitHub {
    /// Sets what the owner's listing says of a repository (made by `createRepository`, say): its
    /// topics (kept in lower case), whether it is archived, a fork, private, and who owns it.
    package func setListing(_ repository: String, topics: [String], archived: Bool = false, fork: Bool = false,
                            isPrivate: Bool = true, owner: OwnerKind = .organization) throws {
        try withState { state in
            guard state.repositories[repository] != nil else { throw HelperError.unknownRepository(repository) }
            state.repositories[repository]?.topics = topics.map { $0.lowercased() }
            state.repositories[repository]?.archived = archived
            state.repositories[repository]?.fork = fork
            state.repositories[repository]?.isPrivate = isPrivate
            state.repositories[repository]?.owner = owner
        }
    }
}
