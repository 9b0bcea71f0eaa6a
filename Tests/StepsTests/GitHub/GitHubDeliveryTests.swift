import Forge
import Foundation
import Steps
import SyncKit
import TestSupport
import Testing

/// open-sync-pr against GitHub played by the in-memory fake on 127.0.0.1, through the real
/// GitHubForge: what a sync sends, what an unchanged re-run costs, and how faults are survived.
@Suite("Delivery to GitHub")
struct GitHubDeliveryTests {
    static let api = SyncScenario.api
    static let webapp = "example-org/webapp"
    static let apiBranch = "agent33-sync/v1.0.0/sync-api-prompts"

    static let clock = "2026-11-01T09:00:00Z"

    static func scenario() async throws -> SyncScenario {
        try await SyncScenario(targets: [api, webapp], clock: clock, backend: .github)
    }

    static func mutating(_ requests: ArraySlice<LoopbackServer.RecordedRequest>) -> [String] {
        requests.filter { $0.method != "GET" }.map { "\($0.method) \($0.path)" }
    }

    @Test("a new sync makes one verified commit and one labelled pull request per rule, and tells the calls it made")
    func newSync() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        let pulls = try await scenario.sync("v1.0.0", targets: [Self.api, Self.webapp])
        #expect(Set(pulls.map(\.repository)) == [Self.api, Self.webapp])

        let open = fake.pullRequests(in: Self.api)
        try #require(open.count == 1)
        #expect(open[0].head == Self.apiBranch && open[0].base == "main" && open[0].isOpen)
        #expect(Set(open[0].labels) == ["agent33-sync", "auto-generated", "prompts"])
        let head = try #require(fake.head(Self.api, branch: Self.apiBranch))
        let commit = try #require(fake.commits(in: Self.api).first { $0.sha == head })
        #expect(commit.verified, "the commit must be made without a custom author, so GitHub signs it")
        let files = try fake.files(Self.api, branch: Self.apiBranch)
        #expect(files[SyncScenario.review] != nil && files[SyncScenario.apiState] != nil)

