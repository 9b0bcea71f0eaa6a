import ActionsRuntime
import Foundation
import Steps
import StepTestSupport
import TestSupport
import Testing

@Suite("Per-step replay")
struct ReplayTests {
    /// Records a failing validate-secrets run, then replays it from the file in a fresh context.
    func recordAndReplay(key: String?, replayKey: String?) async throws -> (recorded: StepHarness.Result, replayed: StepHarness.Result, file: Data) {
        var secrets = SampleSecrets.all
        secrets["EXTERNAL_API_TOKEN"] = nil
        secrets["ENCRYPTION_KEY"] = key
        var harness = try StepHarness(environment: secrets.merging(["FLASH_SYNC_REPLAY_DIR": "replays", "GITHUB_REPOSITORY": "org/up", "GITHUB_SHA": "abc123"]) { _, new in new })
        let recorded = try await harness.run(ValidateSecretsStep.self, ["--target-repos", "org/a"])
        let file = harness.workingDirectory.appendingPathComponent("replays/validate-secrets.replay.json")
        let data = try Data(contentsOf: file)

        // A laptop: no runner variables, the secrets exported by hand.
        for name in ["GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_REPOSITORY", "GITHUB_SHA", "FLASH_SYNC_REPLAY_DIR"] {
            harness.environment[name] = nil
        }
        harness.environment["ENCRYPTION_KEY"] = replayKey
        let replayed = try await harness.run(ValidateSecretsStep.self, ["--replay", file.path])
        return (recorded, replayed, data)
    }

    @Test("a plain record holds inputs, environment and outputs, names secrets, and replays to the same outputs")
    func plainReplay() async throws {
        let (recorded, replayed, data) = try await recordAndReplay(key: nil, replayKey: nil)
        #expect(recorded.status == 1)
        let record = try JSONDecoder().decode(ReplayRecord.self, from: data)
        #expect(record.step == "validate-secrets")
        #expect(record.inputs == ["target-repos": "org/a"])
        #expect(record.environment["GITHUB_REPOSITORY"] == "org/up")
        #expect(record.environment["GITHUB_OUTPUT"] == nil)
        #expect(record.secretNames.contains("GITHUB_TOKEN"))
        #expect(record.outputs.map(\.name) == ["valid", "missing", "report"])
        #expect(record.exitCode == 1)
        for value in SampleSecrets.all.values { #expect(data.range(of: Data(value.utf8)) == nil) }

        #expect(replayed.status == 1)
        #expect(replayed.log.contains("replay: outputs and exit status match the recording (3 outputs, exit 1)."), "\(replayed.log)")
    }

    @Test("a sealed record cannot be read without the key and replays with it")
    func sealedReplay() async throws {
        let key = SampleSecrets.encryptionKey
        let (_, replayed, data) = try await recordAndReplay(key: key, replayKey: key)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(ReplayFile.sealedFormat))
        #expect(!text.contains("validate-secrets\""))
        #expect(!text.contains("org/up"))
        #expect(replayed.log.contains("replay: outputs and exit status match the recording"), "\(replayed.log)")
    }

    @Test("a wrong or malformed key is a clear error, never a crash", arguments: [
        (String(repeating: "fedcba9876543210", count: 4), "authentication failed"),
        ("not-a-key", "is neither hexadecimal nor base64"),
        (nil, "is sealed: set ENCRYPTION_KEY"),
    ])
    func wrongKey(replayKey: String?, message: String) async throws {
        let (_, replayed, _) = try await recordAndReplay(key: SampleSecrets.encryptionKey, replayKey: replayKey)
        #expect(replayed.status == 2)
        #expect(replayed.log.contains(message), "\(replayed.log)")
    }

    @Test("differences from the recording are printed")
    func differences() {
        var record = ReplayRecord(step: "s", recordedAt: "", inputs: [:], secretNames: [], environment: [:], eventName: nil, eventPayload: nil,
                                  outputs: [.init(name: "valid", value: "true"), .init(name: "gone", value: "x")], exitCode: 0)
        record.exitCode = 0
        let differences = ReplayRunner.compare(recorded: record, replayed: [("valid", "false"), ("new", "1")], status: 1, substitutions: [])
        #expect(differences == [
            "exit status: recorded 0, replayed 1",
            "output gone: recorded, not set by the replay",
            "output new: not in the recording, set by the replay",
            "output valid: recorded 'true', replayed 'false'",
        ])
    }
}
