import Foundation
import TestSupport
import Testing

/// The fake's git data API, spoken to over HTTP and checked against real git.
@Suite("FakeGitHub")
struct FakeGitHubTests {
    static let blobContents: [Data] = [Data(), Data("hello\n".utf8), Data((0...255).map { UInt8($0) }), Data(repeating: 0x78, count: 1000)]

    @Test("a tree with inline content, a commit and a branch read back as written, with git's own tree ids")
    func treeCommitAndRef() async throws {
        let (github, api) = try await FakeGitHubHTTP.start(files: ["README.md": "hello\n", "docs/old.md": "old\n", "docs-index.md": "index\n"])
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        #expect(try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main")).sha == main)
        let base = try await api.get(FakeGitHubHTTP.path("/git/commits/\(main)"))
        let baseTree = try #require((base.object["tree"] as? [String: Any])?["sha"] as? String)

        let tree = try await api.send("POST", FakeGitHubHTTP.path("/git/trees"), ["base_tree": baseTree, "tree": [
            ["path": "docs/guide/intro.md", "mode": "100644", "type": "blob", "content": "intro\n"],
            ["path": "docs/old.md", "mode": "100644", "type": "blob", "sha": NSNull()],
        ]])
        #expect(tree.status == 201)
        let treeSHA = try #require(tree.sha)
        let commit = try await api.send("POST", FakeGitHubHTTP.path("/git/commits"), ["message": "sync: the guide", "tree": treeSHA, "parents": [main]])
        #expect(commit.status == 201)
        let commitSHA = try #require(commit.sha)
        #expect((commit.object["verification"] as? [String: Any])?["verified"] as? Bool == true)
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync/docs", "sha": commitSHA]).status == 201)

        #expect(try await api.get(FakeGitHubHTTP.path("/git/ref/heads/sync/docs")).sha == commitSHA)
        let readBack = try await api.get(FakeGitHubHTTP.path("/git/commits/\(commitSHA)")).object
        #expect(readBack["message"] as? String == "sync: the guide")
        #expect((readBack["parents"] as? [[String: Any]])?.compactMap { $0["sha"] as? String } == [main])
        #expect((readBack["tree"] as? [String: Any])?["sha"] as? String == treeSHA)
        #expect(try github.files(FakeGitHubHTTP.repository, branch: "sync/docs") == [
            "README.md": Data("hello\n".utf8), "docs/guide/intro.md": Data("intro\n".utf8), "docs-index.md": Data("index\n".utf8),
        ])

        // The same files in a real repository: same tree id, same listings (git sorts "docs-index.md" before the folder "docs").
        let directory = try TemporaryDirectory()
        try directory.write("README.md", "hello\n")
        try directory.write("docs/guide/intro.md", "intro\n")
        try directory.write("docs-index.md", "index\n")
        try GitFixture.git(["init", "-q"], in: directory.url)
        try GitFixture.git(["add", "-A"], in: directory.url)
        #expect(try GitFixture.git(["write-tree"], in: directory.url) == treeSHA)
        let recursive = try await api.get(FakeGitHubHTTP.path("/git/trees/\(commitSHA)?recursive=1")).object
        #expect(recursive["sha"] as? String == treeSHA)
        #expect(recursive["truncated"] as? Bool == false)
        let gitRecursive = try GitFixture.git(["ls-tree", "-r", "-t", treeSHA], in: directory.url)
        #expect(Self.listing(recursive) == gitRecursive)
        let top = try await api.get(FakeGitHubHTTP.path("/git/trees/\(treeSHA)")).object
        #expect(Self.listing(top) == (try GitFixture.git(["ls-tree", treeSHA], in: directory.url)))
        await github.server.stop()
    }

    /// A tree answer as `git ls-tree` prints it: `mode type sha<TAB>path`.
    static func listing(_ tree: [String: Any]) -> String {
        (tree["tree"] as? [[String: Any]] ?? []).map { entry in
            "\(entry["mode"] as? String ?? "") \(entry["type"] as? String ?? "") \(entry["sha"] as? String ?? "")\t\(entry["path"] as? String ?? "")"
        }.joined(separator: "\n")
    }

    @Test("a blob's id is git hash-object's, and its content comes back as base64 in lines of 60", arguments: blobContents)
    func blobIDs(content: Data) async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let created = try await api.send("POST", FakeGitHubHTTP.path("/git/blobs"), ["content": content.base64EncodedString(), "encoding": "base64"])
        #expect(created.status == 201)
        let directory = try TemporaryDirectory()
        try content.write(to: directory.path("file"))
        let sha = try #require(created.sha)
        #expect(sha == (try GitFixture.git(["hash-object", "file"], in: directory.url)))

        let blob = try await api.get(FakeGitHubHTTP.path("/git/blobs/\(sha)")).object
        let text = try #require(blob["content"] as? String)
        #expect(blob["encoding"] as? String == "base64")
        #expect(blob["size"] as? Int == content.count)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(text.isEmpty || text.hasSuffix("\n"))
        #expect(content.count < 46 || text.dropLast().contains("\n"), "long content spans several lines")
        #expect(Data(base64Encoded: text, options: .ignoreUnknownCharacters) == content)
        await github.server.stop()
    }

    @Test("a GET carries an ETag; If-None-Match answers 304 without body or rate-limit cost until the resource changes")
    func conditionalGET() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let first = try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main"))
        let tag = try #require(first.headers["etag"])
        #expect(tag.hasPrefix("W/\""))
        let remaining = try #require(first.headers["x-ratelimit-remaining"].flatMap(Int.init))

        let unchanged = try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main"), headers: ["If-None-Match": tag])
        #expect(unchanged.status == 304)
        #expect(unchanged.data.isEmpty)
        #expect(unchanged.headers["x-ratelimit-remaining"].flatMap(Int.init) == remaining)

        try github.commitDirectly(FakeGitHubHTTP.repository, branch: "main", changes: ["README.md": Data("changed\n".utf8)], message: "edit")
        let changed = try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main"), headers: ["If-None-Match": tag])
        #expect(changed.status == 200)
        #expect(changed.headers["etag"] != tag)
        #expect(changed.headers["x-ratelimit-remaining"].flatMap(Int.init) == remaining - 1)
        #expect(github.counts == FakeGitHub.RequestCounts(reads: 2, writes: 0, notModified: 1))
        await github.server.stop()
    }

    @Test("the rate limit counts down per request and a spent budget answers 403; a wrong token answers 401")
    func rateLimitAndCredentials() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        github.setRateLimit(remaining: 2)
        let first = try await api.get(FakeGitHubHTTP.path(""))
        #expect(first.status == 200)
        #expect(first.headers["x-ratelimit-remaining"] == "1")
        #expect(first.headers["x-ratelimit-used"] == "4999")
        #expect(first.headers["x-ratelimit-resource"] == "core")
        #expect(first.headers["x-ratelimit-reset"].flatMap(Int.init).map { $0 > Int(Date().timeIntervalSince1970) } == true)
        #expect(first.object["allow_auto_merge"] as? Bool == true)
        #expect((first.object["permissions"] as? [String: Any])?["push"] as? Bool == true)
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/git/blobs"), ["content": "x"]).headers["x-ratelimit-remaining"] == "0")
        let spent = try await api.get(FakeGitHubHTTP.path(""))
        #expect(spent.status == 403)
        #expect(spent.headers["x-ratelimit-remaining"] == "0")
        #expect(spent.message?.hasPrefix("API rate limit exceeded") == true)

        let stranger = FakeGitHubHTTP(baseURL: github.apiURL, token: "ghp_" + String(repeating: "0", count: 36))
        let refused = try await stranger.get(FakeGitHubHTTP.path(""))
        #expect(refused.status == 401)
        #expect(refused.message == "Bad credentials")
        await github.server.stop()
    }

    @Test("a branch moves only forward unless forced; a protected branch refuses every update")
    func refUpdates() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let first = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": first]).status == 201)
        let again = try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": first])
        #expect(again.status == 422 && again.message == "Reference already exists")
        let second = try github.commitDirectly(FakeGitHubHTTP.repository, branch: "main", changes: ["a.txt": Data("a".utf8)], message: "a")

        let forward = try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/sync"), ["sha": second])
        #expect(forward.status == 200 && forward.sha == second)
        let backward = try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/sync"), ["sha": first, "force": false])
        #expect(backward.status == 422 && backward.message == "Update is not a fast forward")
        #expect(github.head(FakeGitHubHTTP.repository, branch: "sync") == second)
        let forced = try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/sync"), ["sha": first, "force": true])
        #expect(forced.status == 200 && github.head(FakeGitHubHTTP.repository, branch: "sync") == first)
        let missing = try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/nope"), ["sha": first, "force": true])
        #expect(missing.status == 422 && missing.message == "Reference does not exist")

        github.protect(FakeGitHubHTTP.repository, branch: "main")
        let protected = try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/main"), ["sha": first, "force": true])
        #expect(protected.status == 422 && protected.message == "Protected branch update failed for refs/heads/main.")
        #expect(github.head(FakeGitHubHTTP.repository, branch: "main") == second)
        await github.server.stop()
    }

    @Test("deleting a path the base tree lacks, a malformed path, or an entry without sha or content answers 422", arguments: [
        (#"{"path": "absent.md", "mode": "100644", "type": "blob", "sha": null}"#, "GitRPC::BadObjectState"),
        (#"{"path": "../escape.md", "mode": "100644", "type": "blob", "content": "x"}"#, "tree.path contains a malformed path component: ../escape.md"),
        (#"{"path": "/rooted.md", "mode": "100644", "type": "blob", "content": "x"}"#, "tree.path contains a malformed path component: /rooted.md"),
        (#"{"path": "a//b.md", "mode": "100644", "type": "blob", "content": "x"}"#, "tree.path contains a malformed path component: a//b.md"),
        (#"{"path": "README.md", "mode": "100644", "type": "blob"}"#, "Must supply either tree.sha or tree.content. Request will be rejected if both are present."),
    ])
    func refusedTreeEntries(entry: String, message: String) async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        let tree = try #require(github.commits(in: FakeGitHubHTTP.repository).first { $0.sha == main }?.tree)
        let answer = try await api.send("POST", FakeGitHubHTTP.path("/git/trees"), ["base_tree": tree, "tree": [try JSONSerialization.jsonObject(with: Data(entry.utf8))]])
        #expect(answer.status == 422)
        #expect(answer.message == message)
        await github.server.stop()
    }

    @Test("the commit list is newest first, paged with Link headers, and marks API commits without author verified")
    func commitHistory() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        for index in 1...4 {
            try github.commitDirectly(FakeGitHubHTTP.repository, branch: "main", changes: ["n.txt": Data("\(index)".utf8)], message: "change \(index)")
        }
        var listed: [[String: Any]] = []
        var next: String? = FakeGitHubHTTP.path("/commits?sha=main&per_page=2")
        var pages = 0
        while let page = next {
            let answer = try await api.get(page)
            listed += answer.array
            next = answer.nextPage(after: github.apiURL)
            pages += 1
        }
        #expect(pages == 3)
        let commits = github.commits(in: FakeGitHubHTTP.repository)
        #expect(listed.compactMap { $0["sha"] as? String } == commits.map(\.sha))
        #expect(listed.compactMap { ($0["commit"] as? [String: Any])?["message"] as? String }.first == "change 4")
        #expect(commits.map(\.verified) == [false, false, false, false, true])
        await github.server.stop()
    }
}
