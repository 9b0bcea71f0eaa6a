import Forge
import Foundation
import Steps
import SyncCore
import TestSupport
import Testing

/// An owner's repositories with their topics and flags (what `target_repos` selectors choose
/// from): on GitHub (the fake, through the real GitHubForge) every page of the organisation's
/// listing, or the user's, once per forge; on the local forge, its folders and the ledger's topics
/// (set by `local-forge DIR topics`).
@Suite("Repository listing")
struct RepositoryListingTests {
    static let token = "ghs_" + String(repeating: "Ls56", count: 9)
    static let organisation = "example-org"

    static func name(_ index: Int) -> String { "\(organisation)/svc-\(String(format: "%03d", index))" }

    /// 250 repositories of the organisation: every second one has `agent33`, every fifth `docs`,
    /// every seventh is archived, every eleventh a fork.
    static func fleet() -> [String: FakeGitHub.Repository] {
        var repositories: [String: FakeGitHub.Repository] = [:]
        for index in 0..<250 {
            repositories[name(index)] = .init(topics: topics(index), archived: index % 7 == 0, fork: index % 11 == 0)
        }
        repositories["other-org/svc-000"] = .init(topics: ["agent33"])
        return repositories
    }

    static func topics(_ index: Int) -> [String] {
        (index % 2 == 0 ? ["agent33"] : []) + (index % 5 == 0 ? ["docs"] : [])
    }

    static let expected: [ForgeRepositoryListing] = (0..<250).map { index in
        ForgeRepositoryListing(name: RepositoryListingTests.name(index), topics: RepositoryListingTests.topics(index),
                               archived: index % 7 == 0, fork: index % 11 == 0)
    }

    static func github(_ repositories: [String: FakeGitHub.Repository], cache: ResponseCache? = nil) async throws -> (FakeGitHub, GitHubForge) {
        let fake = try await FakeGitHub(token: token, repositories: repositories)
        return (fake, try forge(fake, cache: cache))
    }

