import ActionsRuntime
import Delivery
import Diagnostics
import Foundation
import SyncCore
import SyncKit

/// `plan-sync`: rules + event + mode → which files go where, rendered, with a sharded matrix.
package struct PlanSyncStep: StepCommand {
    package static let definition = StepDefinition(
        name: "plan-sync",
        summary: "Work out which upstream files go to which repository, rendered and stamped, and split the targets into shards.",
        inputs: [
            Input.rulesDir.spec, Input.targetsFile.spec, Input.settings.spec, Input.mode.spec, Input.targetRepos.spec,
            Input.rules.spec, Input.force.spec, Input.version.spec, Input.maxShards.spec, Input.state.spec,
            Input.forge.spec, Input.sourceRepo.spec, Input.planDir.spec,
        ] + ForgeInputs.github,
        outputs: [Output.plan.spec, Output.matrix.spec, Output.targets.spec, Output.hasChanges.spec],
        secretVariables: [ForgeSelection.tokenVariable]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let context = session.context
        let mode = try inputs(Input.mode)
        let maxShards = try inputs(Input.maxShards)
        let rulesDirectory = try inputs(Input.rulesDir)
        let loading = Date()
        var ruleSet = try await session.group("Load rules") {
            try RuleInputs.load(session, rulesDirectory: Input.rulesDir, targetsFile: Input.targetsFile, settings: Input.settings)
        }
        if !ruleSet.unresolved.isEmpty {
            let forge = try inputs(Input.forge).isEmpty ? nil : try ForgeSelection.make(session, forge: Input.forge)
            ruleSet = try await session.group("Resolve target selectors") { try await RuleInputs.resolvingSelectors(ruleSet, forge: forge, session) }
        }
        session.debug("rules loaded in \(Int(Date().timeIntervalSince(loading) * 1000)) ms")
        session.log("Loaded \(ruleSet.rules.count) rule\(ruleSet.rules.count == 1 ? "" : "s") from \(rulesDirectory).")

        let run = try PlanRunContext.resolve(PlanRunContext.Inputs(
            environment: context.environment, workingDirectory: context.workingDirectory, gitEnvironment: context.gitEnvironment,
            sourceRepository: try inputs(Input.sourceRepo), version: try inputs(Input.version),
            today: String(ISO8601DateFormatter().string(from: context.now()).prefix(10))
        ))
        let targets = try RuleInputs.targets(session, Input.targetRepos, rules: ruleSet)
        let ruleIDs = try RuleInputs.ruleIDs(session, Input.rules, rules: ruleSet)
        // A target the named rules leave out (a selector chose it without the values it needs):
        // said, never planned as an empty sync.
        if let targets, !ruleIDs.isEmpty, ruleIDs != ["all"] {
            for name in targets {
                let served = ruleSet.rules.contains { ruleIDs.contains($0.id) && $0.targetRepository.lowercased() == name.lowercased() }
                if !served, let problem = RuleInputs.leftOut(name, rules: ruleSet, of: ruleIDs) {
                    throw InputError.invalid(Input.targetRepos.name, reason: problem)
                }
            }
        }
        var refused = Set<String>()
        let states = try await loadStates(session, rules: ruleSet, refused: &refused)
        let planned = refused.isEmpty ? targets : Set((targets.map(Array.init) ?? ruleSet.rules.map(\.targetRepository)).filter { !refused.contains($0.lowercased()) })
        let request = PlanRequest(
            rules: ruleSet, source: run.source, trigger: run.trigger(ruleIDs: ruleIDs), mode: mode,
            targets: planned,
            ruleFilter: run.isManual || ruleIDs.isEmpty || ruleIDs == ["all"] ? nil : Set(ruleIDs),
            force: try inputs(Input.force), version: run.version, tag: run.tag, releaseDate: run.releaseDate,
            sourceRepository: run.sourceRepository, serverURL: context.environment["GITHUB_SERVER_URL"] ?? "https://github.com",
            states: states, changedSincePreviousRelease: mode == .delta ? try run.changedSincePreviousRelease() : nil,
            createdAt: ISO8601DateFormatter().string(from: context.now()), releaseNotes: run.releaseNotes
        )
        var output: Planner.Output
        let planning = Date()
        defer { session.debug("planned in \(Int(Date().timeIntervalSince(planning) * 1000)) ms") }
        output = try await session.group("Plan \(ruleSet.rules.count) rules from \(run.source.description)") {
            try Planner().plan(request)
        }
        // A file whose name holds a secret value would carry it into a commit (masked names are
        // no better: they are not the file's name). Refused by name, and left out of the plan.
        var secretNames = 0
        for targetIndex in output.plan.targets.indices {
            for ruleIndex in output.plan.targets[targetIndex].rules.indices {
                let rule = output.plan.targets[targetIndex].rules[ruleIndex]
                let leaking = rule.files.filter { session.redact($0.source) != $0.source || session.redact($0.destination) != $0.destination }
                guard !leaking.isEmpty else { continue }
                secretNames += leaking.count
                output.plan.targets[targetIndex].rules[ruleIndex].files.removeAll { file in leaking.contains { $0.source == file.source } }
                output.plan.targets[targetIndex].rules[ruleIndex].skippedFiles += leaking.map {
                    SkippedFile(source: session.redact($0.source), reason: "file name refused: it holds the value of a secret")
                }
                session.emit(Diagnostic(.error, "\(leaking.count) file name\(leaking.count == 1 ? "" : "s") of rule \(rule.ruleID) hold the value of a secret; they are not synced. Rename them upstream.", title: "Rule \(rule.ruleID)"))
            }
        }
        if secretNames > 0 {
            let used = Set(output.plan.targets.flatMap { $0.rules.flatMap { $0.files.map(\.sha256) } })
            output.blobs = output.blobs.filter { used.contains($0.key) }
        }
        for problem in output.problems {
            session.emit(problem)
        }

        let planDirectory = try inputs(Input.planDir).map(context.url(forPath:))
            ?? context.scratchDirectory.appendingPathComponent("plan")
        let writing = Date()
        let planURL = try PlanArtifact.write(output.plan, blobs: output.blobs, into: planDirectory, redact: session.redactData).planFile
        session.debug("plan.json and \(output.blobs.count) blobs written in \(Int(Date().timeIntervalSince(writing) * 1000)) ms")
        let shards = PlanMatrix.shards(output.plan, maxShards: maxShards)
        let changed = output.plan.targets.filter { $0.fileCount > 0 || $0.rules.contains { !$0.orphans.isEmpty } }.map(\.repository)
        session.summarize { PlanSummary(plan: output.plan, shards: shards, problems: output.problems).write(into: &$0) }
        session.log("Planned \(output.plan.fileCount) file\(output.plan.fileCount == 1 ? "" : "s") for \(changed.count) target\(changed.count == 1 ? "" : "s") in \(shards.count) shard\(shards.count == 1 ? "" : "s"); plan at \(planURL.path).")

        try session.setOutput(Output.plan, planURL.path)
        try session.setOutput(Output.matrix, PlanMatrix.json(shards))
        try session.setOutput(Output.targets, changed.joined(separator: ","))
        try session.setOutput(Output.hasChanges, output.plan.hasChanges ? "true" : "false")
        return output.problems.isEmpty && refused.isEmpty && secretNames == 0 ? .success : .failed
    }

    /// The targets' sync states; a target whose state is refused (edited or forged) goes into
    /// `refused` and is left out of the plan.
    private func loadStates(_ session: StepSession, rules: RuleSet, refused: inout Set<String>) async throws -> [String: TargetState] {
        if try !session.inputs(Input.forge).isEmpty {
            let forge = try ForgeSelection.make(session, forge: Input.forge)
            defer { ForgeSelection.report(forge, session) }
            let reader = StateReader(forge: forge, layout: rules.settings.layout)
            let repositories = Set(rules.rules.map(\.targetRepository)).sorted()
            FleetPrefetchLog.report(await reader.prefetch(repositories), of: repositories.count, session)
            var states: [String: TargetState] = [:]
            for repository in repositories {
                do {
                    states[repository] = try await reader.targetState(of: repository)
                } catch let error as Diagnostic {
                    // A state that was edited or forged in the target: that target is not planned.
                    // Reported, not fatal: the other targets are planned.
                    var refusal = error
                    refusal.category = .finding
                    session.emit(refusal)
                    refused.insert(repository.lowercased())
                } catch {
                    session.emit(Diagnostic(.warning, "Cannot read the sync state of \(repository): \(error). It is planned as if never synced."))
                }
            }
            return states
        }
        guard let path = try session.inputs(Input.state) else { return [:] }
        let text = try ConfigFile.read(session.context.url(forPath: path), shownAs: path, maximumBytes: 256 << 20)
        do {
            return try JSONDecoder().decode([String: TargetState].self, from: Data(text.utf8))
        } catch {
            throw Diagnostic.configuration("\(path): not a sync state file ({repo: {version, files: {path: {sha256, rule}}}}): \(error)")
        }
    }
}
