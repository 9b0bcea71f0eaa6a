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
            InputSpec("target-repo", "The downstream repository (owner/name).", required: true),
            InputSpec("rule", "The sync rule id whose sync to undo.", required: true),
            InputSpec("version", "The sync version to undo (v2.4.0). Default: the latest merged sync of the rule.", default: ""),
            InputSpec("reason", "Why: written to DECISIONS.md, the PR and the upstream issue.", required: true),
            InputSpec("source-repo", "The upstream repository for the follow-up issue (same forge). Default: GITHUB_REPOSITORY.", default: ""),
            InputSpec("settings", "Settings file, for the namespace (branch, labels, state folder).", kind: .path, default: ".github/flash-sync/settings.yml"),
            ForgeSelection.input,
            InputSpec("force", "Roll back even when later commits changed the same files (their changes to those files are undone too).", kind: .boolean, default: "false"),
        ] + ForgeSelection.githubInputs,
        outputs: [
            OutputSpec("reverted", "The merge commit that was reverted."),
            OutputSpec("pull-request", "URL of the rollback pull request."),
            OutputSpec("issue", "URL of the upstream issue."),
            OutputSpec("branch", "The rollback branch."),
            OutputSpec("validation", "pass or fail: the validation of the reverted state."),
        ],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let repository = try inputs.string("target-repo")
        guard RepositoryNames.isValid(repository) else { throw InputError.invalid("target-repo", reason: "'\(repository)' is not owner/name.") }
        let ruleID = try inputs.string("rule")
        // The reason goes into a commit, DECISIONS.md, a PR and an issue: masked once, here, for all of them.
        let reason = session.redact(try inputs.string("reason").trimmingCharacters(in: .whitespacesAndNewlines))
        guard !reason.isEmpty else { throw InputError.invalid("reason", reason: "say why the sync is rolled back; it goes to DECISIONS.md and the upstream issue.") }
        guard let source = try inputs.optionalString("source-repo") ?? context.environment["GITHUB_REPOSITORY"], RepositoryNames.isValid(source) else {
            throw InputError.invalid("source-repo", reason: "the upstream repository (owner/name) is needed for the follow-up issue; set source-repo or GITHUB_REPOSITORY.")
        }
        var settings = SyncSettings()
        if let path = try inputs.optionalString("settings"),
           case let url = try RepositoryInputs.url(path, input: "settings", root: context.workingDirectory), FileManager.default.fileExists(atPath: url.path) {
            settings = try SyncSettings.parse(try ConfigFile.read(url, shownAs: path), file: path)
        }
        let forge = try ForgeSelection.make(session)
        defer { ForgeSelection.report(forge, session) }
        let rollback = SyncRollback(forge: forge, layout: settings.layout)
        let request = RollbackRequest(
            repository: repository, ruleID: ruleID, version: try inputs.optionalString("version"), reason: reason, sourceRepository: source,
            loggedBy: context.environment["GITHUB_ACTOR"].flatMap { $0.isEmpty ? nil : session.redact($0) } ?? "operator", force: try inputs.bool("force"),
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
        try session.setOutput("reverted", outcome.reverted.merge.id)
        try session.setOutput("pull-request", outcome.pullRequest.url)
        try session.setOutput("issue", outcome.issue.url)
        try session.setOutput("branch", outcome.branch)
        try session.setOutput("validation", outcome.passed ? "pass" : "fail")
        return outcome.passed ? .success : .failed
    }
}