    static func forge(_ fake: FakeGitHub, cache: ResponseCache? = nil) throws -> GitHubForge {
        let client = try GitHubClient(apiURL: fake.apiURL, token: token, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, timeout: 5))
        return GitHubForge(client: client, cache: try cache ?? ResponseCache())
    }

    static func requests(_ fake: FakeGitHub, since start: Int) -> [String] {
        fake.requests[start...].map { "\($0.method) \($0.path)" }
    }

    // MARK: GitHub

    @Test("250 repositories of an organisation: three pages of 100, each with its topics and flags; asked again, no request")
    func organisation() async throws {
        let (fake, forge) = try await Self.github(Self.fleet())
        let start = fake.requests.count
        let listed = try await forge.repositories(of: Self.organisation)
        #expect(listed == Self.expected)
        #expect(listed.filter { $0.topics.contains("agent33") }.count == 125)
        let reads = Array(fake.requests[start...])
        #expect(reads.map { "\($0.method) \($0.path)" } == Array(repeating: "GET /orgs/\(Self.organisation)/repos", count: 3))
        #expect(reads.map { $0.query["page"] } == ["1", "2", "3"])
        #expect(reads.allSatisfy { $0.query == ["type": "all", "sort": "full_name", "per_page": "100", "page": $0.query["page"] ?? ""] })
        #expect(forge.usage.requests == 3)

        // Once per forge (per run), whatever the spelling of the owner.
        #expect(try await forge.repositories(of: Self.organisation) == listed)
        #expect(try await forge.repositories(of: "Example-Org") == listed)
        #expect(fake.requests.count == start + 3 && forge.usage.requests == 3)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("two resolutions of one owner at once share one listing")
    func concurrent() async throws {
        let (fake, forge) = try await Self.github(Self.fleet())
        let start = fake.requests.count
        async let first = forge.repositories(of: Self.organisation)
        async let second = forge.repositories(of: "EXAMPLE-ORG")
        let (one, two) = try await (first, second)
        #expect(one == Self.expected && two == Self.expected)
        #expect(fake.requests.count == start + 3)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("a later run with the response cache of an earlier one: the same three requests, each answered 304, the same listing")
    func conditional() async throws {
        let cache = try ResponseCache()
        let (fake, forge) = try await Self.github(Self.fleet(), cache: cache)
        let listed = try await forge.repositories(of: Self.organisation)
        let before = fake.counts
        let later = try Self.forge(fake, cache: cache)
        #expect(try await later.repositories(of: Self.organisation) == listed)
        #expect(fake.counts.notModified == before.notModified + 3 && fake.counts.reads == before.reads)
        #expect(later.usage.requests == 3 && later.usage.notModified == 3)

        // A repository gains a topic: the pages that changed are read again.
        try fake.setListing(Self.name(249), topics: ["agent33", "new-topic"])
        let third = try Self.forge(fake, cache: cache)
        let changed = try await third.repositories(of: Self.organisation)
        #expect(changed.last == ForgeRepositoryListing(name: Self.name(249), topics: ["agent33", "new-topic"]))
        #expect(Array(changed.dropLast()) == Array(Self.expected.dropLast()))
        #expect(third.usage.requests == 3 && third.usage.notModified == 2)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("a user: the organisation listing answers 404, then the user's public repositories are listed")
    func user() async throws {
        let (fake, forge) = try await Self.github([
            "octo-user/dotfiles": .init(topics: ["Config"], isPrivate: false, owner: .user),
            "octo-user/fork-of-tool": .init(fork: true, isPrivate: false, owner: .user),
            "octo-user/old": .init(archived: true, isPrivate: false, owner: .user),
            // GitHub lists only a user's public repositories.
            "octo-user/notes": .init(topics: ["config"], owner: .user),
            "example-org/service": .init(),
        ])
        let start = fake.requests.count
        let listed = try await forge.repositories(of: "octo-user")
        #expect(listed == [
            ForgeRepositoryListing(name: "octo-user/dotfiles", topics: ["config"]),
            ForgeRepositoryListing(name: "octo-user/fork-of-tool", fork: true),
            ForgeRepositoryListing(name: "octo-user/old", archived: true),
        ])
        #expect(Self.requests(fake, since: start) == ["GET /orgs/octo-user/repos", "GET /users/octo-user/repos"])
        #expect(fake.requests.last?.query == ["type": "owner", "sort": "full_name", "per_page": "100", "page": "1"])
        #expect(try await forge.repositories(of: "Octo-User") == listed)
        #expect(fake.requests.count == start + 2)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("an owner GitHub does not know: both listings answer 404, and the error names it; asked again, asked again")
    func unknownOwner() async throws {
        let (fake, forge) = try await Self.github(Self.fleet())
        let start = fake.requests.count
        await #expect(throws: ForgeError("no organisation or user named nobody-here on GitHub (or the token cannot see it)")) {
            try await forge.repositories(of: "nobody-here")
        }
        #expect(Self.requests(fake, since: start) == ["GET /orgs/nobody-here/repos", "GET /users/nobody-here/repos"])
        await #expect(throws: ForgeError.self) { try await forge.repositories(of: "nobody-here") }
        #expect(fake.requests.count == start + 4, "a failed listing is not remembered")

        await #expect(throws: ForgeError("'../etc' is not an organisation or user name.")) { try await forge.repositories(of: "../etc") }
        #expect(fake.requests.count == start + 4)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("an owner with more than 10,000 repositories is refused after its first page, which says how many pages there are")
    func tooMany() async throws {
        var repositories: [String: FakeGitHub.Repository] = [:]
        for index in 0...10_000 { repositories["huge-org/repo-\(index)"] = .init() }
        let (fake, forge) = try await Self.github(repositories)
        let start = fake.requests.count
        let error = await #expect(throws: ForgeError.self) { try await forge.repositories(of: "huge-org") }
        #expect(error?.message.contains("huge-org has more than 10000 repositories") == true, "\(String(describing: error))")
        #expect(Self.requests(fake, since: start) == ["GET /orgs/huge-org/repos"])
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("the Link header: relations and page numbers")
    func links() {
        let header = #"<https://api.github.com/organizations/1/repos?page=2&per_page=100>; rel="next", <https://api.github.com/organizations/1/repos?page=7&per_page=100>; rel="last""#
        #expect(GitHubForge.links(header) == [.init(relation: "next", page: 2), .init(relation: "last", page: 7)])
        #expect(GitHubForge.links(nil).isEmpty)
        #expect(GitHubForge.links("<https://x/y>; rel=\"prev first\"") == [.init(relation: "prev", page: nil), .init(relation: "first", page: nil)])
    }

    // MARK: Local forge

    @Test("the local forge lists an owner's folders, sorted, with the topics and flags `local-forge topics` set in the ledger")
    func local() async throws {
        let directory = try TemporaryDirectory("flash-sync-listing")
        let forge = LocalForge(root: directory.url, gitEnvironment: .tests)
        for name in ["example-org/website", "example-org/svc-b", "example-org/svc-a", "example-org/svc-legacy", "other-org/svc-a"] {
            try forge.createRepository(name, files: ["README.md": Data("# \(name)\n".utf8)])
        }
        // A repository the forge did not make: no settings in the ledger yet.
        let raw = directory.path("example-org/svc-raw.git")
        try FileManager.default.createDirectory(at: raw, withIntermediateDirectories: true)
        _ = try GitRepository(raw, environment: .tests).run(["init", "--bare", "-q", "-b", "trunk"])

        let root = directory.url.path
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-a", "Agent33, service"]) == 0)
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-legacy", "service", "--archived"]) == 0)
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-raw", "service,agent33,service", "--fork"]) == 0)
        try forge.setListing("example-org/svc-b", topics: ["agent33"])

        let listed = try await forge.repositories(of: "example-org")
        #expect(listed == [
            ForgeRepositoryListing(name: "example-org/svc-a", topics: ["agent33", "service"]),
            ForgeRepositoryListing(name: "example-org/svc-b", topics: ["agent33"]),
            ForgeRepositoryListing(name: "example-org/svc-legacy", topics: ["service"], archived: true),
            ForgeRepositoryListing(name: "example-org/svc-raw", topics: ["service", "agent33"], fork: true),
            ForgeRepositoryListing(name: "example-org/website"),
        ])
        #expect(try await forge.repositories(of: "Example-Org") == listed)
        #expect(try await LocalForge(root: directory.url, gitEnvironment: .tests).repositories(of: "example-org") == listed)
        #expect(try await forge.repositories(of: "other-org") == [ForgeRepositoryListing(name: "other-org/svc-a")])
        // The settings a listing needs start from the repository's own default branch.
        #expect(try await forge.repository("example-org/svc-raw").defaultBranch == "trunk")

        // Set again, it replaces what was set.
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-legacy", ""]) == 0)
        #expect(try await forge.repositories(of: "example-org")[2] == ForgeRepositoryListing(name: "example-org/svc-legacy"))

        // A repository nobody set keeps its ledger entry as it was.
        let ledger = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: directory.path("ledger.json"))) as? [String: Any])
        let settings = try #require(ledger["repositories"] as? [String: [String: Any]])
        #expect(settings["example-org/website"].map { Set($0.keys) } == ["default_branch", "can_push", "allow_auto_merge"])
        #expect(settings["example-org/svc-a"]?["topics"] as? [String] == ["agent33", "service"])
    }

    @Test("the local forge: an unknown owner, a bad topic, an unknown option and an unknown repository are errors")
    func localErrors() async throws {
        let directory = try TemporaryDirectory("flash-sync-listing")
        let forge = LocalForge(root: directory.url, gitEnvironment: .tests)
        try forge.createRepository("example-org/svc-a", files: ["README.md": Data("# a\n".utf8)])
        let error = await #expect(throws: ForgeError.self) { try await forge.repositories(of: "nobody-here") }
        #expect(error?.message.hasPrefix("no organisation or user named nobody-here on the local forge") == true, "\(String(describing: error))")
        await #expect(throws: ForgeError.self) { try await forge.repositories(of: "..") }
        #expect(throws: ForgeError.self) { try forge.setListing("example-org/svc-a", topics: ["Not a topic"]) }
        #expect(throws: ForgeError.self) { try forge.setListing("example-org/svc-a", topics: (1...21).map { "t\($0)" }) }
        #expect(throws: ForgeError.self) { try forge.setListing("example-org/missing", topics: ["x"]) }

        let root = directory.url.path
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-a", "under_score"]) != 0)
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-a", "ok", "--private"]) != 0)
        #expect(await LocalForgeTool.main([root, "topics", "example-org/svc-a"]) != 0)
        #expect(try await forge.repositories(of: "example-org") == [ForgeRepositoryListing(name: "example-org/svc-a")])
        // A name that is not a repository's is refused before anything is written.
        for name in ["example-org/bad name", "example-org/svc-*", "example-org/..", "example-org/svc-{{target.team}}"] {
            #expect(throws: ForgeError.self) { try forge.createRepository(name, files: ["README.md": Data("# x\n".utf8)]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("example-org").path) == ["svc-a.git"])
    }

    @Test("the guarded forge reads the listing from the forge underneath, in a replay too")
    func guarded() async throws {
        let (fake, github) = try await Self.github(Self.fleet())
        let replay = GuardedForge(github, redact: { $0 }, recordOnly: true, note: { _ in })
        #expect(try await replay.repositories(of: Self.organisation) == Self.expected)
        #expect(replay.calls.isEmpty)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }
}
