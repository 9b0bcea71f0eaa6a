import Forge
import Foundation
import TestSupport
import Testing

/// GitHubForge's own calls against the fake GitHub: pull-request decoration, auto-merge and its
/// fallbacks, binary files, branch protection, time-outs.
@Suite("GitHub forge")
struct GitHubForgeTests {
    static let token = "ghs_" + String(repeating: "Ab12", count: 9)
    static let repository = "example-org/service"

    static func make(_ settings: FakeGitHub.Repository = .init(), timeout: Double = 5, commitMutation: Bool = true) async throws -> (FakeGitHub, GitHubForge) {
        let fake = try await FakeGitHub(token: token, repositories: [:])
        try fake.createRepository(repository, files: ["README.md": Data("# service\n".utf8)], allowsAutoMerge: settings.allowsAutoMerge,
                                  allowsMergeCommit: settings.allowsMergeCommit)
        let client = try GitHubClient(apiURL: fake.apiURL, token: token, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, timeout: timeout))
        return (fake, GitHubForge(client: client, cache: try ResponseCache(), commitMutation: commitMutation))
    }

    /// A branch with one commit and its pull request.
    static func openPull(_ forge: GitHubForge, reviewers: [String] = [], teams: [String] = []) async throws -> PullRequest {
        let main = try #require(try await forge.head(repository, branch: "main"))
        _ = try await forge.commit(repository, CommitRequest(branch: "sync/x", parent: main.id, message: "sync", changes: ["a.md": Data("a\n".utf8)]))
        return try await forge.createPullRequest(repository, PullRequestDraft(head: "sync/x", base: "main", title: "Sync", body: "body",
                                                                             labels: ["agent33-sync"], reviewers: reviewers, teamReviewers: teams))
    }

    @Test("reviewers are requested as users and team slugs; one GitHub refuses is a notice, and the pull request stands")
    func reviewers() async throws {
        let (fake, forge) = try await Self.make()
        let pull = try await Self.openPull(forge, reviewers: ["alice"], teams: ["example-org/docs-team"])
        #expect(pull.reviewers == ["alice"] && pull.teamReviewers == ["example-org/docs-team"] && pull.labels == ["agent33-sync"])
        let stored = try #require(fake.pullRequests(in: Self.repository).first)
        #expect(stored.requestedReviewers == ["alice"] && stored.requestedTeams == ["docs-team"])

        fake.addUnknownReviewer("mallory")
        let updated = try await forge.updatePullRequest(Self.repository, number: pull.number, PullRequestDraft(
            head: "sync/x", base: "main", title: "Sync", body: "body", labels: ["agent33-sync"], reviewers: ["mallory"], teamReviewers: []))
        #expect(updated.number == pull.number)
        #expect(forge.notices.count == 1 && forge.notices[0].contains("mallory") && forge.notices[0].contains("collaborators"))
    }

    @Test("a comment whose answer was lost is looked up among the newest comments, on an issue with more than a page of them, and never posted twice")
    func commentExactlyOnce() async throws {
        let (fake, forge) = try await Self.make()
        let issue = try await forge.createIssue(Self.repository, title: "Drift", body: "drifted", labels: ["agent33-drift"])
        fake.addComments(Self.repository, number: issue.number, bodies: (1...35).map { "earlier comment \($0)" })
        fake.inject(.init(method: "POST", pathPrefix: "/repos/\(Self.repository)/issues/\(issue.number)/comments", status: 502, afterHandling: true))
        try await forge.closeIssue(Self.repository, number: issue.number, comment: "Drift resolved.")
        let comments = try #require(fake.issues(in: Self.repository).first { $0.number == issue.number }?.comments)
        #expect(comments.filter { $0.body == "Drift resolved." }.count == 1)
        #expect(comments.count == 36)
        let lookups = fake.requests.filter { $0.method == "GET" && $0.path.hasSuffix("/issues/\(issue.number)/comments") }
        #expect(!lookups.isEmpty && lookups.allSatisfy { $0.query["since"] != nil && $0.query["sort"] == nil && $0.query["direction"] == nil })
    }

    @Test("auto-merge is enabled with the first merge method the repository allows", arguments: [true, false])
    func autoMerge(mergeCommits: Bool) async throws {
        let (fake, forge) = try await Self.make(.init(allowsMergeCommit: mergeCommits))
        let pull = try await Self.openPull(forge)
        #expect(try await forge.enableAutoMerge(Self.repository, number: pull.number) == .enabled)
        #expect(fake.pullRequests(in: Self.repository).first?.autoMerge == (mergeCommits ? .merge : .squash))
    }

    @Test("auto-merge survives a 502 and a lost answer: retried, or found on after a read, and sent once in effect", arguments: [false, true])
    func autoMergeTransientFailures(answerLost: Bool) async throws {
        let (fake, forge) = try await Self.make()
        let pull = try await Self.openPull(forge)
        fake.inject(.init(method: "POST", pathPrefix: "/graphql", status: 502, afterHandling: answerLost))
        #expect(try await forge.enableAutoMerge(Self.repository, number: pull.number) == .enabled)
        #expect(fake.pullRequests(in: Self.repository).first?.autoMerge != nil)
        let mutations = fake.requests.filter { $0.method == "POST" && $0.path.hasSuffix("graphql") && String(decoding: $0.body, as: UTF8.self).contains("enablePullRequestAutoMerge") }.count
        #expect(mutations == (answerLost ? 1 : 2))
    }

    @Test("auto-merge falls back cleanly: a repository that disallows it costs no GraphQL call, a clean PR says why")
    func autoMergeFallbacks() async throws {
        let (fake, forge) = try await Self.make(.init(allowsAutoMerge: false))
        let pull = try await Self.openPull(forge)
        let before = fake.requests.count
        guard case .notAllowed(let reason) = try await forge.enableAutoMerge(Self.repository, number: pull.number) else { Issue.record("enabled"); return }
        #expect(reason.contains("does not allow auto-merge"))
        #expect(fake.requests[before...].allSatisfy { $0.method == "GET" })

        let (cleanFake, cleanForge) = try await Self.make()
        let clean = try await Self.openPull(cleanForge)
        cleanFake.markClean(Self.repository, number: clean.number)
        guard case .notAllowed(let why) = try await cleanForge.enableAutoMerge(Self.repository, number: clean.number) else { Issue.record("enabled"); return }
        #expect(why.contains("clean status"))
    }

    @Test("binary files go up as blobs, text inline; both read back byte for byte, and the executable bit is kept")
    func binaryAndText() async throws {
        let (fake, forge) = try await Self.make(commitMutation: false)
        let main = try #require(try await forge.head(Self.repository, branch: "main"))
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let crlf = Data("line one\r\nline two\r\n".utf8)
        let changes: [String: Data?] = ["glyphs/a.png": png, "docs/crlf.md": crlf, "README.md": nil]
        let made = try await forge.commit(Self.repository, CommitRequest(branch: "main", parent: main.id, message: "assets", changes: changes))
        let blobPosts = fake.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/git/blobs") }
        #expect(blobPosts.count == 1, "only the binary file is uploaded as a blob")
        #expect(try fake.files(Self.repository, branch: "main") == ["glyphs/a.png": png, "docs/crlf.md": crlf])
        let reader = GitHubForge(client: forge.client, cache: try ResponseCache())
        #expect(try await reader.files(Self.repository, at: made.id, paths: ["glyphs/a.png", "docs/crlf.md", "README.md"]) == ["glyphs/a.png": png, "docs/crlf.md": crlf])
        let expected: [String: Data?] = ["glyphs/a.png": png, "docs/crlf.md": crlf, "README.md": Data?.none]
        #expect(try await reader.changes(Self.repository, commit: made.id) == expected)
        #expect(fake.commits(in: Self.repository).first { $0.sha == made.id }?.verified == true)
    }

    @Test("a protected sync branch fails with what to do, and the branch is left as it was")
    func protectedBranch() async throws {
        let (fake, forge) = try await Self.make()
        _ = try await Self.openPull(forge)
        let before = fake.head(Self.repository, branch: "sync/x")
        fake.protect(Self.repository, branch: "sync/x")
        try fake.commitDirectly(Self.repository, branch: "main", changes: ["b.md": Data("b\n".utf8)], message: "team")
        let main = try #require(try await forge.head(Self.repository, branch: "main"))
        do {
            _ = try await forge.commit(Self.repository, CommitRequest(branch: "sync/x", parent: main.id, message: "sync again", changes: ["a.md": Data("a2\n".utf8)]))
            Issue.record("the protected branch moved")
        } catch {
            #expect("\(error)".contains("Protected branch update failed"))
            #expect("\(error)".contains("exempt the sync branches"))
        }
        #expect(fake.head(Self.repository, branch: "sync/x") == before)
    }

    @Test("a read that times out is sent again and succeeds; one that keeps timing out fails naming the time-out")
    func timeouts() async throws {
        // Time-outs generous enough for a loaded machine: the answer that comes in time has 4 s.
        let (fake, forge) = try await Self.make(timeout: 4)
        fake.inject(.init(method: "GET", pathPrefix: "/repos/\(Self.repository)", status: nil, times: 1, delay: 8))
        #expect(try await forge.repository(Self.repository).defaultBranch == "main")
        #expect(forge.usage.retries >= 1)

        let (slow, slowForge) = try await Self.make(timeout: 2)
        slow.inject(.init(method: "GET", pathPrefix: "/repos/\(Self.repository)", status: nil, times: 5, delay: 5))
        await #expect { try await slowForge.repository(Self.repository) } throws: { "\($0)".contains("timed out") && "\($0)".contains("after 3 attempts") }
    }
}
