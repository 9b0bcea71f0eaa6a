import ActionsRuntime
import Delivery
import Diagnostics
import Forge
import Foundation
import SyncCore
import SyncKit

/// `preview-sync`: on an upstream pull request, what the change would do downstream if it were
/// released, before it merges. It plans every rule whose sources the pull request touches for
/// every target of those rules, runs the five checks, and reconciles each file against the
/// target's current state as open-sync-pr would (same three-way merge), writing nothing
/// downstream. The result is one comment on the pull request (created once, edited on every push,
/// deleted when the pull request no longer touches a synced file), the step summary, and the exit
/// code: 1 when a rule would be blocked; conflicts alone are a warning.
///
/// A step of its own rather than a mode of plan-sync: it writes no plan artifact and no matrix,
/// reads the targets itself, and writes to the upstream pull request, which no other step does.
package struct PreviewSyncStep: StepCommand {
    package static let definition = StepDefinition(
        name: "preview-sync",
        summary: "On an upstream pull request, preview which repositories and files the change would touch, the conflicts and the checks, writing nothing downstream.",
        inputs: [
            Input.rulesDir.spec, Input.targetsFile.spec, Input.settings.spec, Input.allowlist.spec, Input.base.spec, Input.version.spec,
            Input.comment.spec, Input.pullRequest.spec, ForgeInputs.forge.spec, Input.sourceRepo.spec, Input.reportPath.spec,
        ] + ForgeInputs.github,
        outputs: [Output.blocked.spec, Output.conflicts.spec, Output.changedTargets.spec, Output.report.spec, Output.comment.spec],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let context = session.context
        let inputs = session.inputs
        let event = try Self.event(context.environment)
        let repository = GitRepository(context.workingDirectory, environment: context.gitEnvironment)
        guard repository.isRepository else {
            throw Diagnostic.configuration("preview-sync compares the checkout with the pull request's base, but \(context.workingDirectory.path) is not a git repository.")
        }
        guard let base = try inputs(Input.base) ?? event?.pullRequest.base.sha else {
            throw Diagnostic.configuration("preview-sync needs the commit the change is compared with: run it on a pull_request event, or pass the base input.")
        }
        if base.hasPrefix("-") || GitRefName.problem(base) != nil {
            throw Diagnostic.configuration("base \(base.debugDescription) is not a git ref or commit.")
        }
        let changed: [String]
        do {
            changed = try repository.changedPaths(from: base, to: "HEAD")
        } catch {
            throw Diagnostic.configuration("cannot compare \(base) with the checkout: \(error). Check out with fetch-depth: 0 (the base commit must be in the history).")
        }
        let forge = try ForgeSelection.make(session, forge: ForgeInputs.forge)
        defer { ForgeSelection.report(forge, session) }
        let ruleSet = try await RuleInputs.resolvingSelectors(
            try RuleInputs.load(session, rulesDirectory: Input.rulesDir, targetsFile: Input.targetsFile, settings: Input.settings), forge: forge, session)
        // A rule is touched by a change to its sources, or to its own file; a change to the settings
        // or the targets file touches every rule.
        let configuration = [try inputs(Input.settings), try inputs(Input.targetsFile)].compactMap { $0 }
        let everyRule = changed.contains { configuration.contains($0) }
        let touched = Array(Set(ruleSet.rules.filter { rule in
            everyRule || changed.contains { rule.filter.selects($0) || $0 == String(rule.file) }
        }.map(\.id))).sorted()
        session.log("The change touches \(changed.count) path\(changed.count == 1 ? "" : "s"), the sources of \(touched.count) rule\(touched.count == 1 ? "" : "s").")

        let sourceRepository = try inputs(Input.sourceRepo) ?? context.environment["GITHUB_REPOSITORY"] ?? "local/upstream"
        let number = try inputs(Input.pullRequest).flatMap(Int.init) ?? event?.pullRequest.number
        let commentOn: (repository: String, number: Int)? = {
            guard (try? inputs(Input.comment)) == true, let number else { return nil }
            if event?.isFromFork == true { return nil }
            return (sourceRepository, number)
        }()
        if event?.isFromFork == true {
            session.emit(Diagnostic(.notice, "A pull request from a fork gets no token that may comment upstream: the preview is in the step summary only."))
        }
        let reportURL = try inputs(Input.reportPath).map(context.url(forPath:)) ?? context.scratchDirectory.appendingPathComponent("preview.md")
        let marker = PreviewComment.marker(key: context.environment[ForgeSelection.tokenVariable] ?? "", pullRequest: "\(sourceRepository)#\(number ?? 0)")
        let writer = PreviewCommentWriter(forge: forge, marker: marker)

        guard !touched.isEmpty else {
            let text = "\(marker)\n## Sync preview\n\nThis pull request touches no file a sync rule distributes: nothing downstream would change.\n"
            try session.writeFile(text, to: reportURL)
            session.summarize { $0.raw(text) }
            if let commentOn { try await writer.remove(from: commentOn.repository, number: commentOn.number, session) }
            try setOutputs(session, blocked: [], conflicts: 0, changedTargets: 0, report: reportURL, comment: nil)
            return .success
        }

        let tags = (try? repository.versionTags()) ?? []
        let version = try inputs(Input.version) ?? tags.last ?? "v0.0.0"
        if let problem = GitRefName.versionProblem(version) {
            throw Diagnostic.configuration("The version \(version.debugDescription) cannot be used: \(problem).")
        }
        let reader = StateReader(forge: forge, layout: ruleSet.settings.layout)
        let repositories = RepositoryNames.distinct(ruleSet.rules.filter { touched.contains($0.id) }.map(\.targetRepository))
        FleetPrefetchLog.report(await reader.prefetch(repositories), of: repositories.count, session)
        var states: [String: TargetState] = [:]
        for target in repositories {
            do {
                states[target] = try await reader.targetState(of: target)
            } catch {
                session.emit(Diagnostic(.warning, "Cannot read the sync state of \(target): \(error). It is previewed as if never synced."))
            }
        }
        let now = context.now()
        let request = PlanRequest(
            rules: ruleSet, source: try SourceTree.workingTree(context.workingDirectory), trigger: .manual(rules: touched), mode: .incremental,
            targets: Set(repositories), ruleFilter: Set(touched), version: version, tag: version,
            releaseDate: String(ISO8601DateFormatter().string(from: now).prefix(10)), sourceRepository: sourceRepository,
            serverURL: context.environment["GITHUB_SERVER_URL"] ?? "https://github.com", states: states,
            createdAt: ISO8601DateFormatter().string(from: now)
        )
        let output = try Planner().plan(request)
        for problem in output.problems { session.emit(problem) }
        let blobs = output.blobs
        let blob: @Sendable (String) -> Data? = { blobs[$0] }
        let scanner = try ValidationInputs.scanner(session, settings: ruleSet.settings)
        let validation = PlanValidation(plan: output.plan, settings: ruleSet.settings, scanner: scanner,
                                        sources: ValidationInputs.sources(output.plan, session: session), force: false, blob: blob).run()
        for finding in validation.findings { session.emit(finding.diagnostic) }

        let delivery = DeliveryContext(forge: forge, plan: output.plan, blob: blob, changelog: nil, force: false, dryRun: true,
                                       now: ISO8601DateFormatter().string(from: now))
        let preview = await session.group("Preview \(repositories.count) target\(repositories.count == 1 ? "" : "s")") {
            await PreviewBuilder(context: delivery).preview(plan: validation.plan, blocked: validation.blocked, touchedRules: touched)
        }
        let runURL = Self.runURL(context.environment)
        // The comment fits GitHub's limit; the report and the summary hold everything.
        let text = PreviewComment(preview: preview, version: version, runURL: runURL, marker: marker).markdown
        let full = PreviewComment(preview: preview, version: version, runURL: runURL, marker: marker, budget: 900_000).markdown
        try session.writeFile(full, to: reportURL)
        session.summarize { $0.raw(full) }
        var commentURL: String?
        if let commentOn {
            commentURL = try await writer.write(session.redact(text), to: commentOn.repository, number: commentOn.number, session)
        }
        for rule in preview.rules where rule.error != nil {
            session.emit(Diagnostic(.warning, "\(rule.repository), rule \(rule.ruleID): could not be previewed: \(rule.error ?? "")"))
        }
        if preview.conflicts > 0 {
            session.emit(Diagnostic(.warning, "Released, this change would leave \(preview.conflicts) conflict\(preview.conflicts == 1 ? "" : "s") with downstream overrides or edits (listed in the preview).",
                                    title: "Sync preview"))
        }
        let blocked = Array(Set(preview.blockedRules.map(\.ruleID))).sorted()
        session.log("Preview: \(preview.changedFiles) file\(preview.changedFiles == 1 ? "" : "s") in \(preview.targets - preview.unchangedTargets) target\(preview.targets - preview.unchangedTargets == 1 ? "" : "s"), "
            + "\(preview.unchangedTargets) unchanged, \(preview.conflicts) conflict\(preview.conflicts == 1 ? "" : "s"), \(blocked.count) rule\(blocked.count == 1 ? "" : "s") blocked.")
        try setOutputs(session, blocked: blocked, conflicts: preview.conflicts, changedTargets: Set(preview.rules.filter { !$0.files.isEmpty }.map(\.repository)).count,
                       report: reportURL, comment: commentURL)
        return blocked.isEmpty ? .success : .failed
    }

    private func setOutputs(_ session: StepSession, blocked: [String], conflicts: Int, changedTargets: Int, report: URL, comment: String?) throws {
        try session.setOutput(Output.blocked, blocked.joined(separator: ","))
        try session.setOutput(Output.conflicts, String(conflicts))
        try session.setOutput(Output.changedTargets, String(changedTargets))
        try session.setOutput(Output.report, report.path)
        try session.setOutput(Output.comment, comment ?? "")
    }

    /// The pull_request event, when the run has one; any other event has no pull request to preview.
    static func event(_ environment: [String: String]) throws -> PullRequestEvent? {
        let name = environment["GITHUB_EVENT_NAME"] ?? ""
        guard name == "pull_request" || name == "pull_request_target" else { return nil }
        guard let path = environment["GITHUB_EVENT_PATH"], let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.configuration("the \(name) event has no payload at GITHUB_EVENT_PATH.")
        }
        guard case .pullRequest(let event) = try ActionsEvent.decode(name: name, payload: data) else { return nil }
        return event
    }

    static func runURL(_ environment: [String: String]) -> String? {
        guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"], let run = environment["GITHUB_RUN_ID"],
              RepositoryNames.isValid(repository), run.allSatisfy(\.isNumber)
        else { return nil }
        return "\(server)/\(repository)/actions/runs/\(run)"
    }
}

