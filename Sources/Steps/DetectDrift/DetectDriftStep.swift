import ActionsRuntime
import Delivery
import Diagnostics
import Forge
import Foundation
import SyncCore
import SyncKit

/// `detect-drift`: per target, the synced files that no longer match their sync state (one
/// drift issue per target, opened, edited, closed), staleness and failure alerts against the
/// spec's thresholds, and the downstream registry table.
package struct DetectDriftStep: StepCommand {
    package static let definition = StepDefinition(
        name: "detect-drift",
        summary: "Check every target for drift, staleness and repeated failures; keep one drift issue per target; write the alerts and the downstream registry.",
        inputs: [
            Input.rulesDir.spec, Input.targetsFile.spec, Input.settings.spec, Input.targetRepos.spec,
            ForgeInputs.forge.spec,
            Input.history.spec, Input.sourceRepo.spec, Input.registryPath.spec, Input.alertsPath.spec, Input.failOnDrift.spec,
        ] + ForgeInputs.github,
        outputs: [
            Output.drifted.spec, Output.driftedFiles.spec, Output.stale.spec, Output.failing.spec, Output.alerts.spec, Output.registry.spec,
        ],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let forge = try ForgeSelection.make(session, forge: ForgeInputs.forge)
        defer { ForgeSelection.report(forge, session) }
        let ruleSet = try await RuleInputs.resolvingSelectors(try MonitoringInputs.loadRules(session), forge: forge, session)
        let layout = ruleSet.settings.layout
        let selected = try RuleInputs.targets(session, Input.targetRepos, rules: ruleSet).map { Set($0.map { $0.lowercased() }) }
        let failOnDrift = try inputs(Input.failOnDrift)
        let rules = ruleSet.rules.filter { selected?.contains($0.targetRepository.lowercased()) ?? true }
        let repositories = RepositoryNames.distinct(rules.map(\.targetRepository))
        let history = FailureHistory(runs: try MonitoringInputs.loadHistory(session))
        let evaluator = HealthEvaluator(thresholds: MonitoringThresholds(settings: ruleSet.settings), now: context.now(),
                                        releaseTags: MonitoringInputs.releaseTags(session), overridesFolder: layout.overridesFolder)
        let detector = DriftDetector(forge: forge, layout: layout)
        FleetPrefetchLog.report(await detector.prefetch(repositories), of: repositories.count, session)
        let issues = DriftIssue(forge: forge, layout: layout)

        var rows: [RuleHealth] = []
        var reports: [TargetReport] = []
        var unreachable: [String] = []
        for repository in repositories {
            do {
                let report = try await session.group("\(repository)") { () async throws -> TargetReport in
                    let inspection = try await detector.inspect(repository: repository, rules: rules)
                    let outcome = try await issues.reconcile(repository: repository, drifted: inspection.drifted)
                    let pulls = await Self.syncPullRequests(forge, repository: repository, ruleSet: ruleSet, now: evaluator.now, session)
                    let health = inspection.rules.map { rule -> RuleHealth in
                        var row = evaluator.evaluate(rule, repository: repository, failures: history.streak(repository: repository, ruleID: rule.rule.id), driftIssueURL: outcome.issue?.url)
                        row.pullRequest = pulls?.standing(of: rule.rule.id, sharedBranchID: rule.rule.pullRequest == .perTarget
                            ? PullRequestGrouping.sharedBranchID(base: rule.rule.targetBranch) : nil) ?? .unknown
                        return row
                    }
                    return TargetReport(repository: repository, drifted: inspection.drifted, issue: outcome, health: health)
                }
                report.log(session)
                reports.append(report)
                rows += report.health
            } catch {
                unreachable.append(repository)
                session.emit(Diagnostic(.error, "\(repository): could not be checked: \(error)", title: "Drift check failed"))
            }
        }

        let alerts = rows.flatMap(\.alerts)
        for alert in alerts {
            session.emit(Diagnostic(alert.kind == .failure ? .error : .warning, "\(alert.targetRepository) \(alert.ruleID): \(alert.details)", title: "Sync \(alert.kind.rawValue)"))
        }
        let sourceRepository = try inputs(Input.sourceRepo) ?? context.environment["GITHUB_REPOSITORY"] ?? "the upstream repository"
        let leftOut = ruleSet.skippedTargets.filter { selected?.contains($0.repository.lowercased()) ?? true }
        let registry = DownstreamRegistry(rows: rows, sourceRepository: sourceRepository, leftOut: leftOut)
        let registryURL = try inputs(Input.registryPath).map(context.url(forPath:)) ?? context.scratchDirectory.appendingPathComponent("registry.md")
        let alertsURL = try inputs(Input.alertsPath).map(context.url(forPath:)) ?? context.scratchDirectory.appendingPathComponent("alerts.yaml")
        try session.writeFile(registry.markdown, to: registryURL)
        try session.writeFile(SyncAlert.yaml(alerts), to: alertsURL)
        session.summarize { DriftSummary(reports: reports, registry: registry, alerts: alerts, unreachable: unreachable).write(into: &$0) }

        let drifted = reports.filter { !$0.drifted.isEmpty }
        try session.setOutput(Output.drifted, drifted.map(\.repository).joined(separator: ","))
        try session.setOutput(Output.driftedFiles, String(drifted.reduce(0) { $0 + $1.drifted.count }))
        try session.setOutput(Output.stale, rows.filter { $0.status == .stale || $0.status == .neverSynced }.map(\.rule.id).joined(separator: ","))
        try session.setOutput(Output.failing, rows.filter { $0.status == .failing }.map(\.rule.id).joined(separator: ","))
        try session.setOutput(Output.alerts, alertsURL.path)
        try session.setOutput(Output.registry, registryURL.path)
        if !unreachable.isEmpty { return .failed }
        return !drifted.isEmpty && failOnDrift ? .failed : .success
    }

    /// The target's recent sync pull requests, by rule (the registry's PR columns); nil, with a
    /// warning, when the forge cannot list them: the registry then says "unknown", and the drift
    /// check of the target stands.
    static func syncPullRequests(_ forge: any Forge, repository: String, ruleSet: RuleSet, now: Date, _ session: StepSession) async -> SyncPullRequestIndex? {
        do {
            let pulls = try await forge.recentPullRequests(repository, headPrefix: ruleSet.settings.layout.branchPrefix)
            return SyncPullRequestIndex(pulls: pulls, settings: ruleSet.settings, now: now)
        } catch {
            session.emit(Diagnostic(.warning, "\(repository): could not list its sync pull requests: \(error)", title: "Sync pull requests"))
            return nil
        }
    }
}

/// What detect-drift found in one target.
struct TargetReport: Sendable {
    var repository: String
    var drifted: [DriftedFile]
    var issue: DriftIssue.Outcome
    var health: [RuleHealth]

    func log(_ session: StepSession) {
        let issueText: String = switch issue {
        case .opened(let issue): "opened drift issue #\(issue.number)"
        case .updated(let issue): "updated drift issue #\(issue.number)"
        case .unchanged(let issue): "drift issue #\(issue.number) is up to date"
        case .closed(let number): "closed drift issue #\(number)"
        case .none: "no drift"
        }
        session.log("\(repository): \(drifted.count) drifted file\(drifted.count == 1 ? "" : "s"), \(issueText); " + health.map { "\($0.rule.id) \($0.status.rawValue)" }.joined(separator: ", "))
    }
}
