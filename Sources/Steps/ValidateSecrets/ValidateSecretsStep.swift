import ActionsRuntime
import Diagnostics
import Forge
import Foundation
import Secrets
import SyncCore

/// `validate-secrets`: every required secret present and well-formed, optionally the token's
/// access to every repository checked live, every value masked. Runs before anything else.
package struct ValidateSecretsStep: StepCommand {
    package static let definition = StepDefinition(
        name: "validate-secrets",
        summary: "Check that the secrets a sync needs are present and well-formed, and that the token can reach every repository.",
        inputs: [
            InputSpec("secrets-spec", "Path of the secrets specification (YAML). Empty: the built-in specification (GITHUB_TOKEN, API_TOKEN, EXTERNAL_API_TOKEN, ENCRYPTION_KEY required; SLACK_WEBHOOK, NOTIFICATION_EMAIL optional).", kind: .path, default: ""),
            InputSpec("live-check", "Also GET the source and each target repository with the token: access, push permission, rate limit and scopes.", kind: .boolean, default: "false"),
            InputSpec("source-repo", "The upstream repository (owner/name) the live check reads. Default: GITHUB_REPOSITORY.", default: ""),
            InputSpec("target-repos", "Repositories (owner/name, comma- or line-separated) the live check needs push access to.", kind: .list, default: ""),
            InputSpec("timeout", "Seconds each live-check request may take.", kind: .number, default: "15"),
            InputSpec("report-path", "Where to write the JSON report. Default: RUNNER_TEMP/flash-sync/validate-secrets.json (.flash-sync/ locally).", kind: .path, default: "", writes: true),
        ],
        outputs: [
            OutputSpec("valid", "true when every required secret is present and valid (and, with live-check, every repository is reachable)."),
            OutputSpec("missing", "Comma-separated names of required secrets that are not set."),
            OutputSpec("report", "Path of the JSON report."),
        ],
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
        let liveCheck = try inputs.bool("live-check")
        let timeout = try inputs.integer("timeout", in: 1...300)
        let reportURL = session.context.url(forPath: try inputs.optionalString("report-path")
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
        if liveCheck {
            (access, token, liveCheckNote) = try await checkAccess(session, spec: spec, verdicts: verdicts, timeout: timeout)
        }

        let missing = verdicts.filter { $0.status == .missing }.map(\.name)
        let valid = !verdicts.contains(where: \.isFailure) && !access.contains(where: \.isFailure) && liveCheckNote == nil
        let report = SecretsReport(valid: valid, specification: spec.source, secrets: verdicts, liveCheck: liveCheck, repositories: access, token: token, note: liveCheckNote)
        try session.writeFile(try report.json(), to: reportURL)
        session.summarize { report.summarize(into: &$0) }
        session.log(valid
            ? "All \(verdicts.filter(\.isPresent).count) secrets present are valid\(liveCheck ? ", and the token reaches every repository" : "")."
            : "Secrets check failed: \(report.failureSummary).")

        try session.setOutput("valid", valid ? "true" : "false")
        try session.setOutput("missing", missing.joined(separator: ","))
        try session.setOutput("report", reportURL.path)
        return valid ? .success : .failed
    }

    private func loadSpec(_ session: StepSession) throws -> SecretsSpec {
        guard let path = try session.inputs.optionalString("secrets-spec") else { return .builtIn }
        let url = try RepositoryInputs.url(path, input: "secrets-spec", root: session.context.workingDirectory)
        let text = try ConfigFile.read(url, shownAs: path)
        return try SecretsSpec.parse(text, file: path)
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
        let source = try session.inputs.optionalString("source-repo") ?? environment["GITHUB_REPOSITORY"]
        if let source { repositories.append((source, false)) }
        for target in try session.inputs.list("target-repos") where !repositories.contains(where: { $0.name == target }) {
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
