import Forge
import Foundation
import SyncCore
import SyncKit

/// Reads what the target has for one rule and works out the commit: every file reconciled with
/// overrides and drift, orphans, snapshots, DECISIONS.md stubs and the new state.
struct Reconciliation {
    let context: DeliveryContext
    let repository: String
    let rule: PlannedRule
    let baseCommit: String

    struct Work {
        var changes: [String: Data?] = [:]
        var fileChanges: [FileChange] = []
        var notices: [SyncNotice] = []
        var codeOwners: [String: Data] = [:]
        var body = ""
        var specName = ""
        /// Files the team declined in the overrides folder: left as they are.
        var declined: [DeclinedChange] = []
        /// Files the target held before any sync recorded them, and how they were adopted.
        var adopted: [AdoptedFile] = []
        /// DECISIONS.md as the base commit has it (conflict stubs are appended to it).
        var existingDecisions: String?
        /// What the target holds now at each path a file change modifies or removes (for diff stats).
        var previous: [String: Data] = [:]

        var counts: FileCounts {
            FileCounts(added: fileChanges.filter { $0.kind == .added }.count,
                       modified: fileChanges.filter { $0.kind == .modified }.count,
                       removed: fileChanges.filter { $0.kind == .removed }.count)
        }

        var conflictRanges: [ConflictRange] {
            fileChanges.flatMap { change in change.conflicts.map { ConflictRange(path: change.path, startLine: $0.start, endLine: $0.end) } }
        }

        var drifted: [String] { fileChanges.filter(\.drifted).map(\.path) }
    }

