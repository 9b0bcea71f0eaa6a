import Foundation
import Steps
import StepTestSupport
import TestSupport
import Testing

@Suite("validate-secrets live check against a loopback GitHub")
struct ValidateSecretsLiveCheckTests {
    func harness(_ github: FakeGitHub) throws -> StepHarness {
        try StepHarness(environment: SampleSecrets.all.merging([
            "GITHUB_API_URL": github.apiURL, "GITHUB_REPOSITORY": "org/upstream",
        ]) { _, new in new })
    }

    @Test("reports access, push permission, rate limit and scopes per repository")
    func reportsAccess() async throws {
        let github = try await FakeGitHub(token: SampleSecrets.githubToken, repositories: [
            "org/upstream": .init(canPush: false), "org/a": .init(), "org/b": .init(canPush: false),
        ])
        let result = try await harness(github).run(ValidateSecretsStep.self, ["--live-check", "--target-repos", "org/a,org/b,org/missing"])
        await github.server.stop()
        #expect(result.status == 1)
        #expect(result.output("valid") == "false")
        #expect(result.summary.contains("| org/upstream | read | ✅ ok | read |"))
        #expect(result.summary.contains("| org/a | push | ✅ ok | read and push |"))
        #expect(result.summary.contains("| org/b | push | ❌ read-only |"))
        #expect(result.summary.contains("| org/missing | push | ❌ not-found |"))
        #expect(result.summary.contains("rate limit: 4996 of 5000 requests left; classic token scopes: repo, workflow."))
        #expect(result.summary.contains("| GITHUB_TOKEN | yes | ✅ github-token | ❌ 2 of 4 repositories |"))
        let requests = github.server.requests
        #expect(requests.map(\.path) == ["/repos/org/upstream", "/repos/org/a", "/repos/org/b", "/repos/org/missing"])
        for request in requests {
            #expect(request.headers["authorization"] == "Bearer \(SampleSecrets.githubToken)")
            #expect(request.headers["x-github-api-version"] == "2022-11-28")
            #expect(request.headers["user-agent"]?.hasPrefix("flash-sync") == true)
            #expect(!request.path.contains(SampleSecrets.githubToken))
        }
    }

    @Test("a server error is retried a bounded number of times, then passes")
    func retriesServerErrors() async throws {
        let github = try await FakeGitHub(token: SampleSecrets.githubToken, repositories: ["org/upstream": .init()])
        github.inject(.init(pathPrefix: "/repos/org/upstream", status: 502, times: 2))
        let result = try await harness(github).run(ValidateSecretsStep.self, ["--live-check"])
        await github.server.stop()
        #expect(result.status == 0, "\(result.log)")
        #expect(github.server.requests.count == 3)
    }

    @Test("a rejected token is reported as bad credentials")
    func badToken() async throws {
        let github = try await FakeGitHub(token: "ghp_" + String(repeating: "Z9", count: 18), repositories: ["org/upstream": .init()])
        let result = try await harness(github).run(ValidateSecretsStep.self, ["--live-check"])
        await github.server.stop()
        #expect(result.status == 1)
        #expect(result.log.contains("401 Bad credentials"))
        #expect(github.server.requests.count == 1)
    }

    @Test("a 403 without rate-limit headers names the permissions the token lacks")
    func forbidden() async throws {
        let github = try await FakeGitHub(token: SampleSecrets.githubToken, repositories: ["org/upstream": .init()])
        github.inject(.init(pathPrefix: "/repos/org/upstream", status: 403, headers: ["X-Accepted-GitHub-Permissions": "metadata=read"], message: "Resource not accessible by integration"))
        let result = try await harness(github).run(ValidateSecretsStep.self, ["--live-check"])
        await github.server.stop()
        #expect(result.status == 1)
        #expect(result.log.contains("The token needs these permissions: metadata=read"))
    }
}
