import Diagnostics
import Foundation
import SyncCore

/// Every rule of the upstream repository, checked together and in dependency order.
package struct RuleSet: Sendable {
    /// Rules in topological order of `depends_on`, ties broken by id.
    /// A rule with `target_repos` appears once per repository, all with its id.
    package var rules: [SyncRule]
    package var settings: SyncSettings
    /// Rules whose `target_repos` hold selectors: expanded by `resolvingSelectors(_:)`, which
    /// needs the forge; until then they are not in `rules`.
    package var unresolved: [SyncRule] = []
    /// sync_targets.yml, for the default rules and target values of repositories selectors find.
    package var targets: SyncTargets?
    /// Repositories a selector chose that the rule cannot be planned for (its target_path has no
    /// valid form with the repository's values): each is left out with why, never failing the
    /// fleet, since a repository created in the organisation must not stop every other sync.
    package var skippedTargets: [SkippedRule] = []

    package init(rules: [SyncRule], settings: SyncSettings) throws(DiagnosticGroup) {
        self.settings = settings
        self.rules = try Self.ordered(rules)
    }

    package func rule(_ id: String) -> SyncRule? { rules.first { $0.id == id } }

    /// One rule file's text, `file` naming it in every problem.
    package static func decodeRule(_ text: String, file: String) throws(Diagnostic) -> SyncRule {
        guard let root = try ConfigNode.parse(text, file: file) else {
            throw Diagnostic.configuration(file: file, line: 1, message: "the rule file is empty.", hint: "Write one 'sync_rule:' mapping.")
        }
        return try RuleDecoding.decode(root)
    }

    /// Loads the rules folder (`*.yaml`, `*.yml`; `archived/` is skipped), `sync_targets.yml` and
    /// the settings file. All problems of all files are reported together.
    package static func load(
        rulesFolder: URL, rulesFolderName: String, targetsFile: (url: URL, name: String)?, settingsFile: (url: URL, name: String)?
    ) throws(DiagnosticGroup) -> RuleSet {
        var errors: [Diagnostic] = []
        var settings = SyncSettings()
        if let settingsFile, FileManager.default.fileExists(atPath: settingsFile.url.path) {
            do {
                settings = try SyncSettings.parse(try ConfigFile.read(settingsFile.url, shownAs: settingsFile.name), file: settingsFile.name)
            } catch {
                errors.append(error)
            }
        }
        var rules: [SyncRule] = []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: rulesFolder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
            for name in names {
                let shown = rulesFolderName.hasSuffix("/") ? rulesFolderName + name : rulesFolderName + "/" + name
                do throws(Diagnostic) {
                    rules.append(try decodeRule(try ConfigFile.read(rulesFolder.appendingPathComponent(name), shownAs: shown), file: shown))
                } catch {
                    errors.append(error)
                }
            }
        } else if targetsFile == nil || !FileManager.default.fileExists(atPath: targetsFile!.url.path) {
            errors.append(Diagnostic.configuration(file: rulesFolderName, message: "the rules folder does not exist.", hint: "Create it with one YAML file per sync_rule, or pass the folder with --rules-dir."))
        }
        var targets: SyncTargets?
        if let targetsFile, FileManager.default.fileExists(atPath: targetsFile.url.path) {
            do {
                targets = try SyncTargets.parse(try ConfigFile.read(targetsFile.url, shownAs: targetsFile.name), file: targetsFile.name)
            } catch {
                errors.append(error)
            }
        }
        let unresolved = rules.filter(\.hasSelectors)
        var expanded: [SyncRule] = []
        for rule in rules where !rule.hasSelectors {
            expanded += rule.targetEntries.isEmpty ? [rule] : rule.expanded(to: rule.listedRepositories.map { ($0, "listed") })
        }
        if let targets {
            let covered = Set(expanded.map(\.targetRepository))
            expanded += targets.defaultRules(settings: settings, skipping: covered)
        }
        var set = try finished(expanded, settings: settings, targets: targets, unresolved: unresolved, errors: errors)
        set.unresolved = unresolved
        return set
    }

    /// Target values and target_path per repository, then every check of the whole set.
    private static func finished(_ rules: [SyncRule], settings: SyncSettings, targets: SyncTargets?, unresolved: [SyncRule],
                                 errors earlier: [Diagnostic]) throws(DiagnosticGroup) -> RuleSet {
        var errors = earlier
        var skipped: [(rule: SyncRule, row: SkippedRule, problem: Diagnostic)] = []
        let entered = Set((targets?.repositories ?? []).map { $0.lowercased() })
        let entryKeys = Set(targets?.variables.values.flatMap(\.keys) ?? [])
        let rules = rules.compactMap { rule -> SyncRule? in
            var rule = rule
            if let targets { rule.targetVariables = targets.variables(of: rule.targetRepository) }
            do throws(Diagnostic) {
                return try rule.expandingTargetPath()
            } catch {
                // Left out: a repository a selector found that sync_targets.yml does not know yet,
                // lacking a value other entries give (or whose name makes no folder). A key no
                // entry gives is a typo, and an entry's own bad value the configuration's error.
                let known = Set(rule.targetValues.keys).union(entryKeys)
                if rule.isChosenBySelector, !entered.contains(rule.targetRepository.lowercased()),
                   let keys = rule.targetPathKeys, keys.allSatisfy(known.contains) {
                    skipped.append((rule, SkippedRule(ruleID: rule.id, repository: rule.targetRepository,
                                                      reason: "skipped: chosen by \(rule.selectedBy ?? "a selector"), but \(error.message)"), error))
                } else {
                    errors.append(error)
                }
                return nil
            }
        }
        // A rule none of whose targets is left is the rule's problem: never a silent empty sync.
        var planned = Set(rules.map(\.id))
        for entry in skipped where planned.insert(entry.rule.id).inserted {
            errors.append(Diagnostic.configuration(file: entry.rule.file, line: entry.rule.line,
                                                   message: "rule '\(entry.rule.id)': every repository its selectors chose is left out; the first: \(entry.problem.message)"))
        }
        errors += duplicateIDs(rules + unresolved)
        errors += missingDependencies(rules, alsoDefined: Set(unresolved.map(\.id)))
        errors += reservedTargets(rules, layout: settings.layout)
        guard errors.isEmpty else { throw DiagnosticGroup(once: errors) }
        var set = try RuleSet(rules: rules, settings: settings)
        set.targets = targets
        set.skippedTargets = skipped.map(\.row)
        return set
    }

    /// The rules with every selector resolved through `list` (an owner's repositories, read once
    /// per owner): one rule per repository chosen, `selectedBy` saying which selector chose it. A
    /// selector that chooses nothing, or an owner that cannot be listed, is an error naming the
    /// selector's file and line; never a silent empty sync.
    /// `excluding`: the upstream repository, which a selector never chooses (a sync into itself).
    package func resolvingSelectors(
        excluding upstream: String? = nil,
        _ list: (String) async throws -> [(name: String, topics: [String], archived: Bool, fork: Bool)]
    ) async throws(DiagnosticGroup) -> RuleSet {
        guard !unresolved.isEmpty else { return self }
        var listings: [String: [(name: String, topics: [String], archived: Bool, fork: Bool)]] = [:]
        var errors: [Diagnostic] = []
        var expanded = rules.filter { !$0.isDefaultRule }
        for rule in unresolved {
            var chosen: [(String, String)] = []
            var taken = Set<String>()
            // Listed repositories first, whatever the order: one a selector also finds is listed.
            for name in rule.listedRepositories where taken.insert(name.lowercased()).inserted { chosen.append((name, "listed")) }
            for entry in rule.targetEntries {
                switch entry {
                case .repository:
                    continue
                case .selector(let selector):
                    let key = selector.owner.lowercased()
                    if listings[key] == nil {
                        do {
                            listings[key] = try await list(selector.owner)
                        } catch {
                            errors.append(Diagnostic.configuration(file: rule.file, line: selector.line, column: selector.column,
                                                                   message: "rule '\(rule.id)': the repositories of \(selector.owner) cannot be listed: \(error)"))
                            listings[key] = []
                            continue
                        }
                    }
                    let listing = listings[key] ?? []
                    let matches = listing.filter { $0.name.lowercased() != upstream?.lowercased() && selector.selects(name: $0.name, topics: $0.topics, archived: $0.archived, fork: $0.fork) }
                        .map(\.name).sorted { $0.lowercased() < $1.lowercased() }
                    guard !matches.isEmpty else {
                        errors.append(Diagnostic.configuration(
                            file: rule.file, line: selector.line, column: selector.column,
                            message: "rule '\(rule.id)': the selector (\(selector.description)) chooses no repository among the \(listing.count) of \(selector.owner).",
                            hint: "A selector that matches nothing is an error, never an empty sync: check the topics and the name glob."
                        ))
                        continue
                    }
                    for name in matches where taken.insert(name.lowercased()).inserted { chosen.append((name, selector.description)) }
                }
            }
            expanded += rule.expanded(to: chosen)
        }
        if let targets {
            expanded += targets.defaultRules(settings: settings, skipping: Set(expanded.map(\.targetRepository)))
        }
        return try Self.finished(expanded, settings: settings, targets: targets, unresolved: [], errors: errors)
    }

    /// Two rule files with one id; the rules one `target_repos` expands to share theirs.
    static func duplicateIDs(_ rules: [SyncRule]) -> [Diagnostic] {
        var first: [String: SyncRule] = [:]
        var errors: [Diagnostic] = []
        for rule in rules {
            if let earlier = first[rule.id], earlier.location != rule.location || earlier.targetEntries.isEmpty {
                errors.append(Diagnostic.configuration(file: rule.file, line: rule.line, message: "duplicate rule id '\(rule.id)': also defined at \(earlier.location).", hint: "Rule ids must be unique; they name branches."))
            } else {
                first[rule.id] = rule
            }
        }
        return errors
    }

    /// A rule may not write into the namespace's own folders: its files would overwrite another
    /// rule's state or a team's overrides.
    static func reservedTargets(_ rules: [SyncRule], layout: SyncLayout) -> [Diagnostic] {
        rules.compactMap { rule in
            guard !rule.targetPath.isEmpty, let path = try? RepositoryPath(String(rule.targetPath.dropLast())),
                  let place = layout.reservedPlace(of: path) ?? layout.reservedFolders.first(where: { $0.lowercased().hasPrefix(rule.targetPath.lowercased()) })
            else { return nil }
            return Diagnostic.configuration(
                file: rule.file, line: rule.line,
                message: "rule '\(rule.id)': target_path '\(rule.targetPath)' is or holds \(place), which only flash-sync writes (sync state and overrides).",
                hint: "Choose a folder outside .\(layout.namespace)-sync-state/ and .\(layout.namespace)-overrides/."
            )
        }
    }

    static func missingDependencies(_ rules: [SyncRule], alsoDefined: Set<String> = []) -> [Diagnostic] {
        let ids = Set(rules.map(\.id)).union(alsoDefined)
        return rules.flatMap { rule in
            rule.dependsOn.filter { !ids.contains($0) }.map { missing in
                // Sorted, and never the rule itself: the same suggestion on every run.
                let suggestion = Suggestion.closest(to: missing, in: ids.subtracting([rule.id]).sorted())
                return Diagnostic.configuration(file: rule.file, line: rule.line, message: "rule '\(rule.id)' depends on '\(missing)', which no rule defines." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""))
            }
        }
    }

    /// Kahn's algorithm, taking the smallest ready id each time so the order is stable; a cycle is
    /// reported with its path.
    static func ordered(_ rules: [SyncRule]) throws(DiagnosticGroup) -> [SyncRule] {
        // A rule expanded to many targets is one node: its copies stay together, in listed order.
        let byID = Dictionary(grouping: rules, by: \.id)
        let ids = Set(rules.map(\.id))
        var remaining = Dictionary(rules.map { ($0.id, Set($0.dependsOn).intersection(ids)) }, uniquingKeysWith: { first, _ in first })
        var order: [SyncRule] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.value.isEmpty }.keys.sorted()
            guard !ready.isEmpty else {
                let cycle = findCycle(in: remaining)
                let rule = byID[cycle[0]]![0]
                throw DiagnosticGroup([Diagnostic.configuration(
                    file: rule.file, line: rule.line,
                    message: "depends_on forms a cycle: \((cycle + [cycle[0]]).joined(separator: " → ")).",
                    hint: "Remove one of these dependencies."
                )])
            }
            for id in ready {
                order += byID[id]!
                remaining[id] = nil
            }
            for key in remaining.keys { remaining[key]!.subtract(ready) }
        }
        return order
    }

    private static func findCycle(in graph: [String: Set<String>]) -> [String] {
        var visiting: [String] = []
        var done = Set<String>()
        func visit(_ id: String) -> [String]? {
            if let index = visiting.firstIndex(of: id) { return Array(visiting[index...]) }
            if done.contains(id) { return nil }
            visiting.append(id)
            for next in (graph[id] ?? []).sorted() where graph[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            visiting.removeLast()
            done.insert(id)
            return nil
        }
        for id in graph.keys.sorted() {
            if let cycle = visit(id) { return cycle }
        }
        return graph.keys.sorted()
    }
}
