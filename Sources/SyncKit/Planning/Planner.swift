import Diagnostics
import Foundation
import MarkdownScan
import SyncCore

/// Works out, deterministically, which files go to which repository with which content, and why.
package struct Planner: Sendable {
    package struct Output: Sendable {
        package var plan: Plan
        /// Rendered contents by SHA-256, for the blob store beside the plan.
        package var blobs: [String: Data]
        package var problems: [Diagnostic]
    }

    package init() {}

    package func plan(_ request: PlanRequest) throws(PlanError) -> Output {
        let rules = request.rules.rules
        let filters = rules.map(\.filter)
        // Every rule's files, selected or not: two rules may never write one path.
        let paths = request.source.paths
        let matched = filters.concurrentMap { filter in paths.filter(filter.selects) }
        try checkSelections(rules: rules, matched: matched, source: request.source)
        try checkOverlaps(request, rules: rules, matched: matched)

        var selected: [(index: Int, reason: String)] = []
        // Targets left out of the rules (RuleSet.skippedTargets), as far as this run asks for them.
        let targetFilter = request.targets.map { Set($0.map { $0.lowercased() }) }
        var skippedRules = request.rules.skippedTargets.filter { row in
            (targetFilter?.contains(row.repository.lowercased()) ?? true) && (request.ruleFilter?.contains(row.ruleID) ?? true)
        }
        for (index, rule) in rules.enumerated() {
            let decision = RuleSelection.decide(rule, request: request, filter: filters[index])
            if decision.selected {
                selected.append((index, decision.reason))
            } else {
                skippedRules.append(SkippedRule(ruleID: rule.id, repository: rule.targetRepository, reason: decision.reason))
            }
        }

        let needsInternalScan = selected.contains { rules[$0.index].transforms.contains(.stripInternalLinks) }
        var wanted = Set(selected.flatMap { matched[$0.index] })
        if needsInternalScan { wanted.formUnion(request.source.paths.filter(TextContent.isMarkdown)) }
        let read: (contents: [String: Data], tooLarge: [String: Int])
        do {
            read = try request.source.read(wanted.sorted())
        } catch {
            throw .source(error)
        }
        let renderer = FileRenderer(request: request, contents: read.contents, internalPaths: needsInternalScan ? internalPaths(request, contents: read.contents) : [])

        let tooLarge = read.tooLarge
        let results = selected.map { Selected(rule: rules[$0.index], paths: matched[$0.index], reason: $0.reason) }.concurrentMap { item in
            renderer.planRule(item.rule, paths: item.paths, reason: item.reason, tooLarge: tooLarge)
        }
        let planned: [PlannedRule?] = results.map(\.rule)
        let problems = results.map(\.problems)

        // A rule that failed skips the rules that depend on it.
        var gate = DependencyGate(stopped: problems.enumerated().filter { !$0.element.isEmpty }.map { rules[selected[$0.offset].index].id })
        // Keyed without regard to case: two spellings of one repository are one target, named as
        // first written.
        var targets: [String: [PlannedRule]] = [:]
        var spellings: [String: String] = [:]
        for (slot, entry) in planned.enumerated() {
            guard let entry else { continue }
            let rule = rules[selected[slot].index]
            if gate.isStopped(rule.id) {
                skippedRules.append(SkippedRule(ruleID: rule.id, repository: rule.targetRepository, reason: "failed: \(problems[slot].first?.message ?? "rendering failed")"))
                continue
            }
            if let blocker = gate.blocker(of: rule.id, dependsOn: rule.dependsOn) {
                skippedRules.append(SkippedRule(ruleID: rule.id, repository: rule.targetRepository, reason: "skipped: depends on '\(blocker)', which failed"))
                continue
            }
            let key = rule.targetRepository.lowercased()
            if spellings[key] == nil { spellings[key] = rule.targetRepository }
            targets[key, default: []].append(entry)
        }

        let plan = Plan(
            version: request.version, tag: request.tag, sourceRepository: request.sourceRepository,
            sourceCommit: request.source.commit, source: request.source.description, event: request.trigger.name,
            mode: request.mode, force: request.force, namespace: request.rules.settings.namespace,
            sourceRoot: request.rules.settings.sourceRoot, releaseNotes: request.releaseNotes, createdAt: request.createdAt,
            targets: targets.keys.sorted().map { PlannedTarget(repository: spellings[$0] ?? $0, rules: targets[$0] ?? []) },
            skippedRules: skippedRules,
            // A refused name may hold control characters: shown escaped, never raw in Markdown or logs.
            notes: request.source.refused.map { "\(RepositoryPath.problem($0.path) == nil ? $0.path : $0.path.debugDescription): \($0.reason)" }
        )
        return Output(plan: plan, blobs: renderer.blobs, problems: problems.flatMap { $0 })
    }

    private struct Selected: Sendable {
        var rule: SyncRule
        var paths: [String]
        var reason: String
    }

    /// A rule that selects no file is a typo, not an empty sync: with delete_orphaned it would
    /// remove everything it synced before.
    private func checkSelections(rules: [SyncRule], matched: [[String]], source: SourceTree) throws(PlanError) {
        var errors: [Diagnostic] = []
        // An include pattern that matches none of the files the source selects is a typo too: it
        // silently narrows the rule (and, with delete_orphaned, removes what it no longer selects).
        var checked = Set<String>()
        for rule in rules where checked.insert(rule.id).inserted {
            let sourced = source.paths.filter(rule.source.matches)
            for include in rule.include where !sourced.contains(where: include.matches) {
                errors.append(Diagnostic.configuration(
                    file: rule.file, line: rule.line,
                    message: "rule '\(rule.id)': filters.include '\(include.pattern)' matches none of the \(sourced.count) files source '\(rule.source.pattern)' selects.",
                    hint: "Check the pattern for a typo."
                ))
            }
        }
        for (index, rule) in rules.enumerated() where matched[index].isEmpty && !errors.contains(where: { $0.message.hasPrefix("rule '\(rule.id)'") }) {
            let filters = rule.include.isEmpty && rule.exclude.isEmpty ? "" : " with its include/exclude filters"
            let refused = source.refused.filter { rule.filter.selects($0.path) }
            let why = refused.isEmpty ? "" : " (\(refused.count) matching file\(refused.count == 1 ? " is" : "s are") refused: \(refused[0].path): \(refused[0].reason))"
            errors.append(Diagnostic.configuration(
                file: rule.file, line: rule.line,
                message: "rule '\(rule.id)': source '\(rule.source.pattern)'\(filters) selects no file of the \(source.paths.count) in \(source.description)\(why).",
                hint: "Check the pattern for a typo; a rule that should sync nothing for now belongs in archived/."
            ))
        }
        if !errors.isEmpty { throw .configuration(DiagnosticGroup(once: errors)) }
    }

    /// Two rules writing the same path in the same repository, on the same branch, would make
    /// syncs flip-flop. Checked on the expanded rules (target values in target_path resolved).
    private func checkOverlaps(_ request: PlanRequest, rules: [SyncRule], matched: [[String]]) throws(PlanError) {
        var writers: [String: [SyncRule]] = [:]
        var errors: [Diagnostic] = []
        // The branch a rule writes; nil when it is the default branch and planning does not know its name.
        func branch(_ rule: SyncRule) -> String? {
            (rule.targetBranch ?? request.state(of: rule.targetRepository)?.defaultBranch)?.lowercased()
        }
        for (index, rule) in rules.enumerated() {
            for path in matched[index] {
                guard var destination = rule.destination(of: path) else { continue }
                if rule.strategy == .reference { destination = ReferenceStub.destination(for: destination) }
                // GitHub compares owner and repository names without regard to case.
                // Case-insensitive checkouts (macOS, Windows) would see Docs/a.md and docs/a.md as one file.
                let key = rule.targetRepository.lowercased() + "\u{0}" + destination.lowercased()
                let mine = branch(rule)
                if let other = writers[key, default: []].first(where: { other in
                    guard other.id != rule.id else { return false }
                    let theirs = branch(other)
                    return mine == nil || theirs == nil || mine == theirs
                }) {
                    let place = mine ?? branch(other) ?? "the default branch"
                    errors.append(Diagnostic.configuration(
                        file: rule.file, line: rule.line,
                        message: "rules '\(other.id)' (\(other.location)) and '\(rule.id)' both write \(destination) in \(rule.targetRepository) on \(place); a path can have only one writer, or syncs would oscillate.",
                        hint: "Narrow one rule's source or filters, give them different target_path folders, or different target_branch values."
                    ))
                    break
                }
                writers[key, default: []].append(rule)
            }
        }
        if !errors.isEmpty { throw .configuration(DiagnosticGroup(errors)) }
    }

    /// Paths that are internal-only: configured globs, or Markdown with `internal: true` in frontmatter.
    private func internalPaths(_ request: PlanRequest, contents: [String: Data]) -> Set<String> {
        var result = Set<String>()
        let globs = request.rules.settings.internalGlobs
        for path in request.source.paths where globs.contains(where: { $0.matches(path) }) {
            result.insert(path)
        }
        for (path, data) in contents where TextContent.isMarkdown(path) {
            guard let text = TextContent.decode(data), text.hasPrefix("---"),
                  let frontmatter = MarkdownDocument(text).frontmatter
            else { continue }
            if frontmatter.content.split(whereSeparator: \.isNewline).contains(where: { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "") == "internal:true" }) {
                result.insert(path)
            }
        }
        return result
    }
}

package enum PlanError: Error, CustomStringConvertible {
    case configuration(DiagnosticGroup)
    case source(SourceError)

    package var description: String {
        switch self {
        case .configuration(let errors): errors.description
        case .source(let error): error.description
        }
    }
}

extension PlanError: DiagnosticConvertible {
    /// Broken rules or unreadable upstream content: configuration errors, exit 2.
    package var diagnostics: [Diagnostic] {
        switch self {
        case .configuration(let errors): errors.diagnostics
        case .source(let error): error.diagnostics
        }
    }
}
