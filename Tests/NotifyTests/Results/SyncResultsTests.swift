import Foundation
import SyncKit
import Testing

@Suite("Sync results file: the contract open-sync-pr writes and notify reads")
struct SyncResultsTests {
    @Test("every fixture decodes, and encoding then decoding gives the same value", arguments: NotifyFixtures.all)
    func roundTrip(name: String) throws {
        let results = try NotifyFixtures.results(name)
        let again = try SyncResults.decode(try results.encoded(), file: "encoded")
        #expect(again == results)
    }

    @Test("keys are snake_case exactly as the contract says")
    func snakeCaseKeys() throws {
        let text = String(decoding: try NotifyFixtures.results("mixed").encoded(), as: UTF8.self)
        for key in ["\"source_repository\"", "\"source_sha\"", "\"started_at\"", "\"finished_at\"", "\"blocked_rules\"",
                    "\"rule_id\"", "\"pull_request\"", "\"auto_merge\"", "\"drifted_files\"", "\"start_line\"", "\"end_line\"", "\"issue_url\""] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(!text.contains("sourceRepository"))
    }

    @Test("the mixed fixture reads as written")
    func mixedValues() throws {
        let results = try NotifyFixtures.results("mixed")
        #expect(results.version == "v2.4.0")
        #expect(results.run?.url == "https://github.com/example-org/agent33/actions/runs/7321")
        let conflict = try #require(results.targets.first { $0.status == .conflict })
        #expect(conflict.conflicts == [ConflictRange(path: "docs/architecture.md", startLine: 12, endLine: 18), ConflictRange(path: "docs/pipeline.md", startLine: 40, endLine: 52)])
        #expect(results.targets.first?.pullRequest == PullRequestReference(number: 12, url: "https://github.com/example-org/webapp/pull/12", autoMerge: true))
        #expect(results.finishedAt == ISO8601DateFormatter().date(from: "2026-01-30T12:03:41Z"))
    }

    @Test("an unknown status is an error that names the file and the place")
    func unknownStatus() throws {
        let text = #"{"version":"v1","source_repository":"o/r","targets":[{"repository":"o/a","rule_id":"x","status":"exploded"}]}"#
        #expect {
            _ = try SyncResults.decode(Data(text.utf8), file: "results.json")
        } throws: { error in
            let message = "\(error)"
            return message.contains("results.json at .targets[0].status") && message.contains("open-sync-pr")
        }
    }

    @Test("a missing required key is named")
    func missingKey() throws {
        #expect(throws: SyncResultsError.invalid(file: "r.json", path: ".source_repository", reason: "the required key 'source_repository' is missing")) {
            _ = try SyncResults.decode(Data(#"{"version":"v1"}"#.utf8), file: "r.json")
        }
    }
}
