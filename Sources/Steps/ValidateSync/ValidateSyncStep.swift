import ActionsRuntime
import Diagnostics
import Foundation
import SyncKit

/// `validate-sync`: the five pre-PR checks on everything the plan would write. Checks 1-4 block a
/// rule (its target leaves the plan); check 5 warns. `force` never overrides a secret finding.
package struct ValidateSyncStep: StepCommand {
    package static let definition = StepDefinition(
        name: "validate-sync",
        summary: "Run the five pre-PR checks (checksum, links, schemas, secrets, version tag) on every file the plan would write.",
        inputs: [Input.plan.spec, Input.settings.spec, Input.allowlist.spec, Input.force.spec, Input.reportDir.spec],
        outputs: [Output.passed.spec, Output.report.spec, Output.blockedRules.spec, Output.plan.spec, Output.sarif.spec]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let planURL = try inputs(Input.plan).map(context.url(forPath:))
            ?? context.scratchDirectory.appendingPathComponent("plan").appendingPathComponent(PlanArtifact.planFileName)
        let (artifact, plan) = try ValidationInputs.loadPlan(planURL)
        let settings = try ValidationInputs.loadSettings(session)
        let scanner = try ValidationInputs.scanner(session, settings: settings)
        let blob: @Sendable (String) -> Data? = { artifact.blob($0) }
        let sources = ValidationInputs.sources(plan, session: session)
        let force = try inputs(Input.force)
        // What it writes goes beside the plan; in a replay, to the replay's own folder instead.
        let outputFolder = context.isReplay ? context.scratchDirectory.appendingPathComponent("validate-sync") : planURL.deletingLastPathComponent()
        let reportDirectory = try inputs(Input.reportDir).map(context.url(forPath:))
            ?? outputFolder.appendingPathComponent("validation")

        let outcome = await session.group("Validate \(plan.targets.flatMap(\.rules).count) rules") {
            PlanValidation(plan: plan, settings: settings, scanner: scanner, sources: sources, force: force, blob: blob).run()
        }
        let runAt = ISO8601DateFormatter().string(from: context.now())
        for checked in outcome.checkedRules {
            try session.writeFile(ValidationReport.yaml(ruleID: checked.ruleID, runAt: runAt, sourceVersion: plan.version, validation: checked.validation),
                                  to: reportDirectory.appendingPathComponent("\(checked.ruleID).yaml"))
        }
        for finding in outcome.findings {
            session.emit(finding.diagnostic)
        }
        let validatedPlan = outputFolder.appendingPathComponent(PlanArtifact.validatedPlanFileName)
        try session.writeFile(String(decoding: try PlanArtifact.encode(outcome.plan), as: UTF8.self), to: validatedPlan)
        let sarifURL = reportDirectory.appendingPathComponent("validate-sync.sarif")
        try session.writeFile(ValidationSARIF.render(outcome.findings, version: plan.version), to: sarifURL)
        session.summarize { ValidationSummary(outcome: outcome, version: plan.version).write(into: &$0) }

        let blockedIDs = outcome.blocked.map(\.rule.ruleID) + outcome.skippedDependents
        session.log(blockedIDs.isEmpty
            ? "All \(outcome.plan.targets.flatMap(\.rules).count) rules passed validation."
            : "Blocked: \(blockedIDs.joined(separator: ", ")).")
        try session.setOutput(Output.passed, blockedIDs.isEmpty ? "true" : "false")
        try session.setOutput(Output.report, reportDirectory.path)
        try session.setOutput(Output.blockedRules, blockedIDs.joined(separator: ","))
        try session.setOutput(Output.plan, validatedPlan.path)
        try session.setOutput(Output.sarif, sarifURL.path)
        return blockedIDs.isEmpty ? .success : .failed
    }
}
