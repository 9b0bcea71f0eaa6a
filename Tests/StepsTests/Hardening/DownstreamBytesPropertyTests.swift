import Forge
import Foundation
import StepTestSupport
import Steps
import SyncCore
import SyncKit
import TestSupport
import Testing

/// The central promise, as a property over random histories: whatever upstream changes, whatever
/// a downstream team edits (synced files, overrides, other files) and however the sync state is
/// forged, a sync either keeps every byte the team wrote (in the result, or in the untouched
/// override) or refuses with a message. Nothing is ever silently lost.
@Suite("Property: no downstream byte is silently lost")
struct DownstreamBytesPropertyTests {
    static let api = SyncScenario.api
    static let override = ".agent33-overrides/prompts/review.md"

    static func lines(_ data: Data?) -> [String] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func edit(_ text: String, _ random: inout SeededGenerator, tag: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for step in 0..<Int.random(in: 1...3, using: &random) {
            let index = Int.random(in: 0..<max(1, lines.count), using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: lines.insert("\(tag) line \(step) \(Int.random(in: 0..<1_000, using: &random))", at: min(index, lines.count))
            case 1 where !lines.isEmpty: lines[index] = "\(tag) replaced \(step)"
            default: if lines.count > 2 { lines.remove(at: index) }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("random upstream changes, downstream edits, overrides and forged states", arguments: 0..<10)
    func history(seed: Int) async throws {
        var random = SeededGenerator(seed: UInt64(9_000 + seed))
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        let synced = [SyncScenario.review, SyncScenario.summarize]
        let base = try await scenario.files(Self.api, synced + [SyncScenario.apiState])

        // Downstream: the team's edits.
        var team: [String: String?] = [:]
        if random.chance(60) { team[SyncScenario.review] = Self.edit(String(decoding: base[SyncScenario.review] ?? Data(), as: UTF8.self), &random, tag: "team") }
        if random.chance(50) { team[SyncScenario.summarize] = Self.edit(String(decoding: base[SyncScenario.summarize] ?? Data(), as: UTF8.self), &random, tag: "team") }
        if random.chance(40) { team[Self.override] = "# Our review\n\nteam override \(seed)\n" }
        if random.chance(50) { team["README.md"] = "# ours \(seed)\n" }
        if random.chance(30) { team["docs/agent33/prompts/extra.md"] = "team's own file \(seed)\n" }
        if random.chance(35) {
            var state = try SyncState.decode(try #require(base[SyncScenario.apiState]), path: "state")
            let victim = ["README.md", Self.override, "docs/agent33/prompts/extra.md", ".agent33-sync-state/other.json"].randomElement(using: &random) ?? "README.md"
            let content = Data((team[victim] ?? nil)?.utf8 ?? "x".utf8)
            state.files[victim] = .init(sha256: Checksum.sha256Hex(content), upstreamSHA256: Checksum.sha256Hex(content), gitBlob: Checksum.gitBlobID(content),
                                        rule: "sync-api-prompts", version: "v1.0.0", sourceCommit: nil, syncedAt: "2026-11-21T10:00:00Z")
            team[SyncScenario.apiState] = String(decoding: try state.encoded(), as: UTF8.self)
        }
        if !team.isEmpty { try await scenario.commitOnMain(Self.api, team) }
        let before = try await scenario.files(Self.api, ["README.md", Self.override, "docs/agent33/prompts/extra.md"] + synced)

        // Upstream: a release that edits or removes the synced files.
        var edits: [String: String] = [:]
        for (path, file) in [("core/prompts/review.md", SyncScenario.review), ("core/prompts/summarize.md", SyncScenario.summarize)] where random.chance(70) {
            edits[path] = Self.edit(String(decoding: base[file] ?? Data(), as: UTF8.self).split(separator: "\n").dropFirst().joined(separator: "\n"), &random, tag: "upstream")
        }
        if edits.isEmpty { edits["core/prompts/review.md"] = "# Review\n\nupstream \(seed)\n" }
        try scenario.release("v1.1.0", edits: edits)
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.1.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "incremental", "--target-repos", Self.api, "--plan-dir", "p"] + scenario.forgeArguments)
        guard plan.status == 0 else {
            // A refusal: it must say why, and nothing was written.
            #expect(plan.log.contains("error"), "seed \(seed): a failed plan without a message:\n\(plan.log)")
            #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "").isEmpty)
            return
        }
        let delivery = try await scenario.deliver("p")
        let pull = try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").first
        guard delivery.status == 0 || delivery.status == 1, let pull else {
            #expect(delivery.log.contains("error") || pull == nil, "seed \(seed): \(delivery.log)")
            return
        }
        let after = try await scenario.files(Self.api, branch: pull.head, ["README.md", Self.override, "docs/agent33/prompts/extra.md"] + synced)
        // Files the rule does not own are exactly as the team left them.
        for path in ["README.md", Self.override, "docs/agent33/prompts/extra.md"] {
            #expect(after[path] == before[path], "seed \(seed): \(path) changed")
        }
        // Every line the team wrote into a synced file is still in it.
        for path in synced {
            guard let written = team[path] ?? nil else { continue }
            let own = Set(Self.lines(Data(written.utf8))).subtracting(Self.lines(base[path]))
            let result = Set(Self.lines(after[path]))
            #expect(own.isSubset(of: result), "seed \(seed): \(path) lost \(own.subtracting(result))")
        }
    }
}
