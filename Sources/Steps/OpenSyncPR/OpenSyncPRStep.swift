import ActionsRuntime
import Delivery
import Diagnostics
import Forge
import Foundation
import SyncCore
import SyncKit

/// `open-sync-pr`: per target of its shard, merge with overrides, commit with the new state, and
/// open or update one pull request per rule. Idempotent: nothing new, nothing written.
package struct OpenSyncPRStep: StepCommand {
    package static let definition = StepDefinition(
        name: "open-sync-pr",
        summary: "Deliver the validated plan: per target, three-way merge with overrides, one commit with the sync state, one pull request per rule.",
        inputs: [
            Input.plan.spec, Input.targets.spec, Input.shard.spec, Input.maxShards.spec,
            ForgeInputs.forge.spec,
            Input.changelog.spec, Input.force.spec, Input.dryRun.spec, Input.requireValidation.spec, Input.resultsPath.spec,
        ] + ForgeInputs.github,
        outputs: [Output.pullRequests.spec, Output.conflicts.spec, Output.results.spec],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let planURL = try inputs(Input.plan).map(context.url(forPath:))
            ?? context.scratchDirectory.appendingPathComponent("plan").appendingPathComponent(PlanArtifact.validatedPlanFileName)
        let (artifact, planFile) = try ValidationInputs.loadPlan(planURL)
        // The five checks stand between the plan and the targets: an unchecked plan is refused,
        // and a rule they blocked is reported, never delivered, whatever the plan file says.
        let validated = try ValidatedPlan(reading: planFile, requireChecks: try inputs(Input.requireValidation), shownAs: planURL.path)
        let plan = validated.plan
        let blockedInPlan = validated.blocked.map {
            TargetResult(repository: $0.repository, ruleID: $0.rule.ruleID, status: .blocked, message: "blocked by validation: not delivered")
        }
        let forge = try ForgeSelection.make(session, forge: ForgeInputs.forge)
        defer { ForgeSelection.report(forge, session) }
        let selection = try targetSelection(session)
        let (selected, unknown) = selection.select(from: plan)
        for name in unknown { session.emit(Diagnostic(.warning, "\(name) is not in the plan; nothing to do for it.")) }
        if case .shard = selection, plan.skippedRules.contains(where: { $0.reason.hasPrefix("blocked by validation") }) {
            // Validation removed rules, so the file counts the shards are balanced by changed.
            session.emit(Diagnostic(
                .warning, "The shard's targets are recomputed from a plan that validation changed: a target may move to another shard. "
                    + "Pass the matrix entry's targets as well (the action's shard-targets: ${{ matrix.targets }}) so each job delivers exactly the targets plan-sync gave it.",
                title: "Shard"
            ))
        }
        var targets = selected
        var deferred: [TargetResult] = []
        if ForgeSelection.isGitHub(forge), !(try inputs(Input.dryRun)) {
            // Said before anything is written: what fits this job's share of GitHub's hourly writes.
            let pacing = try ForgeSelection.pacing(session)
            let (now, later) = pacing.admit(targets) { $0.rules.count }
            if !later.isEmpty {
                let note = "GitHub allows about \(FleetPacing.writesPerHour) content writes an hour for the token, shared by \(pacing.parallelJobs) job\(pacing.parallelJobs == 1 ? "" : "s"): this job delivers \(now.count) of its \(targets.count) targets now (up to \(FleetPacing.writesPerRule) writes a rule) and leaves \(later.count) whole for the next run."
                session.emit(Diagnostic(.warning, note, title: "Write budget"))
                deferred = later.flatMap { target in
                    target.rules.map { TargetResult(repository: target.repository, ruleID: $0.ruleID, status: .skipped, message: "deferred to the next run: this job's share of GitHub's hourly write limit is used") }
                }
            }
            targets = now
        }
        let changelog = try changelogText(plan, session: session)
        let now = ISO8601DateFormatter().string(from: context.now())
        let delivery = TargetDelivery(context: DeliveryContext(
            forge: forge, plan: plan, blob: { artifact.blob($0) },
            changelog: changelog, force: try inputs(Input.force), dryRun: try inputs(Input.dryRun), now: now
        ))

        var results: [TargetResult] = []
        for target in targets {
            let delivered = await session.group("\(target.repository): \(target.rules.count) rule\(target.rules.count == 1 ? "" : "s")") {
                await delivery.deliver(target)
            }
            for result in delivered {
                session.log("\(result.repository) \(result.ruleID): \(result.status.rawValue)" + (result.pullRequest.map { " #\($0.number) \($0.url)" } ?? "") + (result.message.map { " (\($0))" } ?? ""))
                if result.status == .failed { session.emit(Diagnostic(.error, "\(result.repository) \(result.ruleID): \(result.message ?? "failed")", title: "Sync failed")) }
                if result.status == .conflict { session.emit(Diagnostic(.warning, "\(result.repository) \(result.ruleID): \(result.conflicts.count) conflict(s) left for review in #\(result.pullRequest?.number ?? 0)", title: "Sync conflict")) }
            }
            results += delivered
        }
        results += deferred + blockedInPlan
        // Blocked rules left the plan: the job with no target filter (or shard 0) reports them,
        // a job with explicit targets reports its own.
        let blocked = plan.skippedRules.filter { $0.reason.hasPrefix("blocked by validation") && selection.reportsBlockedRule(in: $0.repository) }
        results += blocked.map { TargetResult(repository: $0.repository, ruleID: $0.ruleID, status: .blocked, message: $0.reason) }

        let runURL = [context.environment["GITHUB_SERVER_URL"], context.environment["GITHUB_REPOSITORY"], context.environment["GITHUB_RUN_ID"]]
        let report = SyncResults(
            version: plan.version, sourceRepository: plan.sourceRepository, sourceSHA: plan.sourceCommit ?? "", event: plan.event, mode: plan.mode.rawValue,
            run: runURL.allSatisfy { $0 != nil } ? RunReference(id: runURL[2]!, url: "\(runURL[0]!)/\(runURL[1]!)/actions/runs/\(runURL[2]!)") : nil,
            startedAt: context.now(), finishedAt: context.now(), targets: results,
            blockedRules: blocked.map { BlockedRule(ruleID: $0.ruleID, reason: $0.reason) }
        )
        let shard = try inputs(Input.shard)
        let resultsURL = try inputs(Input.resultsPath).map(context.url(forPath:))
            ?? context.scratchDirectory.appendingPathComponent(shard.map { "results-\($0).json" } ?? "results.json")
        try session.writeFile(String(decoding: try report.encoded(), as: UTF8.self), to: resultsURL)
        session.summarize { DeliverySummary(results: results, version: plan.version, dryRun: (try? inputs(Input.dryRun)) ?? false).write(into: &$0) }

        let pulls = results.compactMap { result in result.pullRequest.map { (result, $0) } }
        let pullJSON = "[" + pulls.map { result, pull in
            #"{"repository":"\#(result.repository)","rule":"\#(result.ruleID)","number":\#(pull.number),"url":"\#(pull.url)","status":"\#(result.status.rawValue)"}"#
        }.joined(separator: ",") + "]"
        try session.setOutput(Output.pullRequests, pullJSON)
        try session.setOutput(Output.conflicts, String(results.reduce(0) { $0 + $1.conflicts.count }))
        try session.setOutput(Output.results, resultsURL.path)
        return results.contains { $0.status == .failed } ? .failed : .success
    }

    /// The targets input, else the shard input, else everything.
    private func targetSelection(_ session: StepSession) throws -> TargetSelection {
        let names = try session.inputs(Input.targets)
        if !names.isEmpty { return .named(names) }
        guard let shard = try session.inputs(Input.shard) else { return .all }
        guard let index = Int(shard), index >= 0 else { throw InputError.invalid(Input.shard.name, reason: "'\(shard)' is not a shard index (0, 1, ...).") }
        return .shard(index: index, maxShards: try session.inputs(Input.maxShards))
    }

    private func changelogText(_ plan: Plan, session: StepSession) throws -> String? {
        guard let path = try session.inputs(Input.changelog) else { return nil }
        let repository = GitRepository(session.context.workingDirectory, environment: session.context.gitEnvironment)
        if let commit = plan.sourceCommit, repository.isRepository,
           let data = try? repository.blobs(["\(commit):\(path)"], allowingMissing: true)["\(commit):\(path)"] {
            return TextContent.decode(data)
        }
        let url = try RepositoryInputs.url(path, input: Input.changelog.name, root: session.context.workingDirectory)
        return FileManager.default.contents(atPath: url.path).flatMap(TextContent.decode)
    }
}
