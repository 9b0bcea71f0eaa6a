import Forge
import Foundation
import TestSupport
import Testing

/// Comments on a pull request (what preview-sync keeps exactly one of): listed over every page,
/// created exactly once, edited and deleted by id, on GitHub (the fake, through the real
/// GitHubForge) and on the local forge's ledger.
@Suite("Forge comments")
struct ForgeCommentsTests {
    static let token = "ghs_" + String(repeating: "Cm34", count: 9)
    static let repository = "example-org/upstream"
    static let marker = "<!-- flash-sync:preview -->"

    static func github() async throws -> (FakeGitHub, GitHubForge) {
        let fake = try await FakeGitHub(token: token, repositories: [:])
        try fake.createRepository(repository, files: ["README.md": Data("# upstream\n".utf8)])
        let client = try GitHubClient(apiURL: fake.apiURL, token: token, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, timeout: 5))
        return (fake, GitHubForge(client: client, cache: try ResponseCache()))
    }

    /// A pull request with one commit on its branch: its number is an issue number too.
    static func openPull(_ forge: any Forge) async throws -> PullRequest {
        let main = try #require(try await forge.head(repository, branch: "main"))
        _ = try await forge.commit(repository, CommitRequest(branch: "change", parent: main.id, message: "change", changes: ["a.md": Data("a\n".utf8)]))
        return try await forge.createPullRequest(repository, PullRequestDraft(head: "change", base: "main", title: "Change", body: "body",
                                                                             labels: [], reviewers: [], teamReviewers: []))
    }

    static func writes(_ requests: ArraySlice<LoopbackServer.RecordedRequest>) -> [String] {
        requests.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    // MARK: GitHub

    @Test("120 comments come back in order over two pages of 100; read again, both pages answer 304")
    func everyPage() async throws {
        let (fake, forge) = try await Self.github()
        let number = try await Self.openPull(forge).number
        let bodies = (1...120).map { "comment \($0)" }
        fake.addComments(Self.repository, number: number, bodies: bodies)
        let start = fake.requests.count
        let comments = try await forge.comments(Self.repository, number: number)
        #expect(comments.map(\.body) == bodies)
        #expect(comments.map(\.id) == comments.map(\.id).sorted() && Set(comments.map(\.id)).count == 120)
        #expect(comments.allSatisfy { $0.url.hasSuffix("#issuecomment-\($0.id)") })
        let reads = Array(fake.requests[start...])
        #expect(reads.map { "\($0.method) \($0.path)" } == Array(repeating: "GET /repos/\(Self.repository)/issues/\(number)/comments", count: 2))
        #expect(reads.map { $0.query["page"] } == [nil, "2"])
        #expect(reads.allSatisfy { $0.query["per_page"] == "100" && $0.query.count <= 2 })

        let before = fake.counts
        #expect(try await forge.comments(Self.repository, number: number) == comments)
        #expect(fake.counts.notModified == before.notModified + 2 && fake.counts.reads == before.reads)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("create, edit, delete on a pull request: one write each, the list shows every step, a second delete is fine")
    func roundTrip() async throws {
        let (fake, forge) = try await Self.github()
        let number = try await Self.openPull(forge).number
        fake.addComments(Self.repository, number: number, bodies: ["a reviewer's comment"])
        let start = fake.requests.count
        let usage = forge.usage

        let created = try await forge.createComment(Self.repository, number: number, body: Self.marker + "\npreview 1")
        #expect(created.body == Self.marker + "\npreview 1" && created.url.hasSuffix("/\(number)#issuecomment-\(created.id)"))
        #expect(try await forge.comments(Self.repository, number: number).map(\.body) == ["a reviewer's comment", Self.marker + "\npreview 1"])

        let edited = try await forge.updateComment(Self.repository, id: created.id, body: Self.marker + "\npreview 2")
        #expect(edited == ForgeComment(id: created.id, body: Self.marker + "\npreview 2", url: created.url))
        #expect(try await forge.comments(Self.repository, number: number).last == edited)

        try await forge.deleteComment(Self.repository, id: created.id)
        try await forge.deleteComment(Self.repository, id: created.id)
        #expect(try await forge.comments(Self.repository, number: number).map(\.body) == ["a reviewer's comment"])
        #expect(fake.pullRequests(in: Self.repository).first?.comments.map(\.body) == ["a reviewer's comment"])

        let comment = "/repos/\(Self.repository)/issues/comments/\(created.id)"
        #expect(Self.writes(fake.requests[start...]) == [
            "POST /repos/\(Self.repository)/issues/\(number)/comments", "PATCH \(comment)", "DELETE \(comment)", "DELETE \(comment)",
        ])
        #expect(forge.usage.mutating - usage.mutating == 4)
        #expect(forge.usage.requests - usage.requests == 7, "4 writes and 3 one-page listings")
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("editing a comment that is gone fails with 404; listing the comments of a number that does not exist fails too")
    func gone() async throws {
        let (fake, forge) = try await Self.github()
        let number = try await Self.openPull(forge).number
        let created = try await forge.createComment(Self.repository, number: number, body: "short-lived")
        try await forge.deleteComment(Self.repository, id: created.id)
        await #expect(throws: GitHubError.notFound(path: "/repos/\(Self.repository)/issues/comments/\(created.id)")) {
            try await forge.updateComment(Self.repository, id: created.id, body: "again")
        }
        await #expect(throws: GitHubError.self) { try await forge.comments(Self.repository, number: number + 100) }
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("a creation whose answer was lost is found by a look among the recent comments, and not posted again")
    func createExactlyOnce() async throws {
        let (fake, forge) = try await Self.github()
        let number = try await Self.openPull(forge).number
        fake.addComments(Self.repository, number: number, bodies: (1...150).map { "earlier \($0)" })
        let path = "/repos/\(Self.repository)/issues/\(number)/comments"
        fake.inject(.answerLost(method: "POST", pathPrefix: path))
        let start = fake.requests.count
        let created = try await forge.createComment(Self.repository, number: number, body: Self.marker + "\nonce")
        let stored = try #require(fake.issues(in: Self.repository).first { $0.number == number }?.comments)
        #expect(stored.filter { $0.body == Self.marker + "\nonce" }.map(\.id) == [created.id])
        #expect(stored.count == 151)
        #expect(Self.writes(fake.requests[start...]) == ["POST \(path)"])
        let lookups = fake.requests[start...].filter { $0.method == "GET" }
        #expect(!lookups.isEmpty && lookups.allSatisfy { $0.path == path && $0.query["since"] != nil })
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    // MARK: Local forge

    @Test("the local forge keeps a pull request's comments in its ledger: create, edit, delete twice, ids that only increase")
    func localRoundTrip() async throws {
        let directory = try TemporaryDirectory("flash-sync-comments")
        let forge = LocalForge(root: directory.url, gitEnvironment: .tests)
        try forge.createRepository(Self.repository, files: ["README.md": Data("# upstream\n".utf8)])
        let pull = try await Self.openPull(forge)
        let ledger = String(decoding: try Data(contentsOf: directory.path("ledger.json")), as: UTF8.self)
        #expect(!ledger.contains("next_comment_id"), "a ledger without comments stays as it was")
        let issue = try await forge.createIssue(Self.repository, title: "Other", body: "", labels: [])
        #expect(try await forge.comments(Self.repository, number: pull.number).isEmpty)

        let first = try await forge.createComment(Self.repository, number: pull.number, body: Self.marker + "\npreview 1")
        let other = try await forge.createComment(Self.repository, number: issue.number, body: "on the issue")
        #expect(first.url == "local://\(Self.repository)/issues/\(pull.number)#comment-\(first.id)")
        #expect(other.id > first.id)
        #expect(try await forge.comments(Self.repository, number: pull.number) == [first])

        let edited = try await forge.updateComment(Self.repository, id: first.id, body: Self.marker + "\npreview 2")
        #expect(edited == ForgeComment(id: first.id, body: Self.marker + "\npreview 2", url: first.url))
        #expect(try await forge.comments(Self.repository, number: pull.number) == [edited])

        try await forge.deleteComment(Self.repository, id: first.id)
        try await forge.deleteComment(Self.repository, id: first.id)
        #expect(try await forge.comments(Self.repository, number: pull.number).isEmpty)
        #expect(try await forge.comments(Self.repository, number: issue.number) == [other])

        let again = try await forge.createComment(Self.repository, number: pull.number, body: Self.marker + "\npreview 3")
        #expect(again.id > other.id, "a deleted comment's id is never given again")
        let reopened = LocalForge(root: directory.url, gitEnvironment: .tests)
        #expect(try await reopened.comments(Self.repository, number: pull.number) == [again])

        await #expect(throws: ForgeError.self) { try await forge.comments(Self.repository, number: 999) }
        await #expect(throws: ForgeError.self) { try await forge.createComment(Self.repository, number: 999, body: "nowhere") }
        await #expect(throws: ForgeError.self) { try await forge.updateComment(Self.repository, id: first.id, body: "gone") }
    }

    @Test("through the guarded forge a comment's secrets are masked; a replay records the writes and leaves the ledger alone")
    func guarded() async throws {
        let directory = try TemporaryDirectory("flash-sync-comments")
        let local = LocalForge(root: directory.url, gitEnvironment: .tests)
        try local.createRepository(Self.repository, files: ["README.md": Data("# upstream\n".utf8)])
        let number = try await Self.openPull(local).number
        let redact: @Sendable (String) -> String = { $0.replacingOccurrences(of: "s3cr3t-value", with: "***") }

        let live = GuardedForge(local, redact: redact, recordOnly: false, note: { _ in })
        let posted = try await live.createComment(Self.repository, number: number, body: "token s3cr3t-value")
        #expect(posted.body == "token ***")
        #expect(try await local.comments(Self.repository, number: number).map(\.body) == ["token ***"])
        #expect(try await live.updateComment(Self.repository, id: posted.id, body: "again s3cr3t-value").body == "again ***")

        let ledger = try Data(contentsOf: directory.path("ledger.json"))
        let replay = GuardedForge(local, redact: redact, recordOnly: true, note: { _ in })
        #expect(try await replay.comments(Self.repository, number: number).map(\.body) == ["again ***"])
        let made = try await replay.createComment(Self.repository, number: number, body: "new s3cr3t-value")
        #expect(made.body == "new ***" && made.id != posted.id)
        #expect(try await replay.updateComment(Self.repository, id: posted.id, body: "edit").id == posted.id)
        try await replay.deleteComment(Self.repository, id: posted.id)
        #expect(replay.calls.map(\.description) == ["comment on #\(number)", "edit comment \(posted.id)", "delete comment \(posted.id)"])
        #expect(try Data(contentsOf: directory.path("ledger.json")) == ledger)
    }
}
