import Forge
import Foundation
import StepTestSupport
import Steps
import TestSupport
import Testing

/// What an unchanged fleet costs on GitHub once the reads are batched: plan-sync and detect-drift
/// read every target's default branch, sync states, drift issue and synced blob ids through a
/// GraphQL query per 50 targets, answer exactly as reading each target over REST does, and fall
/// back to REST when GraphQL cannot answer.
@Suite("Fleet reads on GitHub", .serialized)
struct FleetReadTests {
    static let token = "ghs_" + String(repeating: "F1eet", count: 7) + "x"
    static let count = 60

    /// `count` targets, one rule each (three Markdown files to docs/agent33/), delivered at
    /// v1.0.0 and merged: every target holds its files and its sync state on main.
    struct Fleet {
        var fake: FakeGitHub
        var harness: StepHarness
        var names: [String]

        init() async throws {
            names = (1...FleetReadTests.count).map { String(format: "fleet-org/target-%03d", $0) }
            fake = try await FakeGitHub(token: FleetReadTests.token, repositories: [:])
            fake.setRateLimit(remaining: 1_000_000, limit: 1_000_000)
            for name in names { try fake.createRepository(name, files: ["README.md": Data("# \(name)\n".utf8)]) }
            harness = try StepHarness(environment: [
                "GITHUB_REPOSITORY": "fleet-org/upstream", "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": FleetReadTests.token,
            ])
            harness.sleep = { _ in }
            let work = harness.workingDirectory
            for index in 1...3 { try harness.directory.write("work/core/doc\(index).md", "# Document \(index)\n\nText \(index).\n") }
            for (index, name) in names.enumerated() {
                try harness.directory.write("work/core/orchestrator/distribution/rules/t\(index).yaml", """
                    sync_rule:
                      id: "sync-t\(index)"
                      source: "core/*.md"
                      target_repo: "\(name)"
                      target_path: "docs/agent33/"
                      strategy: copy
                      frequency: on_release
                    """)
            }
            try GitFixture.initialize(work)
            try GitFixture.tag("v1.0.0", in: work)
            harness.environment["GITHUB_EVENT_NAME"] = "release"
            harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
            let plan = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "full"])
            try #require(plan.status == 0, "\(plan.log)")
            let open = try await harness.run(OpenSyncPRStep.self, ["--plan", "full/plan.json", "--require-validation", "false", "--forge", "github",
                                                                   "--github-write-interval", "0", "--github-write-budget", "0", "--results-path", "full/results.json"])
            try #require(open.status == 0, "\(open.log.suffix(3000))")
            for name in names {
                let pull = try #require(fake.pullRequests(in: name).first)
                _ = try fake.mergePullRequest(name, number: pull.number)
            }
        }

        /// Runs a step and returns its result and the requests it sent.
        func measured<Step: StepCommand>(_ step: Step.Type, _ arguments: [String], batchReads: Bool = true) async throws -> (StepHarness.Result, ArraySlice<LoopbackServer.RecordedRequest>) {
            var harness = harness
            if !batchReads { harness.environment["FLASH_SYNC_GITHUB_BATCH_READS"] = "false" }
            let start = fake.requests.count
            let result = try await harness.run(step, arguments)
            return (result, fake.requests[start...])
        }

        func planIncremental(_ folder: String, batchReads: Bool = true) async throws -> (StepHarness.Result, ArraySlice<LoopbackServer.RecordedRequest>) {
            try await measured(PlanSyncStep.self, ["--mode", "incremental", "--forge", "github", "--plan-dir", folder, "--github-cache", folder + "-cache"], batchReads: batchReads)
        }

        func detect(_ folder: String, batchReads: Bool = true) async throws -> (StepHarness.Result, ArraySlice<LoopbackServer.RecordedRequest>) {
            try await measured(DetectDriftStep.self, ["--forge", "github", "--registry-path", folder + "/registry.md", "--alerts-path", folder + "/alerts.yaml",
                                                      "--github-cache", folder + "-cache"], batchReads: batchReads)
        }
    }

    @Test("an unchanged fleet of 60: plan-sync and detect-drift read it in a few GraphQL queries and answer as REST does; open-sync-pr sends nothing; GraphQL down falls back to REST")
    func unchangedFleet() async throws {
        let fleet = try await Fleet()

        // plan-sync, incremental: every state in a query per 50 targets, nothing to deliver.
        let (batched, requests) = try await fleet.planIncremental("batched")
        #expect(batched.status == 0, "\(batched.log.suffix(2000))")
        #expect(requests.count == 2, "\(requests.map { "\($0.method) \($0.path)" })")
        #expect(requests.allSatisfy { $0.method == "POST" && $0.path == "/graphql" })
        #expect(batched.log.contains("Read 60 of 60 targets up front in 2 requests."))
        let (rest, restRequests) = try await fleet.planIncremental("rest", batchReads: false)
        #expect(rest.status == 0)
        #expect(restRequests.count >= 4 * Self.count, "REST reads each target: repository, ref, commit, tree, state blob")
        #expect(!restRequests.contains { $0.path == "/graphql" })
        #expect(Self.plannedFiles(fleet, "batched") == 0 && Self.plannedFiles(fleet, "rest") == 0)
        #expect(Self.withoutTimes(fleet, "batched") != nil && Self.withoutTimes(fleet, "batched") == Self.withoutTimes(fleet, "rest"))

        // open-sync-pr on that plan: nothing to deliver, no request.
        let (open, openRequests) = try await fleet.measured(OpenSyncPRStep.self, ["--plan", "batched/plan.json", "--require-validation", "false", "--forge", "github", "--results-path", "batched/results.json"])
        #expect(open.status == 0, "\(open.log)")
        #expect(openRequests.isEmpty, "\(openRequests.prefix(5).map { "\($0.method) \($0.path)" })")

        // detect-drift: the states, the synced files' blob ids and the drift issues in a few queries.
        let (quiet, driftRequests) = try await fleet.detect("quiet")
        #expect(quiet.status == 0, "\(quiet.log.suffix(2000))")
        #expect(quiet.output("drifted") == "")
        #expect(driftRequests.count <= 3, "\(driftRequests.map { "\($0.method) \($0.path)" })")
        #expect(driftRequests.allSatisfy { $0.path == "/graphql" })

        // A downstream edit is found the same way batched and over REST.
        try fleet.fake.commitDirectly("fleet-org/target-007", branch: "main", changes: ["docs/agent33/doc2.md": Data("edited downstream\n".utf8)], message: "local edit")
        let (edited, _) = try await fleet.detect("edited")
        let (editedREST, editedRESTRequests) = try await fleet.detect("edited-rest", batchReads: false)
        #expect(edited.output("drifted") == "fleet-org/target-007")
        #expect(editedREST.output("drifted") == edited.output("drifted"))
        #expect(edited.output("drifted-files") == "1" && editedREST.output("drifted-files") == "1")
        #expect(editedRESTRequests.count > 3 * Self.count)
        #expect(fleet.fake.issues(in: "fleet-org/target-007").filter { $0.isOpen && $0.labels.contains("agent33-drift") }.count == 1,
                "the first run opened the drift issue; the second found it and left it as it is")

        // GraphQL down: three failed batches stop the batching, and REST plans the same.
        fleet.fake.inject(.init(method: "POST", pathPrefix: "/graphql", status: 502, times: 10_000))
        let (fallback, fallbackRequests) = try await fleet.planIncremental("fallback")
        fleet.fake.clearFaults()
        #expect(fallback.status == 0, "\(fallback.log.suffix(2000))")
        #expect(fallback.log.contains("Read one by one instead"))
        #expect(Self.withoutTimes(fleet, "fallback") == Self.withoutTimes(fleet, "rest"))
        #expect(fallbackRequests.count - fallbackRequests.filter { $0.path == "/graphql" }.count >= 4 * Self.count)

        // A new release: the states read in batches plan exactly what REST plans.
        try fleet.harness.directory.write("work/core/doc2.md", "# Document 2\n\nText 2, changed.\n")
        try GitFixture.commitAll(fleet.harness.workingDirectory, message: "v1.1.0")
        try GitFixture.tag("v1.1.0", in: fleet.harness.workingDirectory)
        var next = fleet
        next.harness.environment["GITHUB_EVENT_PATH"] = try next.harness.directory.write("event-2.json", #"{"action":"published","release":{"tag_name":"v1.1.0"}}"#).path
        let (changed, _) = try await next.planIncremental("changed")
        let (changedREST, _) = try await next.planIncremental("changed-rest", batchReads: false)
        #expect(changed.status == 0 && changedREST.status == 0)
        #expect(Self.plannedFiles(next, "changed") == 3 * Self.count, "every file carries the release version, so each changes")
        #expect(Self.withoutTimes(next, "changed") != nil && Self.withoutTimes(next, "changed") == Self.withoutTimes(next, "changed-rest"))
    }

    /// How many files a plan delivers.
    static func plannedFiles(_ fleet: Fleet, _ folder: String) -> Int {
        guard let data = try? Data(contentsOf: fleet.harness.workingDirectory.appendingPathComponent(folder + "/plan.json")),
              let plan = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return -1 }
        return (plan["targets"] as? [[String: Any]] ?? []).flatMap { $0["rules"] as? [[String: Any]] ?? [] }.reduce(0) { $0 + (($1["files"] as? [Any])?.count ?? 0) }
    }

    /// The plan without the time it was made, as canonical JSON (nil when there is no plan).
    static func withoutTimes(_ fleet: Fleet, _ folder: String) -> String? {
        guard let data = try? Data(contentsOf: fleet.harness.workingDirectory.appendingPathComponent(folder + "/plan.json")),
              var plan = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        plan["created_at"] = nil
        return (try? JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
    }
}
