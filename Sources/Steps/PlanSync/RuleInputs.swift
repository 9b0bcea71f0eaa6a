import ActionsRuntime
import Forge
import Diagnostics
import Foundation
import SyncCore
import SyncKit

/// The rules, targets and settings inputs, read the same way by plan-sync and detect-drift: from
/// inside the repository only, and with every name a user types (`rules`, `target-repos`) checked
/// against what the rules define, so a typo fails with a suggestion instead of selecting nothing.
/// Each step passes its own keys: plan-sync and detect-drift describe these inputs differently.
enum RuleInputs {
    static func load(
        _ session: StepSession, rulesDirectory: InputKey<String>, targetsFile: InputKey<String?>, settings: InputKey<String?>
    ) throws -> RuleSet {
        let context = session.context
        let root = context.workingDirectory
        let folder = try session.inputs(rulesDirectory)
        let folderURL = try RepositoryInputs.url(folder, input: rulesDirectory.name, root: root)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isFolder)
        if isGiven(rulesDirectory, session), !exists || !isFolder.boolValue {
            throw Diagnostic.configuration("input \(rulesDirectory.name): '\(folder)' is \(exists ? "a file, not a folder" : "not a folder") in \(root.path).")
        }
        // A file named on purpose must be there; the defaults may be missing.
        func file(_ input: InputKey<String?>) throws -> (url: URL, name: String)? {
            guard let path = try session.inputs(input) else { return nil }
            let url = try RepositoryInputs.url(path, input: input.name, root: root)
            if isGiven(input, session), !FileManager.default.fileExists(atPath: url.path) {
                throw Diagnostic.configuration("input \(input.name): '\(path)' does not exist in \(root.path).")
            }
            return (url, path)
        }
        return try RuleSet.load(rulesFolder: folderURL, rulesFolderName: folder,
                                targetsFile: try file(targetsFile), settingsFile: try file(settings))
    }

    /// The rules with their `target_repos` selectors resolved through the forge: each owner is
    /// listed once per run (on GitHub one request per 100 repositories). The repositories chosen
    /// are logged with the selector that chose each.
    static func resolvingSelectors(_ rules: RuleSet, forge: (any Forge)?, _ session: StepSession) async throws -> RuleSet {
        guard !rules.unresolved.isEmpty else { return rules }
        guard let forge else {
            let rule = rules.unresolved[0]
            throw Diagnostic.configuration(file: rule.file, line: rule.line,
                                           message: "rule '\(rule.id)' chooses its targets with a selector (target_repos), which needs a forge to list repositories: pass the forge input.")
        }
        let resolved = try await rules.resolvingSelectors(excluding: session.context.environment["GITHUB_REPOSITORY"]) { owner in
            try await forge.repositories(of: owner).map { ($0.name, $0.topics, $0.archived, $0.fork) }
        }
        let chosen = resolved.rules.filter(\.isChosenBySelector)
        session.log("Selectors chose \(chosen.count) target\(chosen.count == 1 ? "" : "s") for \(rules.unresolved.count) rule\(rules.unresolved.count == 1 ? "" : "s"):")
        for rule in chosen.prefix(200) { session.log("  \(rule.id) → \(rule.targetRepository) (\(rule.selectedBy ?? ""))") }
        if chosen.count > 200 { session.log("  … and \(chosen.count - 200) more (all in the plan)") }
        // GitHub shows ten warnings of a step: past five, one more says how many in all.
        let hint = "Give the repository a sync_targets.yml entry with the values target_path needs, or exclude it from the selector."
        for skipped in resolved.skippedTargets.prefix(5) {
            let rule = rules.unresolved.first { $0.id == skipped.ruleID }
            session.emit(Diagnostic(.warning, "\(skipped.repository): \(skipped.reason)", title: "Target left out", file: rule?.file, line: rule?.line, hint: hint))
        }
        if resolved.skippedTargets.count > 5 {
            let byRepository = Dictionary(grouping: resolved.skippedTargets) { $0.repository.lowercased() }
            let list = byRepository.values.map { rows in "\(rows[0].repository) (\(rows.map(\.ruleID).joined(separator: ", ")))" }.sorted()
            session.emit(Diagnostic(.warning, "\(resolved.skippedTargets.count) targets left out in all, \(list.count) repositor\(list.count == 1 ? "y" : "ies") of selectors: "
                + list.joined(separator: "; ") + ".", title: "Targets left out",
                hint: "Give each a sync_targets.yml entry with the values target_path needs, or exclude them from the selectors."))
        }
        return resolved
    }

    /// Whether the input names something other than its default (the action passes the
    /// defaults explicitly, and a default may be missing).
    private static func isGiven<Value>(_ input: InputKey<Value>, _ session: StepSession) -> Bool {
        let value = (session.inputs.raw(input.spec) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return !value.isEmpty && value != input.spec.defaultValue
    }

    /// The targets named in `target-repos` (nil for all); each must be a target of some rule,
    /// compared without regard to case as GitHub does.
    static func targets(_ session: StepSession, _ input: InputKey<[String]>, rules: RuleSet) throws -> Set<String>? {
        let names = try session.inputs(input)
        guard !names.isEmpty, names != ["all"] else { return nil }
        let known = Array(Set(rules.rules.map(\.targetRepository))).sorted()
        let lowered = Set(known.map { $0.lowercased() })
        for name in names where !lowered.contains(name.lowercased()) {
            if let problem = leftOut(name, rules: rules) { throw InputError.invalid(input.name, reason: problem) }
            let suggestion = Suggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw InputError.invalid(input.name, reason: "'\(name)' is not a target of any rule (\(known.count) target\(known.count == 1 ? "" : "s") known).\(suggestion)")
        }
        return Set(names)
    }

    /// Why `name` is not planned when a selector chose it and a rule (of `ruleIDs`, or any) left
    /// it out; nil when it is not left out.
    static func leftOut(_ name: String, rules: RuleSet, of ruleIDs: [String]? = nil) -> String? {
        rules.skippedTargets.first { left in left.repository.lowercased() == name.lowercased() && (ruleIDs?.contains(left.ruleID) ?? true) }
            .map { "'\(name)' is left out of rule '\($0.ruleID)': \($0.reason)" }
    }

    /// The rule ids named in `rules` (nil for all); each must be defined.
    static func ruleIDs(_ session: StepSession, _ input: InputKey<[String]>, rules: RuleSet) throws -> [String] {
        let names = try session.inputs(input)
        guard !names.isEmpty, names != ["all"] else { return names }
        let known = rules.rules.map(\.id).sorted()
        for name in names where !known.contains(name) {
            let suggestion = Suggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw InputError.invalid(input.name, reason: "no rule has the id '\(name)'.\(suggestion)")
        }
        return names
    }
}
