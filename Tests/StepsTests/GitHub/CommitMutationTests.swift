import Forge
import Foundation
import Steps
import SyncKit
import TestSupport
import Testing

/// Fewer writes per new target: a new sync branch is created at the base and the commit made with
/// one `createCommitOnBranch` mutation (two writes instead of a tree, a commit and a ref), signed
/// by GitHub, exactly once even when the answer is lost; commits the mutation cannot express, and
/// a GitHub that refuses it, go through the Git Data API as before.
@Suite("Commits through createCommitOnBranch")
struct CommitMutationTests {
    static let api = SyncScenario.api
    static let branch = "agent33-sync/v1.0.0/sync-api-prompts"

    static func mutating(_ requests: ArraySlice<LoopbackServer.RecordedRequest>) -> [String] {
        requests.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    @Test("a new sync: the branch at the base, one signed commit by mutation, the pull request; no tree or commit through the Git Data API")
    func newSync() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: .github)
        let fake = try #require(scenario.host.github)
        let start = fake.requests.count
        _ = try await scenario.sync("v1.0.0", targets: [Self.api])
        let writes = Self.mutating(fake.requests[start...])
        #expect(!writes.contains { $0.hasSuffix("/git/trees") || $0.hasSuffix("/git/commits") }, "\(writes)")
        #expect(writes.prefix(2) == ["POST /repos/\(Self.api)/git/refs", "POST /graphql"], "\(writes)")
        let head = try #require(fake.head(Self.api, branch: Self.branch))
        let commit = try #require(fake.commits(in: Self.api).first { $0.sha == head })
        #expect(commit.verified)
        #expect(commit.message.contains("Synced-By: flash-sync"))
        let files = try fake.files(Self.api, branch: Self.branch)
        #expect(files[SyncScenario.review] != nil && files[SyncScenario.apiState] != nil)
        #expect(fake.pullRequests(in: Self.api).count == 1)
        #expect(fake.contractViolations.isEmpty)

        // A re-run finds the branch holding this content: no commit at all.
        let commits = fake.commits(in: Self.api).count
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0, "\(again.log)")
        #expect(fake.commits(in: Self.api).count == commits)
    }

    @Test("the mutation's answer lost after GitHub committed: the branch is read, the commit is taken, nothing is committed twice")
    func lostAnswer() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: .github)
        let fake = try #require(scenario.host.github)
        fake.inject(.init(method: "POST", pathPrefix: "/graphql", status: 502, times: 1, afterHandling: true))
        let pulls = try await scenario.sync("v1.0.0", targets: [Self.api])
        #expect(pulls.count == 1)
        let head = try #require(fake.head(Self.api, branch: Self.branch))
        let commit = try #require(fake.commits(in: Self.api).first { $0.sha == head })
        let base = try #require(fake.head(Self.api, branch: "main"))
        #expect(commit.parents == [base], "one commit on the base, not two")
        #expect(fake.pullRequests(in: Self.api).count == 1)
    }

    @Test("GitHub refuses the mutation: the commit goes through the Git Data API, with a notice")
    func refused() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: .github)
        let fake = try #require(scenario.host.github)
        let refusal = Data(#"{"data":{"createCommitOnBranch":null},"errors":[{"type":"FORBIDDEN","path":["createCommitOnBranch"],"message":"Resource not accessible by integration"}]}"#.utf8)
        fake.inject(.init(method: "POST", pathPrefix: "/graphql", status: 200, body: refusal, times: 1))
        let start = fake.requests.count
        _ = try await scenario.sync("v1.0.0", targets: [Self.api])
        let writes = Self.mutating(fake.requests[start...])
        #expect(writes.contains("POST /repos/\(Self.api)/git/trees") && writes.contains("POST /repos/\(Self.api)/git/commits"), "\(writes)")
        let head = try #require(fake.head(Self.api, branch: Self.branch))
        #expect(try #require(fake.commits(in: Self.api).first { $0.sha == head }).verified)
        let files = try fake.files(Self.api, branch: Self.branch)
        #expect(files[SyncScenario.review] != nil)
    }

    @Test("FLASH_SYNC_GITHUB_COMMIT_MUTATION=false commits through trees, to the same files")
    func switchedOff() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: .github)
        let fake = try #require(scenario.host.github)
        scenario.harness.environment["FLASH_SYNC_GITHUB_COMMIT_MUTATION"] = "false"
        let start = fake.requests.count
        _ = try await scenario.sync("v1.0.0", targets: [Self.api])
        let writes = Self.mutating(fake.requests[start...])
        #expect(!writes.contains("POST /graphql") || writes.filter { $0 == "POST /graphql" }.count <= 1, "at most the auto-merge call")
        #expect(writes.contains("POST /repos/\(Self.api)/git/trees"))

        var other = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: .github)
        let otherFake = try #require(other.host.github)
        _ = try await other.sync("v1.0.0", targets: [Self.api])
        // The synced files are the same (the state differs only in the upstream commit of each scenario).
        let trees = try fake.files(Self.api, branch: Self.branch), mutation = try otherFake.files(Self.api, branch: Self.branch)
        #expect(Set(trees.keys) == Set(mutation.keys))
        #expect(trees[SyncScenario.review] != nil && trees[SyncScenario.review] == mutation[SyncScenario.review])
        #expect(trees[SyncScenario.summarize] == mutation[SyncScenario.summarize])
    }

    @Test("binary, CRLF and deleted files through the mutation read back byte for byte, as through trees; one write, signed")
    func bytesThroughTheMutation() async throws {
        let (fake, forge) = try await GitHubForgeTests.make()
        let main = try #require(try await forge.head(GitHubForgeTests.repository, branch: "main"))
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let crlf = Data("line one\r\nline two\r\n".utf8)
        let start = fake.requests.count
        let made = try await forge.commit(GitHubForgeTests.repository, CommitRequest(
            branch: "main", parent: main.id, message: "assets\n\nSynced-By: flash-sync", changes: ["glyphs/a.png": png, "docs/crlf.md": crlf, "README.md": nil]
        ))
        #expect(Self.mutating(fake.requests[start...]) == ["POST /graphql"], "a fast-forward is the mutation alone")
        #expect(made.message == "assets\n\nSynced-By: flash-sync" && made.parents == [main.id])
        #expect(try fake.files(GitHubForgeTests.repository, branch: "main") == ["glyphs/a.png": png, "docs/crlf.md": crlf])
        let reader = GitHubForge(client: forge.client, cache: try ResponseCache())
        #expect(try await reader.files(GitHubForgeTests.repository, at: made.id, paths: ["glyphs/a.png", "docs/crlf.md"]) == ["glyphs/a.png": png, "docs/crlf.md": crlf])
        #expect(fake.commits(in: GitHubForgeTests.repository).first { $0.sha == made.id }?.verified == true)
        #expect(fake.contractViolations.isEmpty)
    }
}
