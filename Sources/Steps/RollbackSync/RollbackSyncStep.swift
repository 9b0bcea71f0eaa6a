import ActionsRuntime
import Delivery
import Diagnostics
import Forge
import Foundation
import SyncCore
import SyncKit

/// `rollback-sync`: the spec's rollback procedure for one merged sync of one rule in one target.
package struct RollbackSyncStep: StepCommand {
    package static let definition = StepDefinition(
        name: "rollback-sync",
        summary: "Revert a merged sync in a downstream repository on a rollback branch, re-validate, log it in DECISIONS.md, open the PR and an upstream issue.",
        inputs: [
            Input.targetRepo.spec, Input.rule.spec, Input.version.spec, Input.reason.spec, Input.sourceRepo.spec, Input.settings.spec,
            ForgeInputs.forge.spec,
            Input.force.spec,
        ] + ForgeInputs.github,
        outputs: [Output.reverted.spec, Output.pullRequest.spec, Output.issue.spec, Output.branch.spec, Output.validation.spec],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let repository = try inputs(Input.targetRepo)
        guard RepositoryNames.isValid(repository) else { throw InputError.invalid("target-repo", reason: "'\(repository)' is not owner/name.") }
        let ruleID = try inputs(Input.rule)
        // The reason goes into a commit, DECISIONS.md, a PR and an issue: masked once, here, for all of them.
        let reason = session.redact(try inputs(Input.reason).trimmingCharacters(in: .whitespacesAndNewlines))
        guard !reason.isEmpty else { throw InputError.invalid("reason", reason: "say why the sync is rolled back; it goes to DECISIONS.md and the upstream issue.") }
        guard let source = try inputs(Input.sourceRepo) ?? context.environment["GITHUB_REPOSITORY"], RepositoryNames.isValid(source) else {
            throw InputError.invalid("source-repo", reason: "the upstream repository (owner/name) is needed for the follow-up issue; set source-repo or GITHUB_REPOSITORY.")
        }
        var settings = SyncSettings()
        if let path = try inputs(Input.settings),
           case let url = try RepositoryInputs.url(path, input: Input.settings.name, root: context.workingDirectory), FileManager.default.fileExists(atPath: url.path) {
            settings = try SyncSettings.parse(try ConfigFile.read(url, shownAs: path), file: path)
        }
        let forge = try ForgeSelection.make(session, forge: ForgeInputs.forge)
        defer { ForgeSelection.report(forge, session) }
        let rollback = SyncRollback(forge: forge, layout: settings.layout)
        let request = RollbackRequest(
            repository: repository, ruleID: ruleID, version: try inputs(Input.version), reason: reason, sourceRepository: source,
            loggedBy: context.environment["GITHUB_ACTOR"].flatMap { $0.isEmpty ? nil : session.redact($0) } ?? "operator", force: try inputs(Input.force),
            now: ISO8601DateFormatter().string(from: context.now())
        )
        let outcome = try await session.group("Roll back \(ruleID) in \(repository)") { try await rollback.run(request) }
        session.log("Reverted \(outcome.reverted.merge.id) (\(ruleID) \(outcome.reverted.version)) on \(outcome.branch): \(outcome.restored.count) file\(outcome.restored.count == 1 ? "" : "s"); restored to: \(outcome.restoredTo).")
        session.log("Rollback pull request #\(outcome.pullRequest.number) \(outcome.pullRequest.url); upstream issue #\(outcome.issue.number) \(outcome.issue.url).")
        for check in outcome.checks where check.status == .fail || check.status == .warn {
            for finding in check.findings {
                session.emit(Diagnostic(check.status == .fail ? .error : .warning, "\(repository): \(finding)",
                                            title: "Reverted state \(check.status == .fail ? "fails" : "warns on") \(check.check.title.lowercased())"))
            }
        }
        session.summarize { RollbackSummary(repository: repository, outcome: outcome).write(into: &$0) }
        try session.setOutput(Output.reverted, outcome.reverted.merge.id)
        try session.setOutput(Output.pullRequest, outcome.pullRequest.url)
        try session.setOutput(Output.issue, outcome.issue.url)
        try session.setOutput(Output.branch, outcome.branch)
        try session.setOutput(Output.validation, outcome.passed ? "pass" : "fail")
        return outcome.passed ? .success : .failed
    }
}
