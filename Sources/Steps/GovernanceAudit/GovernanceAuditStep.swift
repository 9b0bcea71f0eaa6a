import ActionsRuntime
import Diagnostics
import Foundation
import Governance
import SyncCore

/// `governance-audit`: checks the canonical repository against the governance policy before
/// anything is distributed, and reports every finding as SARIF (code scanning), annotations,
/// a job summary and a JSON report.
package struct GovernanceAuditStep: StepCommand {
    package static let defaultPolicyPath = ".github/flash-sync/policy.yml"
    package static let defaultExemptionsPath = ".github/flash-sync/exemptions.yml"

    /// How the `sync-rules-load` rule type loads the rules: plan-sync's own loader.
    package static let rulesLoader: RulesLoadCheck = .syncRules

    package static let definition = StepDefinition(
        name: "governance-audit",
        summary: "Check the canonical repository (agents/, core/, sync rules) against the governance policy; report findings as SARIF, annotations, a summary and JSON.",
        inputs: [Input.policy.spec, Input.exemptions.spec, Input.repositoryPath.spec, Input.sarifPath.spec, Input.reportPath.spec],
        outputs: [Output.passed.spec, Output.errors.spec, Output.warnings.spec, Output.sarif.spec, Output.report.spec]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let root = context.url(forPath: try inputs(Input.repositoryPath))
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw Diagnostic.configuration("repository-path '\(root.path)' does not exist.")
        }
        let policy = try loadPolicy(session, root: root)
        let exemptions = try loadExemptions(session, root: root, policy: policy)
        let snapshot = try RepositorySnapshot(root: root)
        let auditor = Auditor(policy: policy, exemptions: exemptions, rulesLoad: Self.rulesLoader, today: ExemptionDate(context.now()))
        let result = try await session.group("Audit \(snapshot.files.count) files against \(policy.activeRules.count) rules") {
            try auditor.run(on: snapshot)
        }

        let sarifURL = context.url(forPath: try inputs(Input.sarifPath)
            ?? context.scratchDirectory.appendingPathComponent("governance-audit.sarif").path)
        let reportURL = context.url(forPath: try inputs(Input.reportPath)
            ?? context.scratchDirectory.appendingPathComponent("governance-audit.json").path)
        try session.writeFile(try SARIFWriter.json(AuditSARIF.log(result)), to: sarifURL)
        try session.writeFile(try AuditJSONReport(result).json(), to: reportURL)

        for finding in result.findings {
            session.emit(finding.diagnostic(in: policy))
        }
        session.summarize { AuditSummary(result: result).write(into: &$0) }
        session.log(result.passed
            ? "Governance audit passed: \(policy.activeRules.count) rules, \(snapshot.files.count) files, \(result.warnings) warning\(result.warnings == 1 ? "" : "s")."
            : "Governance audit failed: \(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.warnings) warning\(result.warnings == 1 ? "" : "s").")

        try session.setOutput(Output.passed, result.passed ? "true" : "false")
        try session.setOutput(Output.errors, String(result.errors))
        try session.setOutput(Output.warnings, String(result.warnings))
        try session.setOutput(Output.sarif, sarifURL.path)
        try session.setOutput(Output.report, reportURL.path)
        return result.passed ? .success : .failed
    }

    private func loadPolicy(_ session: StepSession, root: URL) throws -> Policy {
        let loader = PolicyLoader(repositoryRoot: root)
        if let path = try session.inputs(Input.policy) {
            let relative = try RepositoryInputs.relativePath(path, input: Input.policy.name)
            try RepositoryInputs.refuseEscape(root.appendingPathComponent(relative), root: root, input: Input.policy.name)
            return try loader.load(relative)
        }
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.defaultPolicyPath).path) {
            return try loader.load(Self.defaultPolicyPath)
        }
        session.log("No policy file given and \(Self.defaultPolicyPath) does not exist: using the built-in default policy.")
        return PolicyLoader.builtInDefault()
    }

    private func loadExemptions(_ session: StepSession, root: URL, policy: Policy) throws -> [Exemption] {
        var path = try session.inputs(Input.exemptions).map { try RepositoryInputs.relativePath($0, input: Input.exemptions.name) }
        if path == nil, FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.defaultExemptionsPath).path) {
            path = Self.defaultExemptionsPath
        }
        guard let path else { return [] }
        try RepositoryInputs.refuseEscape(root.appendingPathComponent(path), root: root, input: Input.exemptions.name)
        let text = try ConfigFile.read(root.appendingPathComponent(path), shownAs: path)
        return try ExemptionsFile.parse(text, file: path, policy: policy)
    }
}
