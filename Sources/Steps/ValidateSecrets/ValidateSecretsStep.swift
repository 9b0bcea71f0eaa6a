import ActionsRuntime
import Diagnostics
import Forge
import Foundation
import Secrets
import SyncCore
import SyncKit

/// `validate-secrets`: every required secret present and well-formed, optionally the token's
/// access to every repository checked live, every value masked. Runs before anything else.
package struct ValidateSecretsStep: StepCommand {
    package static let definition = StepDefinition(
        name: "validate-secrets",
        summary: "Check that the secrets a sync needs are present and well-formed, and that the token can reach every repository.",
        inputs: [
            Input.secretsSpec.spec, Input.liveCheck.spec, Input.sourceRepo.spec, Input.targetRepos.spec, Input.rulesDir.spec,
            Input.targetsFile.spec, Input.settings.spec, Input.appPermissions.spec, Input.timeout.spec, Input.reportPath.spec,
        ],
        outputs: [Output.valid.spec, Output.missing.spec, Output.report.spec],
        secretVariables: SecretsSpec.builtIn.entries.map(\.name)
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let spec = try loadSpec(session)
        // Announce every secret of the specification before anything else is printed.
        for entry in spec.entries {
            if let value = session.context.environment[entry.name], !value.isEmpty { session.addSecret(value) }
        }
        let liveCheck = try inputs(Input.liveCheck)
        let timeout = try inputs(Input.timeout)
        let reportURL = session.context.url(forPath: try inputs(Input.reportPath)
            ?? session.context.scratchDirectory.appendingPathComponent("validate-secrets.json").path)

        let verdicts = spec.entries.map { SecretCheck.verdict(for: $0, value: session.context.environment[$0.name]) }
        for (entry, verdict) in zip(spec.entries, verdicts) where verdict.problem != nil && verdict.status != .absent {
            let kind: Diagnostic.Severity = verdict.isFailure ? .error : .warning
            session.emit(Diagnostic(
                kind, "\(verdict.name) \(verdict.problem!).", title: "Secret \(verdict.name)",
                file: spec.source == "built-in" ? nil : spec.source, line: spec.source == "built-in" ? nil : entry.line
            ))
        }

        var access: [RepositoryAccess] = []
        var token: TokenReport?
        var liveCheckNote: String?
        var workflows: WorkflowPermissionReport?
        if liveCheck {
            // The inputs and the rules first: a broken one stops the step before any request.
            let appPermissions = try WorkflowPermissionCheck.permissions(try inputs(Input.appPermissions), input: Input.appPermissions.name)
            let workflowRules = try loadWorkflowRules(session)
            (access, token, liveCheckNote) = try await checkAccess(session, spec: spec, verdicts: verdicts, timeout: timeout)
            if liveCheckNote == nil, let workflowRules, !workflowRules.isEmpty,
               let tokenEntry = spec.entries.first(where: \.isLiveCheckToken), let value = session.context.environment[tokenEntry.name] {
                let verdict = WorkflowPermissionCheck.verdict(
                    kind: GitHubTokenKind(token: value), scopes: token?.scopes, appPermissions: appPermissions, rules: workflowRules
                )
                switch verdict.status {
                case .granted: session.log("Workflow files: \(verdict.message)")
                case .missing: session.emit(Diagnostic(.error, verdict.message, title: "Workflow files"))
                case .unverified: session.emit(Diagnostic(.warning, verdict.message, title: "Workflow files"))
                }
                workflows = verdict
            }
        }

        let missing = verdicts.filter { $0.status == .missing }.map(\.name)
        let valid = !verdicts.contains(where: \.isFailure) && !access.contains(where: \.isFailure) && liveCheckNote == nil
            && workflows?.status != .missing
        let report = SecretsReport(
            valid: valid, specification: spec.source, secrets: verdicts, liveCheck: liveCheck, repositories: access, token: token,
            workflows: workflows, note: liveCheckNote
        )
        try session.writeFile(try report.json(), to: reportURL)
        session.summarize { report.summarize(into: &$0) }
        var closing = valid
            ? "All \(verdicts.filter(\.isPresent).count) secrets present are valid\(liveCheck ? ", and the token reaches every repository" : "")."
            : "Secrets check failed: \(report.failureSummary)."
        if valid, let workflows {
            closing += workflows.status == .granted
                ? " The token can write workflow files."
                : " Whether the token can write workflow files was not verified (see the warning)."
        }
        session.log(closing)

        try session.setOutput(Output.valid, valid ? "true" : "false")
        try session.setOutput(Output.missing, missing.joined(separator: ","))
        try session.setOutput(Output.report, reportURL.path)
        return valid ? .success : .failed
    }

    private func loadSpec(_ session: StepSession) throws -> SecretsSpec {
        guard let path = try session.inputs(Input.secretsSpec) else { return .builtIn }
        let url = try RepositoryInputs.url(path, input: Input.secretsSpec.name, root: session.context.workingDirectory)
        let text = try ConfigFile.read(url, shownAs: path)
        return try SecretsSpec.parse(text, file: path)
    }

    /// The rules that can write under .github/workflows/ in the targets of this run; nil when
    /// there are no rules to read (the default rules folder and targets file are both missing).
    private func loadWorkflowRules(_ session: StepSession) throws -> [WorkflowRule]? {
        let root = session.context.workingDirectory
        let folder = try session.inputs(Input.rulesDir)
        let folderURL = try RepositoryInputs.url(folder, input: Input.rulesDir.name, root: root)
        let targetsURL = try session.inputs(Input.targetsFile).map { try RepositoryInputs.url($0, input: Input.targetsFile.name, root: root) }
        let rawFolder = (session.inputs.raw(Input.rulesDir.spec) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let folderIsGiven = !rawFolder.isEmpty && rawFolder != Input.rulesDir.spec.defaultValue
        let targetsExist = targetsURL.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
        if !folderIsGiven, !FileManager.default.fileExists(atPath: folderURL.path), !targetsExist {
            session.emit(Diagnostic(
                .notice, "No sync rules at \(folder): whether the token can write workflow files (.github/workflows/) was not checked. Set rules-dir to check it.",
                title: "Workflow files"
            ))
            return nil
        }
        let ruleSet = try RuleInputs.load(session, rulesDirectory: Input.rulesDir, targetsFile: Input.targetsFile, settings: Input.settings)
        return WorkflowPermissionCheck.rules(in: ruleSet, targets: try session.inputs(Input.targetRepos))
    }

    private func checkAccess(
        _ session: StepSession, spec: SecretsSpec, verdicts: [SecretVerdict], timeout: Int
    ) async throws -> ([RepositoryAccess], TokenReport?, String?) {
        let environment = session.context.environment
        guard let tokenEntry = spec.entries.first(where: \.isLiveCheckToken) else {
            return ([], nil, "live-check is on but no secret in the specification sets live_check: true")
        }
        guard let verdict = verdicts.first(where: { $0.name == tokenEntry.name }), verdict.status == .valid,
              let token = environment[tokenEntry.name]
        else {
            return ([], nil, "live check skipped: \(tokenEntry.name) is not a valid token")
        }
        var repositories: [(name: String, needsPush: Bool)] = []
        let source = try session.inputs(Input.sourceRepo) ?? environment["GITHUB_REPOSITORY"]
        if let source { repositories.append((source, false)) }
        for target in try session.inputs(Input.targetRepos) where target.lowercased() != "all" && !repositories.contains(where: { $0.name == target }) {
            repositories.append((target, true))
        }
        for (name, _) in repositories where !RepositoryNames.isValid(name) {
            throw Diagnostic.configuration("'\(name)' is not a repository name (owner/name).")
        }
        guard !repositories.isEmpty else {
            return ([], nil, "live check has nothing to check: set source-repo or GITHUB_REPOSITORY, or target-repos")
        }
        let client = try GitHubClient(
            apiURL: environment["GITHUB_API_URL"] ?? "https://api.github.com",
            token: token,
            policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.5, maxDelay: 4, maxRateLimitWait: 30, timeout: Double(timeout)),
            effects: session.context.httpEffects
        )
        let result = await session.group("Live access check (\(repositories.count) repositories)") {
            await RepositoryAccessProbe(client: client).check(repositories)
        }
        for item in result.access where item.isFailure {
            session.emit(Diagnostic(.error, "\(item.repository): \(item.note)", title: "Repository access"))
        }
        return (result.access, result.token, nil)
    }
}
