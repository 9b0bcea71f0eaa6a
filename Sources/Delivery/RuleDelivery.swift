import Foundation
import Forge
import SyncKit

/// Delivers one planned rule to its target: reads the target's state and overrides, merges,
/// writes the files and the new state in one commit on the sync branch, and opens or updates the
/// one pull request of that branch. Running it again with nothing new changes nothing.
struct RuleDelivery {
    let context: DeliveryContext
    let repository: String
    let rule: PlannedRule

    var layout: SyncLayout { context.layout }
    var forge: any Forge { context.forge }

    func run() async throws -> TargetResult {
        // An incremental plan of a target that has every file: nothing to read, nothing to write.
        if rule.files.isEmpty && rule.orphans.isEmpty {
            return result(.unchanged, counts: FileCounts(), message: "nothing to deliver: every file is as the last sync left it")
        }
        let info = try await forge.repository(repository)
        guard info.canPush else {
            return result(.failed, message: "the token cannot push to \(repository); grant contents and pull-requests write")
        }
        let base = rule.targetBranch ?? info.defaultBranch
        guard rule.branch.lowercased() != base.lowercased() else {
            return result(.failed, message: "the sync branch '\(rule.branch)' is the base branch itself; a sync never commits to its base (check branch_template)")
        }
        guard let baseHead = try await forge.head(repository, branch: base) else {
            return result(.failed, message: "the base branch '\(base)' does not exist in \(repository)")
        }
        let work = try await Reconciliation(context: context, repository: repository, rule: rule, baseCommit: baseHead.id).compute()
        guard !work.changes.isEmpty else {
            // Nothing to write is not always nothing to say: files left alone are named.
            let kept = work.notices.filter { $0.kind == .symbolicLinkKept }
            guard kept.isEmpty else {
                return result(.skipped, counts: FileCounts(), message: kept.map { "\($0.path) \($0.message)" }.joined(separator: "; "))
            }
            guard work.declined.isEmpty else { return try await closeDeclined(work.declined) }
            return result(.unchanged, counts: FileCounts(), message: "the target already has this content")
        }

        let existing = try await forge.head(repository, branch: rule.branch)
        if let existing, !existing.message.contains(DeliveryContext.trailer) {
            guard context.force else {
                return result(.skipped, message: "the branch \(rule.branch) was edited by hand; re-run with force to replace it")
            }
            // force replaces a sync branch someone edited, never a branch flash-sync did not make.
            let history = try await forge.history(repository, branch: rule.branch, limit: 50)
            guard history.contains(where: { $0.message.contains(DeliveryContext.trailer) }) else {
                return result(.skipped, message: "the branch \(rule.branch) holds no commit of flash-sync: it is not a sync branch, and is never replaced, even with force")
            }
        }
        let pulls = try await forge.openPullRequests(repository, headPrefix: layout.branchPrefix)
        let open = pulls.first { $0.head == rule.branch }
        // A branch that already holds this content needs no commit; without an open pull request
        // (an earlier run stopped between the push and the PR) it still gets one.
        var branchReady = false
        if let existing, existing.parents == [baseHead.id] { branchReady = try await sameChanges(existing.id, work.changes) }
        if branchReady, var open {
            // A re-run finishes what an earlier one could not: auto-merge on an open sync PR that should have it.
            var message = "the open pull request already holds this content"
            if !open.autoMerge, !context.dryRun, shouldAutoMerge(work, info: info) {
                let outcome = await autoMerge(open.number)
                open.autoMerge = outcome.enabled
                if let note = outcome.note { message += "; \(note)" }
            }
            return result(.unchanged, pullRequest: open, counts: work.counts, conflicts: work.conflictRanges, drifted: work.drifted,
                          message: message)
        }
        let title = PullRequestBody.title(namespace: layout.namespace, specName: work.specName, version: context.plan.version)
        if context.dryRun {
            return result(open == nil ? .opened : .updated, counts: work.counts, conflicts: work.conflictRanges, drifted: work.drifted,
                          message: "dry run: would commit \(work.changes.count) file\(work.changes.count == 1 ? "" : "s") to \(rule.branch)")
        }
        let message = "\(title)\n\nSync rule \(rule.ruleID) at \(context.plan.version) from \(context.plan.sourceRepository)"
            + (context.plan.sourceCommit.map { "@\($0.prefix(12))" } ?? "") + ".\n\n\(DeliveryContext.trailer)\nSync-Rule: \(rule.ruleID)\nSync-Version: \(context.plan.version)"
        if !branchReady {
            _ = try await forge.commit(repository, CommitRequest(branch: rule.branch, parent: baseHead.id, message: message, changes: work.changes))
        }

        let labels = Array(Set([layout.syncLabel, "auto-generated"] + rule.labels + (work.conflictRanges.isEmpty ? [] : [layout.conflictLabel]))).sorted()
        let reviewers = Reviewers.resolve(codeOwners: work.codeOwners, changed: work.fileChanges.map(\.path), extra: rule.reviewers)
        let draft = PullRequestDraft(head: rule.branch, base: base, title: title, body: work.body, labels: labels, reviewers: reviewers.users, teamReviewers: reviewers.teams)
        let pull: PullRequest
        let status: TargetResult.Status
        if let open {
            pull = try await forge.updatePullRequest(repository, number: open.number, draft)
            status = .updated
        } else {
            pull = try await forge.createPullRequest(repository, draft)
            status = .opened
        }
        for superseded in pulls where superseded.head != rule.branch && superseded.head.hasSuffix("/" + rule.ruleID) {
            try await forge.closePullRequest(repository, number: superseded.number, comment: "Superseded by #\(pull.number) (\(context.plan.version)).")
        }
        var reference = pull
        var notes = work.notices.map(\.message)
        if !work.declined.isEmpty { notes.append(Self.declinedNote(work.declined)) }
        if shouldAutoMerge(work, info: info) {
            let outcome = await autoMerge(pull.number)
            reference.autoMerge = outcome.enabled
            if let note = outcome.note { notes.append(note) }
        } else {
            reference.autoMerge = false
        }
        return result(work.conflictRanges.isEmpty ? status : .conflict, pullRequest: reference, counts: work.counts,
                      conflicts: work.conflictRanges, drifted: work.drifted, message: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// Auto-merge only a clean sync: every check passed, no conflict, no drifted edit to look at.
    private func shouldAutoMerge(_ work: Reconciliation.Work, info: ForgeRepository) -> Bool {
        work.conflictRanges.isEmpty && work.drifted.isEmpty && work.adopted.isEmpty && rule.validation?.overall == .pass
            && (rule.autoMerge ?? info.allowsAutoMerge)
    }

    /// Every change left is declined downstream: nothing is written, and an open sync pull
    /// request that still proposes them is closed (declining is the team's answer to it).
    private func closeDeclined(_ declined: [DeclinedChange]) async throws -> TargetResult {
        var message = Self.declinedNote(declined)
        let open = try await forge.openPullRequests(repository, headPrefix: layout.branchPrefix).filter { $0.head == rule.branch }
        for pull in open {
            if context.dryRun {
                message += "; dry run: would close #\(pull.number)"
                continue
            }
            try await forge.closePullRequest(repository, number: pull.number, comment: "Closed by the sync: every change it proposed is declined in `\(layout.declinedFile)`. "
                + "A later upstream change, or removing the entry, proposes it again.")
            message += "; closed #\(pull.number)"
        }
        return result(.unchanged, counts: FileCounts(), message: message)
    }

    static func declinedNote(_ declined: [DeclinedChange]) -> String {
        let names = declined.prefix(5).map(\.path).joined(separator: ", ") + (declined.count > 5 ? " and \(declined.count - 5) more" : "")
        return "\(declined.count) declined downstream, left as they are: \(names)"
    }

    /// Turns on auto-merge. The pull request is delivered whatever happens here: a failure is a
    /// note (the next run tries again), never a failed rule.
    private func autoMerge(_ number: Int) async -> (enabled: Bool, note: String?) {
        do {
            if case .enabled = try await forge.enableAutoMerge(repository, number: number) { return (true, nil) }
            return (false, nil)
        } catch {
            return (false, "warning: auto-merge was not turned on (\(error)); the pull request is open, and the next run tries again")
        }
    }

    /// Whether the branch's commit already makes these changes (state times aside).
    private func sameChanges(_ commit: String, _ changes: [String: Data?]) async throws -> Bool {
        let existing = try await forge.changes(repository, commit: commit)
        guard Set(existing.keys) == Set(changes.keys) else { return false }
        let statePath = layout.stateFile(rule: rule.ruleID)
        for (path, data) in changes {
            if path == statePath, let mine = data, let theirs = existing[path] ?? nil {
                guard var a = try? SyncState.decode(mine, path: path), var b = try? SyncState.decode(theirs, path: path) else { return false }
                a.syncedAt = ""
                b.syncedAt = ""
                for key in a.files.keys { a.files[key]?.syncedAt = "" }
                for key in b.files.keys { b.files[key]?.syncedAt = "" }
                if a != b { return false }
            } else if existing[path] ?? nil != data {
                return false
            }
        }
        return true
    }

    private func result(
        _ status: TargetResult.Status, pullRequest: PullRequest? = nil, counts: FileCounts = FileCounts(), conflicts: [ConflictRange] = [],
        drifted: [String] = [], message: String? = nil
    ) -> TargetResult {
        TargetResult(
            repository: repository, ruleID: rule.ruleID, status: status,
            pullRequest: pullRequest.map { PullRequestReference(number: $0.number, url: $0.url, autoMerge: $0.autoMerge) },
            files: counts, conflicts: conflicts, driftedFiles: drifted, message: message
        )
    }
}