    /// `decisions`: whether the conflict stubs go into the work's changes (one rule per pull
    /// request), or are left to the caller (a shared pull request writes DECISIONS.md once).
    func compute(decisions: Bool = true) async throws -> Work {
        let layout = context.layout
        let forge = context.forge
        let statePath = layout.stateFile(rule: rule.ruleID)
        let overrides = Set(try await forge.list(repository, at: baseCommit, under: String(layout.overridesFolder.dropLast())))
        var wanted = [statePath, layout.decisionsFile, layout.declinedFile] + Reviewers.codeOwnersPaths + rule.orphans
        for file in rule.files {
            wanted += [file.destination, layout.snapshot(of: file.destination), layout.override(forSource: file.source)]
        }
        for orphan in rule.orphans { wanted.append(layout.snapshot(of: orphan)) }
        let contents = try await forge.files(repository, at: baseCommit, paths: Array(Set(wanted)))
        let oldState = try contents[statePath].map { try SyncState.decode($0, path: "\(repository):\(statePath)") }
        if let oldState { try checkState(oldState, path: statePath) }
        var files = oldState?.files ?? [:]
        var work = Work()
        let declined = try overrides.contains(layout.declinedFile) ? contents[layout.declinedFile].map { data in
            try DeclinedFiles.parse(TextContent.decode(data) ?? "\u{FFFD}", file: "\(repository):\(layout.declinedFile)")
        } : nil
        work.codeOwners = contents.filter { Reviewers.codeOwnersPaths.contains($0.key) }
        // A link at a path, or at a folder above it: writing there would write where the link points.
        let ancestors = Set(wanted.flatMap(Self.folders(above:)))
        let links = try await forge.symbolicLinks(repository, at: baseCommit, paths: Array(Set(wanted).union(ancestors)))
        func link(at path: String) -> String? {
            ([path] + Self.folders(above: path)).first(where: links.contains)
        }
        for own in [statePath, layout.decisionsFile, layout.snapshot(of: "x")] {
            if let found = link(at: own) {
                throw ForgeError("\(repository) has a symbolic link at \(found), where flash-sync keeps its own files (\(own)); nothing is synced until it is a regular file or folder again.")
            }
        }

        for file in rule.files {
            let overridePath = layout.override(forSource: file.source)
            if let link = link(at: file.destination) ?? link(at: overridePath) {
                work.notices.append(SyncNotice(.symbolicLinkKept, path: link, message: "is a symbolic link in the target: a link is never merged or overwritten, so \(file.destination) is not synced. "
                    + "Replace the link with a regular file (or delete it) and re-run"))
                continue
            }
            guard let theirs = context.blob(file.sha256), Checksum.sha256Hex(theirs) == file.sha256 else {
                throw ForgeError("the plan's content for \(file.destination) is missing or altered (blob \(file.sha256.prefix(12))); re-run plan-sync")
            }
            let current = contents[file.destination]
            let recorded = oldState?.files[file.destination]
            if let entry = declined?.entry(for: file.destination, upstreamSHA256: file.sourceSHA256 ?? file.sha256) {
                // Left exactly as it is, its state entry too: the next sync proposes it again only
                // when the entry is removed, or upstream changes a file declined at one version.
                work.declined.append(DeclinedChange(path: file.destination, reason: entry.reason, upstreamSHA256: entry.upstreamSHA256))
                continue
            }
            // The team's declined list is never an override (a source file named like it is synced without one).
            if let lapsed = declined?.entry(for: file.destination) {
                work.notices.append(SyncNotice(.note, path: file.destination, message: "declined in \(layout.declinedFile) at another upstream version (\(lapsed.upstreamSHA256?.prefix(12) ?? "")); "
                    + "upstream changed it again, so this version is proposed. Remove the entry (or pin this version) once decided: while it is listed, detect-drift ignores the file"))
            }
            let override = overridePath != layout.declinedFile && overrides.contains(overridePath) ? contents[overridePath].map { (overridePath, $0) } : nil
            var base = contents[layout.snapshot(of: file.destination)]
            if base == nil, let recorded, override != nil || current.map({ Checksum.sha256Hex($0) != recorded.sha256 }) == true {
                base = try await forge.blob(repository, object: recorded.gitBlob)
            }
            let outcome = FileReconciler.reconcile(.init(destination: file.destination, theirs: theirs, binary: file.binary, current: current,
                                                         recorded: recorded, override: override, base: base,
                                                         adopt: rule.adopt ?? .conflict, overridePath: overridePath, stamp: stamper(for: file),
                                                         stampKey: file.stamp.hasPrefix("\(context.plan.namespace)_version:") ? "\(context.plan.namespace)_version:" : nil))
            if let notice = outcome.notice { work.notices.append(notice) }
            if let adopted = outcome.adopted { work.adopted.append(AdoptedFile(path: file.destination, policy: adopted, override: outcome.newOverride?.path)) }
            if let (path, content) = outcome.newOverride, path != layout.declinedFile { work.changes[path] = .some(content) }
            if let snapshot = outcome.snapshot, contents[layout.snapshot(of: file.destination)] != snapshot {
                work.changes[layout.snapshot(of: file.destination)] = .some(snapshot)
            }
            if outcome.notice?.kind == .binaryKept && outcome.overrideUsed == nil {
                // A binary the target keeps is not what the sync wrote: its entry stays as it was
                // (none for a file no sync wrote), so the next sync keeps it again, never overwrites it.
                files[file.destination] = recorded
            } else {
                let entry = SyncState.File(
                    sha256: Checksum.sha256Hex(outcome.content), upstreamSHA256: file.sha256, gitBlob: Checksum.gitBlobID(outcome.content),
                    rule: rule.ruleID, version: context.plan.version, sourceCommit: context.plan.sourceCommit,
                    syncedAt: recorded?.sha256 == Checksum.sha256Hex(outcome.content) ? recorded!.syncedAt : context.now
                )
                files[file.destination] = entry
            }
            guard outcome.content != current else { continue }
            work.changes[file.destination] = .some(outcome.content)
            if let current { work.previous[file.destination] = current }
            work.fileChanges.append(FileChange(path: file.destination, kind: current == nil ? .added : .modified,
                                               override: outcome.overrideUsed, drifted: outcome.drifted, conflicts: outcome.conflicts))
        }
        reconcileOrphans(contents: contents, state: oldState, links: links, declined: declined, files: &files, work: &work)
        reportOverridesWithoutSource(overrides, work: &work)

        work.existingDecisions = contents[layout.decisionsFile].flatMap(TextContent.decode)
        if decisions, let log = Self.decisionsChange(context: context, existing: work.existingDecisions, conflicted: work.fileChanges) {
            work.changes[layout.decisionsFile] = .some(log)
        }
        if !work.changes.isEmpty {
            let state = SyncState(rule: rule.ruleID, version: context.plan.version, sourceRepository: context.plan.sourceRepository,
                                  sourceCommit: context.plan.sourceCommit, syncedAt: context.now, files: files)
            work.changes[statePath] = .some(try state.encoded())
        }
        work.specName = rule.ruleID
        work.body = PullRequestBody(
            version: context.plan.version, ruleID: rule.ruleID, specName: work.specName,
            changelogExcerpt: ChangelogExcerpt.excerpt(releaseNotes: context.plan.releaseNotes, changelog: context.changelog,
                                                       version: context.plan.version, sources: rule.files.map(\.source)),
            changes: work.fileChanges, validation: rule.validation, notices: work.notices, conflictLabel: layout.conflictLabel,
            declined: work.declined, adopted: work.adopted, declinedFile: layout.declinedFile,
            upstreamFiles: Dictionary(rule.files.compactMap { file in file.sourceSHA256.map { (file.destination, (file.source, $0)) } }, uniquingKeysWith: { first, _ in first })
        ).markdown
        return work
    }