        // The token travels only in the Authorization header.
        for request in fake.requests {
            #expect(!request.path.contains(ScenarioForge.token) && !request.query.values.contains { $0.contains(ScenarioForge.token) })
            #expect(request.headers["authorization"] == "Bearer \(ScenarioForge.token)")
            #expect(request.headers["x-github-api-version"] == "2022-11-28" && request.headers["user-agent"] == "flash-sync")
        }
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.log.contains("GitHub API: "), "\(again.log)")
        #expect(again.summary.contains("GitHub API calls"))
        // The one place the token appears is the runner's mask command, which hides it in the log.
        let lines = again.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }
        #expect(!lines.contains { $0.contains(ScenarioForge.token) })
    }

    @Test("auto-merge that keeps failing never fails a delivered pull request; the next run turns it on")
    func autoMergeFailureIsAWarning() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "am"])
        #expect(plan.status == 0, "\(plan.log)")
        let validated = try await scenario.harness.run(ValidateSyncStep.self, ["--plan", "am/plan.json"])
        #expect(validated.status == 0, "\(validated.log)")
        let arguments = ["--plan", "am/validated-plan.json", "--results-path", "am/results.json"] + scenario.forgeArguments
        fake.inject(.init(method: "POST", pathPrefix: "/graphql", status: 502, times: 50))
        let first = try await scenario.harness.run(OpenSyncPRStep.self, arguments)
        #expect(first.status == 0, "\(first.log)")
        #expect(first.log.contains("auto-merge was not turned on"), "\(first.log)")
        #expect(fake.pullRequests(in: Self.api).first?.autoMerge == nil)
        fake.clearFaults()
        let commits = fake.commits(in: Self.api).count
        let second = try await scenario.harness.run(OpenSyncPRStep.self, arguments)
        #expect(second.status == 0, "\(second.log)")
        #expect(fake.pullRequests(in: Self.api).first?.autoMerge != nil)
        #expect(fake.commits(in: Self.api).count == commits)
    }

    @Test("a job that would pass its share of GitHub's hourly writes says so first and leaves whole targets for the next run")
    func hourlyWriteShare() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        // 40 jobs space each job's writes 30 s apart: the test's clock does not wait.
        scenario.harness.sleep = { _ in }
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", "\(Self.api),\(Self.webapp)", "--plan-dir", "share"])
        #expect(plan.status == 0, "\(plan.log)")
        // 40 jobs at once: 500 / 40 = 12 writes an hour for this job, room for one one-rule target (7).
        let first = try await scenario.harness.run(OpenSyncPRStep.self, ["--plan", "share/plan.json", "--require-validation", "false", "--results-path", "share/results.json",
                                                                          "--github-parallel-jobs", "40", "--github-write-interval", "0"] + scenario.forgeArguments)
        #expect(first.status == 0, "\(first.log)")
        #expect(first.log.contains("this job delivers 1 of its 2 targets now") && first.log.contains("leaves 1 whole for the next run"), "\(first.log)")
        let delivered = [Self.api, Self.webapp].filter { !fake.pullRequests(in: $0).isEmpty }
        #expect(delivered.count == 1)
        let left = try #require([Self.api, Self.webapp].first { !delivered.contains($0) })
        #expect(fake.commits(in: left).count == 1, "the deferred target got no write at all")
        let second = try await scenario.harness.run(OpenSyncPRStep.self, ["--plan", "share/plan.json", "--require-validation", "false", "--results-path", "share/results2.json",
                                                                           "--targets", left, "--github-parallel-jobs", "40", "--github-write-interval", "0"] + scenario.forgeArguments)
        #expect(second.status == 0, "\(second.log)")
        #expect(fake.pullRequests(in: left).count == 1)
    }

    @Test("the fleet's pacing: writes spaced by the job's share of the per-minute limit, never closer than asked")
    func fleetPacing() {
        #expect(FleetPacing(parallelJobs: 4, requestedInterval: 1).interval == 3)
        #expect(FleetPacing(parallelJobs: 1, requestedInterval: 1).interval == 1)
        #expect(FleetPacing(parallelJobs: 8, requestedInterval: 10).interval == 10)
        #expect(FleetPacing(parallelJobs: 4, requestedInterval: 1).hourlyShare == 125)
        // 125 writes: 21 + 70 fit, 35 more would not, and what follows waits too (targets stay in order).
        let split = FleetPacing(parallelJobs: 4, requestedInterval: 1).admit([3, 10, 5, 1]) { $0 }
        #expect(split.now == [3, 10] && split.later == [5, 1])
    }

    @Test("an unchanged target costs no mutating request, and once its objects are cached every read is conditional")
    func unchangedTarget() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        _ = try await scenario.sync("v1.0.0", targets: [Self.api, Self.webapp])
        for run in 1...2 {
            let start = fake.requests.count
            let again = try await scenario.deliver(scenario.lastPlan)
            #expect(again.status == 0, "\(again.log)")
            let rerun = fake.requests[start...]
            #expect(Self.mutating(rerun).isEmpty, "\(Self.mutating(rerun))")
            let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "results")
            #expect(results.targets.allSatisfy { $0.status == .unchanged })
            // The first re-run reads the branch and tree the sync made (never read before); after that, only 304s.
            let plain = rerun.filter { $0.headers["if-none-match"] == nil }.map(\.path)
            if run == 1 {
                #expect(plain.allSatisfy { $0.contains("/git/ref/heads/agent33-sync/") || $0.contains("/git/trees/") }, "\(plain)")
            } else {
                #expect(plain.isEmpty, "\(plain)")
                #expect(again.log.contains("(\(rerun.count) reads, \(rerun.count) not modified; 0 mutating)"), "\(again.log)")
            }
        }
    }

    @Test("when the target's main moves, the sync branch is rebuilt on it and the open pull request is updated, not duplicated")
    func updateOpenPullRequest() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        _ = try await scenario.sync("v1.0.0", targets: [Self.api])
        let number = try #require(fake.pullRequests(in: Self.api).first?.number)
        try await scenario.commitOnMain(Self.api, ["NOTES.md": "team notes\n"])
        let start = fake.requests.count
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0, "\(again.log)")
        #expect(again.log.contains("sync-api-prompts: updated #\(number)"), "\(again.log)")
        let pulls = fake.pullRequests(in: Self.api)
        #expect(pulls.count == 1 && pulls[0].number == number)
        let head = try #require(fake.head(Self.api, branch: Self.apiBranch))
        #expect(fake.commits(in: Self.api).first { $0.sha == head }?.parents == [try #require(fake.head(Self.api, branch: "main"))])
        #expect(Self.mutating(fake.requests[start...]).contains { $0.hasPrefix("PATCH /repos/\(Self.api)/git/refs/heads/agent33-sync/") })
    }

    /// Faults GitHub really returns, each injected once into the first sync of example-org/api-service.
    /// A rate limit's reset is read against the step's clock (the scenario's), as the client reads it.
    static let faults: [(name: String, fault: FakeGitHub.Fault)] = [
        ("500 on creating the tree", .init(method: "POST", pathPrefix: "/repos/\(api)/git/trees", status: 500)),
        ("502 on reading the repository", .init(method: "GET", pathPrefix: "/repos/\(api)", status: 502)),
        ("403 secondary rate limit with retry-after on the commit", .init(method: "POST", pathPrefix: "/repos/\(api)/git/commits", status: 403,
                                                                          headers: ["retry-after": "1"], message: "You have exceeded a secondary rate limit.")),
        ("429 on creating the branch", .init(method: "POST", pathPrefix: "/repos/\(api)/git/refs", status: 429, headers: ["retry-after": "1"])),
        ("primary rate limit spent on listing pull requests", .init(method: "GET", pathPrefix: "/repos/\(api)/pulls", status: 403,
                                                                    headers: ["x-ratelimit-remaining": "0", "x-ratelimit-limit": "5000", "x-ratelimit-reset": String(Int(SyncScenario.date(clock).timeIntervalSince1970) + 1)],
                                                                    message: "API rate limit exceeded")),
        ("branch created but the answer lost (502)", .init(method: "POST", pathPrefix: "/repos/\(api)/git/refs", status: 502, afterHandling: true)),
        ("pull request created but the answer lost (502)", .init(method: "POST", pathPrefix: "/repos/\(api)/pulls", status: 502, afterHandling: true)),
        ("labels answered 500 twice", .init(method: "POST", pathPrefix: "/repos/\(api)/issues", pathContains: "/labels", status: 500, times: 2)),
    ]

    @Test("a fault is retried or recovered, and the sync completes exactly once", arguments: faults.map(\.name))
    func survivesFault(name: String) async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        fake.inject(try #require(Self.faults.first { $0.name == name }).fault)
        let pulls = try await scenario.sync("v1.0.0", targets: [Self.api])
        #expect(pulls.count == 1)
        #expect(fake.pullRequests(in: Self.api).count == 1, "one pull request, never two")
        #expect(Set(fake.pullRequests(in: Self.api)[0].labels).isSuperset(of: ["agent33-sync", "auto-generated"]))
        let head = try #require(fake.head(Self.api, branch: Self.apiBranch))
        #expect(fake.commits(in: Self.api).first { $0.sha == head }?.parents == [try #require(fake.head(Self.api, branch: "main"))])

        let start = fake.requests.count
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0)
        #expect(Self.mutating(fake.requests[start...]).isEmpty)
    }

    @Test("a refusal GitHub will not change on retry fails the rule with what to do, and the next run finishes it without a second commit")
    func refusalThenRecovery() async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        fake.inject(.init(method: "POST", pathPrefix: "/repos/\(Self.api)/pulls", status: 422, message: "Validation Failed"))
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "plan"])
        try #require(plan.status == 0, "\(plan.log)")
        let first = try await scenario.deliver("plan")
        #expect(first.status == 1)
        #expect(first.log.contains("GitHub rejected /repos/\(Self.api)/pulls (422: Validation Failed)"), "\(first.log)")
        #expect(fake.pullRequests(in: Self.api).isEmpty)
        let branchHead = try #require(fake.head(Self.api, branch: Self.apiBranch))

        let second = try await scenario.deliver("plan")
        #expect(second.status == 0, "\(second.log)")
        #expect(fake.pullRequests(in: Self.api).count == 1)
        #expect(fake.head(Self.api, branch: Self.apiBranch) == branchHead, "the branch already held the content: no second commit")
    }

    @Test("errors a user can act on: bad token, missing permission, unknown repository, spent budget", arguments: [
        "bad token", "missing permission", "unknown repository", "budget",
    ])
    func actionableErrors(kind: String) async throws {
        var scenario = try await Self.scenario()
        let fake = try #require(scenario.host.github)
        var extra: [String] = []
        var expected = ""
        switch kind {
        case "bad token":
            scenario.harness.environment["GITHUB_TOKEN"] = "ghs_" + String(repeating: "0", count: 36)
            expected = "GitHub refused the token (401 Bad credentials)"
        case "missing permission":
            fake.inject(.init(method: "GET", pathPrefix: "/repos/\(Self.api)", status: 403, headers: ["x-accepted-github-permissions": "contents=read"],
                              message: "Resource not accessible by integration", times: 10))
            expected = "The token needs these permissions: contents=read."
        case "unknown repository":
            fake.inject(.init(method: "GET", pathPrefix: "/repos/\(Self.api)", status: 404, message: "Not Found", times: 10))
            expected = "/repos/\(Self.api) was not found (404): the repository does not exist, or the token cannot see it."
        default:
            extra = ["--github-request-budget", "3"]
            expected = "The request budget of 3 was spent"
        }
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "plan"])
        try #require(plan.status == 0, "\(plan.log)")
        let result = try await scenario.deliver("plan", extra)
        #expect(result.status != 0)
        #expect(result.log.contains(expected), "\(result.log)")
        #expect(fake.pullRequests(in: Self.api).isEmpty)
    }

    @Test("forge github without a token is an input error (exit 2) naming what to set")
    func missingToken() async throws {
        var scenario = try await Self.scenario()
        scenario.harness.environment["GITHUB_TOKEN"] = nil
        let result = try await scenario.detect([Self.api])
        #expect(result.status == 2)
        #expect(result.log.contains("forge github needs a token in GITHUB_TOKEN"), "\(result.log)")
    }
}
