import Foundation
import Steps
import StepTestSupport
import TestSupport
import Testing

@Suite("No secret leaves the step")
struct LeakTests {
    @Test("with secrets set, no secret value appears in any byte the step wrote, except the masks the runner consumes")
    func noLeak() async throws {
        let github = try await FakeGitHub(token: SampleSecrets.githubToken, repositories: ["org/upstream": .init(), "org/a": .init(canPush: false)])
        var secrets = SampleSecrets.all
        secrets["API_TOKEN"] = "  \(SampleSecrets.apiToken)"  // invalid on purpose: messages about it must not quote it
        var harness = try StepHarness(environment: secrets.merging([
            "GITHUB_API_URL": github.apiURL, "GITHUB_REPOSITORY": "org/upstream", "FLASH_SYNC_REPLAY_DIR": "replays",
            "RUNNER_DEBUG": "1",
        ]) { _, new in new })
        harness.environment["GITHUB_EVENT_NAME"] = "workflow_dispatch"
        let event = try harness.directory.write("event.json", #"{"inputs":{"target_repos":"org/a"}}"#)
        harness.environment["GITHUB_EVENT_PATH"] = event.path
        let result = try await harness.run(ValidateSecretsStep.self, ["--live-check", "--target-repos", "org/a"])
        await github.server.stop()
        #expect(result.status == 1)

        let values = SampleSecrets.all.values.map { $0 } + [SampleSecrets.apiToken]
        let log = result.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }.joined(separator: "\n")
        for value in values {
            #expect(!log.contains(value), "log leaks a secret")
            #expect(!result.summary.contains(value), "summary leaks a secret")
            #expect(!result.outputs.values.contains { $0.contains(value) }, "outputs leak a secret")
            for file in try harness.directory.allFileContents() where !file.path.hasSuffix("event.json") {
                #expect(file.data.range(of: Data(value.utf8)) == nil, "\(file.path) leaks a secret")
            }
        }
        #expect(FileManager.default.fileExists(atPath: harness.workingDirectory.appendingPathComponent("replays/validate-secrets.replay.json").path))
        let masks = result.log.split(separator: "\n").filter { $0.hasPrefix("::add-mask::") }
        #expect(masks.count >= SampleSecrets.all.count)
        #expect(result.log.hasPrefix("::add-mask::"))
    }
}