    /// DECISIONS.md with a `conflict_resolution` stub per conflicted file appended; nil when no
    /// file has a conflict.
    static func decisionsChange(context: DeliveryContext, existing: String?, conflicted changes: [FileChange]) -> Data? {
        let conflicted = changes.filter { !$0.conflicts.isEmpty }
        guard !conflicted.isEmpty else { return nil }
        let entries = conflicted.map { DecisionLog.conflictStub(date: context.date, version: context.plan.version, file: $0.path, lines: $0.conflicts) }
        return Data(DecisionLog.appending(entries, to: existing).utf8)
    }

    /// Files upstream no longer produces: removed when unchanged downstream and the rule asks for it.
    private func reconcileOrphans(contents: [String: Data], state: SyncState?, links: Set<String>, declined: DeclinedFiles?,
                                  files: inout [String: SyncState.File], work: inout Work) {
        for path in rule.orphans {
            let recorded = state?.files[path]
            files[path] = nil
            guard let current = contents[path] else { continue }
            if let entry = declined?.entry(for: path) {
                files[path] = recorded
                work.declined.append(DeclinedChange(path: path, reason: entry.reason, upstreamSHA256: entry.upstreamSHA256))
                continue
            }
            if ([path] + Self.folders(above: path)).contains(where: links.contains) {
                work.notices.append(SyncNotice(.symbolicLinkKept, path: path, message: "upstream removed this file, and the target has a symbolic link here: kept"))
                continue
            }
            let unchanged = recorded.map { Checksum.sha256Hex(current) == $0.sha256 } ?? false
            if let kept = rule.orphansKept {
                work.notices.append(SyncNotice(.orphanKept, path: path, message: "upstream no longer produces this file; \(kept)"))
            } else if rule.deleteOrphaned && unchanged {
                work.changes[path] = .some(nil)
                work.previous[path] = current
                if contents[context.layout.snapshot(of: path)] != nil { work.changes[context.layout.snapshot(of: path)] = .some(nil) }
                work.fileChanges.append(FileChange(path: path, kind: .removed))
            } else {
                let why = rule.deleteOrphaned ? "changed downstream since the last sync, so it is kept" : "kept (delete_orphaned is off); remove it by hand or set delete_orphaned: true"
                work.notices.append(SyncNotice(.orphanKept, path: path, message: "upstream removed this file; \(why)"))
            }
        }
    }

    /// Stamps a downstream text with the release version as planning stamped `file` (nothing
    /// when planning did not stamp it).
    private func stamper(for file: PlannedFile) -> (Data) -> Data {
        let key = "\(context.plan.namespace)_version"
        guard file.stamp.hasPrefix(key + ":") else { return { $0 } }
        let plan = context.plan
        return { data in
            guard let text = TextContent.decode(data),
                  case .stamped(let stamped) = VersionStamp.stamp(text, path: file.destination, key: key, version: plan.version,
                                                                   origin: "\(plan.sourceRepository)@\(plan.tag):\(file.source)")
            else { return data }
            return Data(stamped.utf8)
        }
    }

    /// The folders above a path: `a/b/c.md` → `a`, `a/b`.
    static func folders(above path: String) -> [String] {
        let parts = path.split(separator: "/")
        guard parts.count > 1 else { return [] }
        return (1..<parts.count).map { parts[0..<$0].joined(separator: "/") }
    }

    /// The state is read from the target, where anyone with write access can edit it: a state
    /// of another rule, or an entry outside the rule's folder or in the namespace's own folders,
    /// stops the rule with the state file and the entry named; nothing is deleted or rewritten.
    private func checkState(_ state: SyncState, path: String) throws {
        guard state.rule == rule.ruleID else {
            throw ForgeError("\(repository):\(path) says it is the state of rule '\(state.rule)', not '\(rule.ruleID)'; the state was edited or forged: restore it from the last sync commit.")
        }
        // Entries outside the rule's folder (a target_path that changed) are kept and never deleted:
        // the plan does not list them as orphans.
        if let problem = state.entryProblem(layout: context.layout) {
            throw ForgeError("\(repository):\(path) \(problem); the state was edited or forged: restore it from the last sync commit.")
        }
    }

    /// An override whose upstream file no longer exists in the rule is kept and reported.
    private func reportOverridesWithoutSource(_ overrides: Set<String>, work: inout Work) {
        let layout = context.layout
        let planned = Set(rule.files.map { layout.override(forSource: $0.source) })
        let destinations = Set(rule.files.map(\.destination))
        for orphan in rule.orphans where !destinations.contains(orphan) {
            for override in overrides where !planned.contains(override) && override.hasSuffix("/" + (orphan.split(separator: "/").last.map(String.init) ?? orphan)) {
                work.notices.append(SyncNotice(.overrideWithoutSource, path: override, message: "override of \(orphan), which upstream removed: kept; delete it when it is no longer needed"))
            }
        }
    }
}
