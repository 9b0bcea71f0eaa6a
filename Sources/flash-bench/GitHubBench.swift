import Forge
import Foundation
import Steps
import StepTestSupport
import TestSupport

/// `flash-bench github --upstream DIR --event FILE --targets N`: plan-sync once, then open-sync-pr
/// against the in-memory fake GitHub on 127.0.0.1 through the real GitHub forge, in three
/// phases: a new sync of every target, an unchanged re-run, and a re-run after every target's
/// main moved (each open PR updated). Requests come from the fake server's log.
enum GitHubBench {
    static let token = "ghs_" + String(repeating: "B3nch", count: 7) + "x"

    struct Phase {
        var name: String
        var seconds: Double
        var requests: ArraySlice<LoopbackServer.RecordedRequest>
    }

    static func run(_ arguments: [String]) async throws {
        var options: [String: String] = [:]
        var index = 0
        while index + 1 < arguments.count {
            options[arguments[index]] = arguments[index + 1]
            index += 2
        }
        guard let upstream = options["--upstream"], let event = options["--event"], let count = options["--targets"].flatMap(Int.init), count > 0 else {
            throw BenchError("usage: flash-bench github --upstream DIR --event FILE --targets N")
        }
        let width = String(count).count
        let names = (1...count).map { "bench-org/target-" + String(repeating: "0", count: width - String($0).count) + String($0) }
        let fake = try await FakeGitHub(token: token, repositories: [:], checksContract: false)
        // The limit of a large GitHub App installation; the point is the requests, not the limit.
        fake.setRateLimit(remaining: 1_000_000, limit: 1_000_000)
        for name in names { try fake.createRepository(name, files: ["README.md": Data("# \(name)\n".utf8)]) }

        var harness = try StepHarness(environment: [
            "GITHUB_REPOSITORY": "bench-org/upstream", "GITHUB_EVENT_NAME": "release", "GITHUB_EVENT_PATH": event,
            "GITHUB_API_URL": fake.apiURL, "GITHUB_TOKEN": token,
        ], inActions: false)
        // The write pacing GitHub's secondary limits ask for (0.75 s a write for one job) is counted,
        // not waited: the point is the requests and the client's own time (the last column says
        // what the pacing would add).
        harness.sleep = { _ in }
        try FileManager.default.removeItem(at: harness.workingDirectory)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: upstream), to: harness.workingDirectory)
        let plan = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        guard plan.status == 0 else { throw BenchError("plan-sync failed:\n\(plan.log)") }

        func deliver(_ name: String) async throws -> Phase {
            let start = fake.requests.count
            let clock = ContinuousClock.now
            let result = try await harness.run(OpenSyncPRStep.self, ["--plan", "plan/plan.json", "--require-validation", "false", "--github-write-budget", "0", "--forge", "github", "--github-write-interval", "0", "--results-path", "results-\(name).json"])
            let elapsed = ContinuousClock.now - clock
            guard result.status == 0 else { throw BenchError("open-sync-pr (\(name)) failed:\n\(result.log.suffix(4000))") }
            return Phase(name: name, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, requests: fake.requests[start...])
        }
        var phases = [try await deliver("new sync")]
        phases.append(try await deliver("unchanged"))
        for name in names { try fake.commitDirectly(name, branch: "main", changes: ["NOTES.md": Data("moved\n".utf8)], message: "A downstream commit") }
        phases.append(try await deliver("PR update (main moved)"))

        // The fleet after the teams merged: every state on main, nothing new upstream. What plan-sync
        // (incremental), open-sync-pr on its plan and detect-drift cost, read one by one over REST
        // (before) and in GraphQL batches (after).
        for name in names {
            if let pull = fake.pullRequests(in: name).first(where: \.isOpen) { _ = try fake.mergePullRequest(name, number: pull.number) }
        }
        func measure(_ name: String, batchReads: Bool, accepting accepted: Set<Int32> = [0], _ run: (StepHarness) async throws -> StepHarness.Result) async throws -> Phase {
            var harness = harness
            if !batchReads { harness.environment["FLASH_SYNC_GITHUB_BATCH_READS"] = "false" }
            let start = fake.requests.count
            let clock = ContinuousClock.now
            let result = try await run(harness)
            let elapsed = ContinuousClock.now - clock
            guard accepted.contains(result.status) else { throw BenchError("\(name) failed:\n\(result.log.suffix(4000))") }
            return Phase(name: name, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, requests: fake.requests[start...])
        }
        for batchReads in [false, true] {
            let how = batchReads ? "GraphQL batches" : "REST per target"
            let folder = batchReads ? "incremental-batched" : "incremental-rest"
            phases.append(try await measure("unchanged fleet: plan-sync incremental, \(how)", batchReads: batchReads) { harness in
                try await harness.run(PlanSyncStep.self, ["--mode", "incremental", "--forge", "github", "--plan-dir", folder, "--github-cache", folder + "-cache"])
            })
            phases.append(try await measure("unchanged fleet: open-sync-pr on that plan", batchReads: batchReads) { harness in
                try await harness.run(OpenSyncPRStep.self, ["--plan", folder + "/plan.json", "--require-validation", "false", "--forge", "github",
                                                            "--results-path", folder + "/results.json", "--github-cache", folder + "-cache"])
            })
            phases.append(try await measure("unchanged fleet: detect-drift, \(how)", batchReads: batchReads) { harness in
                try await harness.run(DetectDriftStep.self, ["--forge", "github", "--registry-path", folder + "/registry.md", "--alerts-path", folder + "/alerts.yaml",
                                                             "--github-cache", folder + "-drift-cache"])
            })
        }

        // An upstream pull request that changes one synced file, previewed over the merged fleet
        // (the comment adds a list and a create on the upstream pull request).
        try fake.createRepository("bench-org/upstream", files: ["README.md": Data("# upstream\n".utf8)])
        let upstreamForge = GitHubForge(client: try GitHubClient(apiURL: fake.apiURL, token: token), cache: try ResponseCache())
        _ = try await upstreamForge.createIssue("bench-org/upstream", title: "A change to preview", body: "", labels: [])
        let work = harness.workingDirectory
        let area = work.appendingPathComponent("core/area1")
        guard let first = try FileManager.default.contentsOfDirectory(atPath: area.path).filter({ $0.hasSuffix(".md") }).sorted().first else {
            throw BenchError("no Markdown file in \(area.path) to change")
        }
        let changed = area.appendingPathComponent(first)
        try (try String(contentsOf: changed, encoding: .utf8) + "\nOne more line from the pull request.\n").write(to: changed, atomically: true, encoding: .utf8)
        _ = try GitFixture.git(["-c", "user.name=bench", "-c", "user.email=bench@flash-sync.invalid", "commit", "-qam", "change"], in: work)
        for batchReads in [false, true] {
            let how = batchReads ? "GraphQL batches" : "REST per target"
            // The fixture's links point at files it does not have, so the preview reports the rules
            // blocked (exit 1): what it cost is the point.
            phases.append(try await measure("preview of a one-file pull request, \(how)", batchReads: batchReads, accepting: [0, 1]) { harness in
                try await harness.run(PreviewSyncStep.self, ["--base", "v1.0.0", "--forge", "github", "--pull-request", "1", "--source-repo", "bench-org/upstream",
                                                             "--report-path", "preview-\(batchReads).md", "--github-cache", "preview-\(batchReads)-cache"])
            })
        }

        print("| phase | wall time | per target | requests per target | GET (304) | mutating per target | 1 s write pacing, 1 job |")
        print("|---|---|---|---|---|---|---|")
        for phase in phases {
            let gets = phase.requests.filter { $0.method == "GET" }.count
            let mutating = phase.requests.count - gets
            let notModified = phase.requests.filter { $0.method == "GET" && $0.headers["if-none-match"] != nil }.count
            let perTarget = { (value: Int) in String(format: "%.2f", Double(value) / Double(count)) }
            print("| \(phase.name) | \(String(format: "%.2f s", phase.seconds)) | \(String(format: "%.1f ms", phase.seconds * 1000 / Double(count))) | \(perTarget(phase.requests.count)) | \(perTarget(gets)) (\(perTarget(notModified)) conditional) | \(perTarget(mutating)) | \(String(format: "%.0f s", Double(mutating))) |")
        }
        // The loopback server's own cost per request, to tell it apart from the client's work.
        let client = try GitHubClient(apiURL: fake.apiURL, token: token)
        let probes = 200
        let probeStart = ContinuousClock.now
        for _ in 0..<probes { _ = try await client.send("GET", "/repos/\(names[0])") }
        let probe = ContinuousClock.now - probeStart
        let roundTrip = (Double(probe.components.seconds) + Double(probe.components.attoseconds) / 1e18) / Double(probes)
        // Round trips vary with the request, so this is a scale for the wall times, not something to subtract.
        print("\nOne GET of a repository from the fake server: \(String(format: "%.1f ms", roundTrip * 1000)) (mean of \(probes)).")
        print("\nThe requests of \(names[0]) in the new sync:")
        for request in phases[0].requests where request.path.hasPrefix("/repos/\(names[0])/") || request.path == "/repos/\(names[0])" {
            print("- \(request.method) \(request.path)\(request.query.isEmpty ? "" : "?" + request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"))")
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