/// Keeps exactly one preview comment on a pull request, found by its marker: created once,
/// edited when the preview changes (never when it does not), deleted when there is nothing to preview.
struct PreviewCommentWriter {
    var forge: any Forge
    /// The first line of the step's own comment: other comments are never edited or deleted.
    var marker: String

    /// `text` is already redacted (as the forge stores it), so an unchanged preview compares equal.
    func write(_ text: String, to repository: String, number: Int, _ session: StepSession) async throws -> String {
        let mine = try await forge.comments(repository, number: number).filter { $0.body.hasPrefix(marker) }
        if let first = mine.first {
            // A second one (two runs racing) is removed: one comment per pull request.
            for extra in mine.dropFirst() { try await forge.deleteComment(repository, id: extra.id) }
            guard first.body != text else {
                session.log("The preview comment is up to date: \(first.url)")
                return first.url
            }
            let updated = try await forge.updateComment(repository, id: first.id, body: text)
            session.log("Preview comment edited: \(updated.url)")
            return updated.url
        }
        let created = try await forge.createComment(repository, number: number, body: text)
        session.log("Preview comment posted: \(created.url)")
        return created.url
    }

    func remove(from repository: String, number: Int, _ session: StepSession) async throws {
        for comment in try await forge.comments(repository, number: number) where comment.body.hasPrefix(marker) {
            try await forge.deleteComment(repository, id: comment.id)
            session.log("Preview comment removed: the pull request no longer touches a synced file.")
        }
    }
}
