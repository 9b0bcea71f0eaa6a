import Forge
import Foundation
import StepTestSupport
import Steps
import TestSupport
import Testing

/// The example upstream as a real git checkout (tagged v1.0.0) and a forge (local, or the fake
/// GitHub) holding the downstream repositories, synced with the real steps (plan-sync,
/// open-sync-pr) and merged the way a downstream team merges a pull request. The clock is fixed
/// and moved by the test.
struct SyncScenario {
    static let source = "example-org/agent33"
    static let api = "example-org/api-service"
    static let review = "docs/agent33/prompts/review.md"
    static let summarize = "docs/agent33/prompts/summarize.md"
    static let apiState = ".agent33-sync-state/sync-api-prompts.json"

    var harness: StepHarness
    let host: ScenarioForge
    var forge: any Forge { host.forge }
    private var runs = 0

    init(targets: [String], clock: String, backend: ForgeBackend = .local) async throws {
        harness = try StepHarness(environment: ["GITHUB_REPOSITORY": Self.source, "GITHUB_SERVER_URL": "https://github.example.com"])
        let work = harness.workingDirectory
        try GitFixture.copyTree("examples/upstream", to: work)
        try GitFixture.initialize(work)
        try GitFixture.tag("v1.0.0", in: work)
        host = try await ScenarioForge(backend, root: harness.directory.path("forge"))
        harness.environment.merge(host.environment) { _, new in new }
        // GitHub's write pacing is decided and counted, not waited for: the scenarios are about
        // what is written, and the pacing has tests of its own.
        harness.sleep = { _ in }
        for target in targets + (backend == .github ? [Self.source] : []) {
            try host.createRepository(target, files: ["README.md": Data("# \(target)\n".utf8)])
        }
        setClock(clock)
    }

    /// The step arguments that select the scenario's forge.
    var forgeArguments: [String] { host.arguments }

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    mutating func setClock(_ text: String) {
        let date = Self.date(text)
        harness.now = { date }
        host.clock.set(date)
    }

    /// A new upstream release: the edits committed and tagged.
    func release(_ version: String, edits: [String: String]) throws {
        for (path, text) in edits { try harness.directory.write("work/" + path, text) }
        try GitFixture.commitAll(harness.workingDirectory, message: "release \(version)")
        try GitFixture.tag(version, in: harness.workingDirectory)
    }

    /// Plans the release for `targets` and opens the sync pull requests; returns their numbers.
    /// `planWithForge`: plan-sync reads the forge too (target_repos selectors, the targets' states).
    mutating func sync(_ version: String, targets: [String], planWithForge: Bool = false) async throws -> [(repository: String, number: Int)] {
        harness.environment["GITHUB_EVENT_NAME"] = "release"
        harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("event-\(version).json", #"{"action":"published","release":{"tag_name":"\#(version)"}}"#).path
        runs += 1
        let folder = "plan-\(runs)"
        let plan = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", targets.joined(separator: ","), "--plan-dir", folder]
                                         + (planWithForge ? forgeArguments : []))
        try #require(plan.status == 0, "\(plan.log)")
        let open = try await deliver(folder)
        try #require(open.status == 0, "\(open.log)")
        let pulls = try JSONSerialization.jsonObject(with: Data(try #require(open.output("pull-requests")).utf8)) as? [[String: Any]] ?? []
        return try pulls.map { pull in
            (try #require(pull["repository"] as? String), try #require(pull["number"] as? Int))
        }
    }

    /// open-sync-pr on a plan folder (again, to see what a re-run does).
    func deliver(_ folder: String, _ extra: [String] = []) async throws -> StepHarness.Result {
        try await harness.run(OpenSyncPRStep.self, ["--plan", folder + "/plan.json", "--results-path", folder + "/results.json", "--require-validation", "false"]
                              + forgeArguments + extra)
    }

    /// The plan folder of the last `sync`.
    var lastPlan: String { "plan-\(runs)" }

    /// Syncs and merges every pull request; returns the merge commits by repository.
    @discardableResult
    mutating func syncAndMerge(_ version: String, targets: [String]) async throws -> [String: String] {
        var merges: [String: String] = [:]
        for pull in try await sync(version, targets: targets) {
            merges[pull.repository] = try host.mergePullRequest(pull.repository, number: pull.number)
        }
        return merges
    }

    /// A downstream commit straight on main (nil deletes).
    func commitOnMain(_ repository: String, _ changes: [String: String?]) async throws {
        let head = try #require(try await forge.head(repository, branch: "main"))
        _ = try await forge.commit(repository, CommitRequest(branch: "main", parent: head.id, message: "downstream edit", changes: changes.mapValues { $0.map { Data($0.utf8) } }))
    }

    func files(_ repository: String, branch: String = "main", _ paths: [String]) async throws -> [String: Data] {
        let head = try #require(try await forge.head(repository, branch: branch))
        return try await forge.files(repository, at: head.id, paths: paths)
    }

    /// Every issue the forge recorded for a repository, open or closed.
    func issues(_ repository: String) throws -> [ForgeIssue] {
        try host.issues(repository)
    }

    func detect(_ targets: [String], _ extra: [String] = []) async throws -> StepHarness.Result {
        try await harness.run(DetectDriftStep.self, ["--target-repos", targets.joined(separator: ","),
                                                     "--registry-path", "out/registry.md", "--alerts-path", "out/alerts.yaml"] + forgeArguments + extra)
    }
}
