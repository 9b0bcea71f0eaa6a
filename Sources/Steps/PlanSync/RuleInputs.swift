import ActionsRuntime
import Foundation
import SyncKit

/// The rules, targets and settings inputs, read the same way by plan-sync and detect-drift: from
/// inside the repository only, and with every name a user types (`rules`, `target-repos`) checked
/// against what the rules define, so a typo fails with a suggestion instead of selecting nothing.
enum RuleInputs {
    static func load(_ session: StepSession) throws -> RuleSet {
        let context = session.context
        let root = context.workingDirectory
        let folder = try session.inputs.string("rules-dir")
        let folderURL = try RepositoryInputs.url(folder, input: "rules-dir", root: root)
        let given = !(session.inputs.raw("rules-dir") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if given, !FileManager.default.fileExists(atPath: folderURL.path) {
            throw StepFailure(.misconfigured, "input rules-dir: the folder '\(folder)' does not exist in \(root.path).")
        }
        func file(_ input: String) throws -> (url: URL, name: String)? {
            guard let path = try session.inputs.optionalString(input) else { return nil }
            return (try RepositoryInputs.url(path, input: input, root: root), path)
        }
        return try RuleSet.load(rulesFolder: folderURL, rulesFolderName: folder,
                                targetsFile: try file("targets-file"), settingsFile: try file("settings"))
    }

    /// The targets named in `target-repos` (nil for all); each must be a target of some rule,
    /// compared without regard to case as GitHub does.
    static func targets(_ session: StepSession, rules: RuleSet) throws -> Set<String>? {
        let names = try session.inputs.list("target-repos")
        guard !names.isEmpty, names != ["all"] else { return nil }
        let known = Array(Set(rules.rules.map(\.targetRepository))).sorted()
        let lowered = Set(known.map { $0.lowercased() })
        for name in names where !lowered.contains(name.lowercased()) {
            let suggestion = Suggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw InputError.invalid("target-repos", reason: "'\(name)' is not a target of any rule (\(known.count) target\(known.count == 1 ? "" : "s") known).\(suggestion)")
        }
        return Set(names)
    }

    /// The rule ids named in `rules` (nil for all); each must be defined.
    static func ruleIDs(_ session: StepSession, rules: RuleSet) throws -> [String] {
        let names = try session.inputs.list("rules")
        guard !names.isEmpty, names != ["all"] else { return names }
        let known = rules.rules.map(\.id).sorted()
        for name in names where !known.contains(name) {
            let suggestion = Suggestion.closest(to: name, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw InputError.invalid("rules", reason: "no rule has the id '\(name)'.\(suggestion)")
        }
        return names
    }
}
