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
        inputs: [
            InputSpec("policy", "Policy file (YAML), relative to the repository. Empty: \(defaultPolicyPath) if it exists, else the built-in default policy.", kind: .path, default: ""),
            InputSpec("exemptions", "Exemptions file (YAML), relative to the repository. Empty: \(defaultExemptionsPath) if it exists, else none.", kind: .path, default: ""),
            InputSpec("repository-path", "The repository checkout to audit.", kind: .path, default: "."),
            InputSpec("sarif-path", "Where to write the SARIF 2.1.0 log. Default: RUNNER_TEMP/flash-sync/governance-audit.sarif (.flash-sync/ locally).", kind: .path, default: "", writes: true),
            InputSpec("report-path", "Where to write the JSON report. Default: RUNNER_TEMP/flash-sync/governance-audit.json (.flash-sync/ locally).", kind: .path, default: "", writes: true),
        ],
        outputs: [
            OutputSpec("passed", "true when no error-level finding remains after exemptions."),
            OutputSpec("errors", "Number of error-level findings."),
            OutputSpec("warnings", "Number of warning-level findings."),
            OutputSpec("sarif", "Path of the SARIF log (for github/codeql-action/upload-sarif)."),
            OutputSpec("report", "Path of the JSON report."),
        ]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let root = context.url(forPath: try inputs.string("repository-path"))
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

        let sarifURL = context.url(forPath: try inputs.optionalString("sarif-path")
            ?? context.scratchDirectory.appendingPathComponent("governance-audit.sarif").path)
        let reportURL = context.url(forPath: try inputs.optionalString("report-path")
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

        try session.setOutput("passed", result.passed ? "true" : "false")
        try session.setOutput("errors", String(result.errors))
        try session.setOutput("warnings", String(result.warnings))
        try session.setOutput("sarif", sarifURL.path)
        try session.setOutput("report", reportURL.path)
        return result.passed ? .success : .failed
    }

    private func loadPolicy(_ session: StepSession, root: URL) throws -> Policy {
        let loader = PolicyLoader(repositoryRoot: root)
        if let path = try session.inputs.optionalString("policy") {
            let relative = try RepositoryInputs.relativePath(path, input: "policy")
            try RepositoryInputs.refuseEscape(root.appendingPathComponent(relative), root: root, input: "policy")
            return try loader.load(relative)
        }
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.defaultPolicyPath).path) {
            return try loader.load(Self.defaultPolicyPath)
        }
        session.log("No policy file given and \(Self.defaultPolicyPath) does not exist: using the built-in default policy.")
        return PolicyLoader.builtInDefault()
    }

    private func loadExemptions(_ session: StepSession, root: URL, policy: Policy) throws -> [Exemption] {
        var path = try session.inputs.optionalString("exemptions").map { try RepositoryInputs.relativePath($0, input: "exemptions") }
        if path == nil, FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.defaultExemptionsPath).path) {
            path = Self.defaultExemptionsPath
        }
        guard let path else { return [] }
        try RepositoryInputs.refuseEscape(root.appendingPathComponent(path), root: root, input: "exemptions")
        let text = try ConfigFile.read(root.appendingPathComponent(path), shownAs: path)
        return try ExemptionsFile.parse(text, file: path, policy: policy)
    }
}
