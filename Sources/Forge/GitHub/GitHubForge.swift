import Foundation
import SyncCore

/// Downstream repositories on github.com or GitHub Enterprise Server, through the REST and GraphQL
/// APIs. Reads are conditional (ETag) or served from the cache of immutable git objects, so an
/// unchanged target costs a few 304s; writes go through the Git Data API as one commit without
/// a custom author, which GitHub signs.
package final class GitHubForge: Forge, @unchecked Sendable {
    package let client: GitHubClient
    package let cache: ResponseCache
    /// Messages about things that did not stop the sync (a reviewer GitHub refused), for the log.
    let lock = NSLock()
    private var repositoryPayloads: [String: GitHubPayload.Repository] = [:]
    /// The pull requests this run has seen, so updates only send what differs.
    var pulls: [String: [Int: GitHubPayload.PullRequest]] = [:]
    /// Where this run last saw each branch point (nil: absent), so a commit right after the
    /// delivery read the branch does not read its ref again.
    private var branchHeads: [String: String?] = [:]
    private var noticeList: [String] = []
    /// What fleet reads (GraphQL, many repositories per request) saw, answered before REST.
    let fleet = FleetSnapshot()
    /// Each owner's repositories, listed once per run (`repositories(of:)`).
    let listings = OwnerListings()

    /// Whether fleet reads go through GraphQL (many repositories per query); off, every target is
    /// read over REST (a GitHub Enterprise Server whose GraphQL schema lacks `Commit.file`).
    package let batchReads: Bool
    /// Whether a commit GitHub's `createCommitOnBranch` can express is made with it (fewer writes);
    /// off, every commit goes through the Git Data API.
    package let commitMutation: Bool

    package init(client: GitHubClient, cache: ResponseCache, batchReads: Bool = true, commitMutation: Bool = true) {
        self.client = client
        self.cache = cache
        self.batchReads = batchReads
        self.commitMutation = commitMutation
    }

    package var usage: RequestMeter.Usage { client.meter.snapshot }
    package var notices: [String] { lock.withLock { noticeList } }

    func notice(_ text: String) {
        lock.withLock { noticeList.append(text) }
    }

    /// `.some(nil)`: the branch was absent when last read; nil: not read in this run.
    func lastSeenHead(_ repository: String, branch: String) -> String?? {
        lock.withLock { branchHeads[repository + ":" + branch] }
    }

    func saw(_ repository: String, branch: String, at sha: String?) {
        lock.withLock { branchHeads[repository + ":" + branch] = .some(sha) }
    }

    // MARK: Requests

    /// `/repos/{owner}/{name}` after checking the name, so no input can leave the repository's URL space.
    func base(_ repository: String) throws -> String {
        guard RepositoryNames.isValid(repository) else { throw ForgeError("'\(repository)' is not a repository name (owner/name).") }
        return "/repos/" + repository
    }

    static func escape(path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#%")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func escape(query: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#;")
        return query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
    }

    /// A conditional GET: sends the ETag of the last answer and reuses its body on 304. Nil on 404.
    func read(_ path: String) async throws -> Data? {
        let known = cache.validated(path)
        let response = try await client.send("GET", path, headers: known.map { ["If-None-Match": $0.etag] } ?? [:])
        switch response.status {
        case 304:
            guard let known else { throw GitHubError.unexpected(path: path, status: 304, message: "Not Modified without a cached answer") }
            return known.body
        case 200..<300:
            if let etag = response.header("etag") { cache.storeValidated(path, etag: etag, body: response.body) }
            return response.body
        case 404:
            return nil
        default:
            throw GitHubError.conflict(path: path, status: response.status, message: response.errorMessage)
        }
    }

    /// A content-addressed answer (a git object by id): read once, then never asked again.
    func immutable(_ key: String, _ path: String) async throws -> Data? {
        if let data = cache.object(key) {
            client.meter.recordCacheHit()
            return data
        }
        let response = try await client.send("GET", path)
        switch response.status {
        case 200:
            cache.storeObject(key, response.body)
            return response.body
        case 404, 422:
            return nil
        default:
            throw GitHubError.conflict(path: path, status: response.status, message: response.errorMessage)
        }
    }

    /// Sends a write and decodes its answer; any status but 2xx becomes an actionable error.
    func write<T: Decodable>(_ method: String, _ path: String, _ body: [String: Any], as type: T.Type, replay: GitHubClient.Replay = .safe) async throws -> T {
        let response = try await client.send(method, path, body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), replay: replay)
        try Self.require(response, path)
        return try Self.decode(type, response.body, path)
    }

    static func require(_ response: GitHubResponse, _ path: String) throws {
        switch response.status {
        case 200..<300: return
        case 404: throw GitHubError.notFound(path: path)
        default: throw GitHubError.conflict(path: path, status: response.status, message: response.errorMessage)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ path: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ForgeError("GitHub's answer to \(path) is not what the API documents (\(error)); is GITHUB_API_URL a GitHub API?")
        }
    }

    /// Pages of a list endpoint (100 per page), following `Link: rel="next"`, at most `limit` items.
    func pages<T: Decodable>(_ path: String, as type: T.Type, limit: Int = 1_000) async throws -> [T]? {
        var items: [T] = []
        var page = 1
        while items.count < limit {
            let separator = path.contains("?") ? "&" : "?"
            let pagePath = path + separator + "per_page=\(min(100, limit))" + (page > 1 ? "&page=\(page)" : "")
            guard let data = try await read(pagePath) else { return page == 1 ? nil : items }
            let batch = try Self.decode([T].self, data, pagePath)
            items += batch
            guard batch.count == min(100, limit) else { break }
            page += 1
        }
        return Array(items.prefix(limit))
    }

    /// Sends a creation (a pull request, an issue, a comment) that GitHub may have carried out
    /// before its answer was lost: after such a failure, `lookup` finds what was made, and only
    /// when it finds nothing is the creation sent again, after a back-off.
    func createOnce<T>(_ create: () async throws -> T, lookup: () async throws -> T?) async throws -> T {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await create()
            } catch let error as GitHubError where error.mayHaveActed && attempts < client.policy.maxAttempts {
                if let made = try await lookup() { return made }
                await client.backoff(afterAttempt: attempts)
            }
        }
    }

    // MARK: Reading

    package func repository(_ name: String) async throws -> ForgeRepository {
        if let known = fleet[name]?.repository { return known }
        let payload = try await repositoryPayload(name)
        return ForgeRepository(name: name, defaultBranch: payload.defaultBranch, canPush: payload.permissions?.push ?? false, allowsAutoMerge: payload.allowAutoMerge ?? false)
    }

    func repositoryPayload(_ name: String) async throws -> GitHubPayload.Repository {
        if let known = lock.withLock({ repositoryPayloads[name] }) { return known }
        let path = try base(name)
        guard let data = try await read(path) else { throw GitHubError.notFound(path: path) }
        let payload = try Self.decode(GitHubPayload.Repository.self, data, path)
        lock.withLock { repositoryPayloads[name] = payload }
        return payload
    }

    package func head(_ repository: String, branch: String) async throws -> ForgeCommit? {
        // The fleet read's head, unless this run has since seen the branch elsewhere (after a commit).
        if let entry = fleet[repository], entry.defaultBranch == branch, let head = entry.head,
           lastSeenHead(repository, branch: branch).map({ $0 == head.id }) ?? true {
            saw(repository, branch: branch, at: head.id)
            return head
        }
        let path = try base(repository) + "/git/ref/heads/" + Self.escape(path: branch)
        var sha: String?
        if let data = try await read(path) {
            let reference = try Self.decode(GitHubPayload.Reference.self, data, path)
            if reference.ref == "refs/heads/\(branch)" { sha = reference.object.sha }
        }
        saw(repository, branch: branch, at: sha)
        guard let sha else { return nil }
        return try await commitPayload(repository, sha).map(Self.forgeCommit)
    }

    func commitPayload(_ repository: String, _ sha: String) async throws -> GitHubPayload.Commit? {
        guard Self.isObjectID(sha) else { return nil }
        let path = try base(repository) + "/git/commits/" + sha
        return try await immutable("commit:" + sha, path).map { try Self.decode(GitHubPayload.Commit.self, $0, path) }
    }

    static func forgeCommit(_ payload: GitHubPayload.Commit) -> ForgeCommit {
        ForgeCommit(id: payload.sha, message: payload.message.trimmingCharacters(in: .newlines), parents: payload.parents.map(\.sha))
    }

    static func isObjectID(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }

    package func files(_ repository: String, at commit: String, paths: [String]) async throws -> [String: Data] {
        try ForgeError.checkPaths(paths, repository: repository)
        if let entry = fleet.entry(repository, at: commit), paths.allSatisfy({ entry.holds($0) }) {
            var result: [String: Data] = [:]
            for path in Set(paths) {
                guard let file = entry.file(path) else { continue }
                if let text = file.text {
                    result[path] = Data(text.utf8)
                } else if let data = try await blob(repository, object: file.blobID) {
                    result[path] = data
                }
            }
            return result
        }
        let tree = try await GitTreeReader(forge: self, repository: repository).entries(at: commit)
        var result: [String: Data] = [:]
        for path in Set(paths) {
            guard let entry = tree[path], entry.type == "blob", let data = try await blob(repository, object: entry.sha) else { continue }
            result[path] = data
        }
        return result
    }

    package func symbolicLinks(_ repository: String, at commit: String, paths: [String]) async throws -> Set<String> {
        let wanted = Set(paths)
        guard !wanted.isEmpty else { return [] }
        let tree = try await GitTreeReader(forge: self, repository: repository).entries(at: commit)
        return Set(wanted.filter { tree[$0]?.mode == "120000" })
    }

    package func folderFiles(_ repository: String, at commit: String, in folder: String) async throws -> [String] {
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        if let entry = fleet.entry(repository, at: commit), entry.stateFolder == prefix {
            return entry.stateFiles.keys.sorted()
        }
        let tree = try await GitTreeReader(forge: self, repository: repository).entries(at: commit)
        return tree.filter { $0.value.type == "blob" && $0.key.hasPrefix(prefix) && !$0.key.dropFirst(prefix.count).contains("/") }.map(\.key).sorted()
    }

    package func blobIDs(_ repository: String, at commit: String, paths: [String]) async throws -> [String: String] {
        try ForgeError.checkPaths(paths, repository: repository)
        if let entry = fleet.entry(repository, at: commit), Set(paths).isSubset(of: entry.blobIDsAsked) {
            return entry.blobIDs.filter { paths.contains($0.key) }
        }
        let tree = try await GitTreeReader(forge: self, repository: repository).entries(at: commit)
        var result: [String: String] = [:]
        for path in Set(paths) {
            if let entry = tree[path], entry.type == "blob" { result[path] = entry.sha }
        }
        return result
    }

    package func list(_ repository: String, at commit: String, under folder: String) async throws -> [String] {
        let tree = try await GitTreeReader(forge: self, repository: repository).entries(at: commit)
        let prefix = folder.isEmpty ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        return tree.filter { $0.value.type == "blob" && $0.key.hasPrefix(prefix) }.map(\.key).sorted()
    }

    package func blob(_ repository: String, object: String) async throws -> Data? {
        guard Self.isObjectID(object) else { return nil }
        let path = try base(repository) + "/git/blobs/" + object
        guard let data = try await immutable("blob:" + object, path) else { return nil }
        let payload = try Self.decode(GitHubPayload.Blob.self, data, path)
        guard payload.encoding == "base64" else { return Data(payload.content.utf8) }
        guard let content = Data(base64Encoded: payload.content, options: .ignoreUnknownCharacters) else {
            throw ForgeError("GitHub's blob \(object) in \(repository) is not valid base64.")
        }
        return content
    }

    package func history(_ repository: String, branch: String, limit: Int) async throws -> [ForgeCommit] {
        let path = try base(repository) + "/commits?sha=" + Self.escape(query: branch)
        let listed = try await pages(path, as: GitHubPayload.ListedCommit.self, limit: max(1, limit)) ?? []
        return listed.map { ForgeCommit(id: $0.sha, message: $0.commit.message.trimmingCharacters(in: .newlines), parents: $0.parents.map(\.sha)) }
    }

    package func changes(_ repository: String, commit: String) async throws -> [String: Data?] {
        guard let payload = try await commitPayload(repository, commit) else {
            throw ForgeError("Commit \(commit) was not found in \(repository).")
        }
        let reader = GitTreeReader(forge: self, repository: repository)
        let after = try await reader.entries(at: commit)
        var before: [String: GitTreeReader.Entry] = [:]
        if let parent = payload.parents.first { before = try await reader.entries(at: parent.sha) }
        var result: [String: Data?] = [:]
        for (path, entry) in after where entry.type == "blob" && before[path]?.sha != entry.sha {
            result[path] = try await blob(repository, object: entry.sha)
        }
        for (path, entry) in before where entry.type == "blob" && after[path] == nil {
            result[path] = .some(nil)
        }
        return result
    }
}
