import Foundation
import Forge
import SyncKit

/// Delivers the rules of one pull request to a target: one rule (`pull_request: per_rule`, the
/// default), or every `per_target` rule with the same base. Reads the target's state and
/// overrides, merges, writes the files and each rule's new state in one commit on the sync
/// branch, and opens or updates the one pull request of that branch. Running it again with
/// nothing new changes nothing.
struct PullRequestDelivery {
    let context: DeliveryContext
    let repository: String
    /// One rule, or the rules sharing the target's pull request (same branch, same base).
    let rules: [PlannedRule]
    /// The target's rules that have pull requests of their own in this plan: a shared pull
    /// request holding only such rules was left behind by a switch back to `per_rule`.
    var perRuleIDs: Set<String> = []

    var layout: SyncLayout { context.layout }
    var forge: any Forge { context.forge }
    var branch: String { rules[0].branch }
    var shared: Bool { rules[0].pullRequest == .perTarget }

    /// One result per rule, in the order given: read and merge, refuse what must not be written
    /// over, commit, open or update the pull request, close what it supersedes.
    func run() async throws -> [TargetResult] {
        // An incremental plan of a target that has every file: nothing to read, nothing to write.
        let active = rules.filter { !$0.files.isEmpty || !$0.orphans.isEmpty }
        guard !active.isEmpty else {
            return rules.map { result($0, .unchanged, message: "nothing to deliver: every file is as the last sync left it") }
        }
        let info = try await forge.repository(repository)
        guard info.canPush else {
            return fail("the token cannot push to \(repository); grant contents and pull-requests write")
        }
        let base = rules[0].targetBranch ?? info.defaultBranch
        guard branch.lowercased() != base.lowercased() else {
            return fail("the sync branch '\(branch)' is the base branch itself; a sync never commits to its base (check branch_template)")
        }
        guard let baseHead = try await forge.head(repository, branch: base) else {
            return fail("the base branch '\(base)' does not exist in \(repository)")
        }
        let (works, changes) = try await reconcile(active, baseCommit: baseHead.id)
        guard !changes.isEmpty else { return try await nothingToWrite(works) }

        let existing = try await forge.head(repository, branch: branch)
        if let existing, let refusal = try await refusal(toReplace: existing) { return refusal }
        let pulls = try await forge.openPullRequests(repository, headPrefix: layout.branchPrefix)
        let open = pulls.first { $0.head == branch }
        let autoMerge = rules.allSatisfy { rule in works[rule.ruleID].map { shouldAutoMerge($0, rule: rule, info: info) } ?? true }
        // A branch that already holds this content needs no commit; without an open pull request
        // (an earlier run stopped between the push and the PR) it still gets one.
        var branchReady = false
        if let existing, existing.parents == [baseHead.id] { branchReady = try await sameChanges(existing.id, changes) }
        if branchReady, let open { return await finishing(open, works: works, autoMerge: autoMerge) }
        let title = self.title(works)
        if context.dryRun {
            return rules.map { rule in
                let work = works[rule.ruleID]
                return result(rule, work?.changes.isEmpty ?? true ? .unchanged : open == nil ? .opened : .updated, work: work,
                              message: "dry run: would commit \(changes.count) file\(changes.count == 1 ? "" : "s") to \(branch)")
            }
        }
        if !branchReady {
            _ = try await forge.commit(repository, CommitRequest(branch: branch, parent: baseHead.id, message: commitMessage(title), changes: changes))
        }
        let draft = self.draft(works, base: base, title: title)
        let pull: PullRequest
        if let open {
            pull = try await forge.updatePullRequest(repository, number: open.number, draft)
        } else {
            pull = try await forge.createPullRequest(repository, draft)
        }
        let keptOpen = try await closeSuperseded(pulls, by: pull)
        var reference = pull
        var autoMergeNote: String?
        if autoMerge {
            let outcome = await enableAutoMerge(pull.number)
            reference.autoMerge = outcome.enabled
            autoMergeNote = outcome.note
        } else {
            reference.autoMerge = false
        }
        return rules.map { rule in
            guard let work = works[rule.ruleID], !work.changes.isEmpty else {
                return result(rule, .unchanged, pullRequest: reference, message: "nothing new for this rule; its files are as the last sync left them")
            }
            // Each rule's own notes; what concerns the pull request (auto-merge) with each.
            var notes = work.notices.map(\.message)
            if !work.declined.isEmpty { notes.append(Self.declinedNote(work.declined)) }
            if let autoMergeNote { notes.append(autoMergeNote) }
            if !keptOpen.isEmpty { notes.append("left open: \(keptOpen.joined(separator: ", ")), which this run did not replace entirely") }
            return result(rule, work.conflictRanges.isEmpty ? (open == nil ? .opened : .updated) : .conflict, pullRequest: reference, work: work,
                          message: notes.isEmpty ? nil : notes.joined(separator: "; "))
        }
    }

    /// Each active rule merged against the target at `baseCommit`, and the files of the one
    /// commit they make together (DECISIONS.md once, for every rule's conflicts).
    private func reconcile(_ active: [PlannedRule], baseCommit: String) async throws -> (works: [String: Reconciliation.Work], changes: [String: Data?]) {
        var works: [String: Reconciliation.Work] = [:]
        for rule in active {
            works[rule.ruleID] = try await Reconciliation(context: context, repository: repository, rule: rule, baseCommit: baseCommit).compute(decisions: false)
        }
        var changes: [String: Data?] = [:]
        for work in works.values { changes.merge(work.changes) { first, _ in first } }
        let conflicted = works.values.flatMap { $0.fileChanges.filter { !$0.conflicts.isEmpty } }.sorted { $0.path < $1.path }
        if let decisions = Reconciliation.decisionsChange(context: context, existing: works.values.first?.existingDecisions, conflicted: conflicted) {
            changes[layout.decisionsFile] = .some(decisions)
        }
        return (works, changes)
    }

    /// Nothing to write is not always nothing to say: files left alone are named, and a pull
    /// request that only proposed declined changes is closed.
    private func nothingToWrite(_ works: [String: Reconciliation.Work]) async throws -> [TargetResult] {
        let kept = works.values.flatMap { $0.notices.filter { $0.kind == .symbolicLinkKept } }
        guard kept.isEmpty else {
            return rules.map { result($0, .skipped, message: kept.map { "\($0.path) \($0.message)" }.joined(separator: "; ")) }
        }
        let declined = works.values.flatMap(\.declined)
        guard declined.isEmpty else { return try await closeDeclined(declined) }
        return rules.map { result($0, .unchanged, message: "the target already has this content") }
    }

    /// Why the sync branch's head must not be replaced, or nil: a branch someone edited is
    /// replaced only with force, and a branch flash-sync never made, never.
    private func refusal(toReplace existing: ForgeCommit) async throws -> [TargetResult]? {
        guard !existing.message.contains(DeliveryContext.trailer) else { return nil }
        guard context.force else {
            return rules.map { result($0, .skipped, message: "the branch \(branch) was edited by hand; re-run with force to replace it") }
        }
        let history = try await forge.history(repository, branch: branch, limit: 50)
        guard history.contains(where: { $0.message.contains(DeliveryContext.trailer) }) else {
            return rules.map { result($0, .skipped, message: "the branch \(branch) holds no commit of flash-sync: it is not a sync branch, and is never replaced, even with force") }
        }
        return nil
    }

    /// The open pull request already holds this content: a re-run only finishes what an earlier
    /// one could not, auto-merge on a sync pull request that should have it.
    private func finishing(_ open: PullRequest, works: [String: Reconciliation.Work], autoMerge: Bool) async -> [TargetResult] {
        var open = open
        var message = "the open pull request already holds this content"
        if !open.autoMerge, !context.dryRun, autoMerge {
            let outcome = await enableAutoMerge(open.number)
            open.autoMerge = outcome.enabled
            if let note = outcome.note { message += "; \(note)" }
        }
        return rules.map { result($0, .unchanged, pullRequest: open, work: works[$0.ruleID], message: message) }
    }

    /// The pull request's title, body, labels (the conflict label when a file conflicts) and the
    /// reviewers CODEOWNERS and the rules name.
    private func draft(_ works: [String: Reconciliation.Work], base: String, title: String) -> PullRequestDraft {
        let allChanges = works.values.flatMap(\.fileChanges)
        let hasConflicts = allChanges.contains { !$0.conflicts.isEmpty }
        let labels = Array(Set([layout.syncLabel, "auto-generated"] + rules.flatMap(\.labels) + (hasConflicts ? [layout.conflictLabel] : []))).sorted()
        let codeOwners = works.values.first?.codeOwners ?? [:]
        let reviewers = Reviewers.resolve(codeOwners: codeOwners, changed: allChanges.map(\.path), extra: Array(Set(rules.flatMap(\.reviewers))).sorted())
        return PullRequestDraft(head: branch, base: base, title: title, body: body(works), labels: labels, reviewers: reviewers.users, teamReviewers: reviewers.teams)
    }

    /// Closes the open sync pull requests `pull` replaces; returns those left open because they
    /// hold rules this one does not (`#n (it also holds …)`).
    private func closeSuperseded(_ pulls: [PullRequest], by pull: PullRequest) async throws -> [String] {
        var keptOpen: [String] = []
        for superseded in pulls where superseded.head != branch && (supersedes(superseded.head) || !shared && Self.isShared(superseded.head)) {
            // Only a sync branch flash-sync made, holding no rule this pull request does not: a
            // person's branch that happens to end like a rule id, or a shared pull request whose
            // other rules this run did not plan, stays open.
            guard let head = try await forge.head(repository, branch: superseded.head), head.message.contains(DeliveryContext.trailer) else { continue }
            let held = MergedSyncFinder.trailers("Sync-Rule", in: head.message)
            if !shared && Self.isShared(superseded.head) {
                // A shared pull request whose rules all have their own now (switched back to per_rule).
                guard held.contains(rules[0].ruleID), held.allSatisfy(perRuleIDs.contains) else { continue }
                try await forge.closePullRequest(repository, number: superseded.number,
                                                 comment: "Superseded: these rules now have a pull request each (pull_request: per_rule); this rule's is #\(pull.number).")
                continue
            }
            guard held.allSatisfy(Set(rules.map(\.ruleID)).contains) else {
                keptOpen.append("#\(superseded.number) (it also holds \(held.filter { id in !rules.contains { $0.ruleID == id } }.joined(separator: ", ")))")
                continue
            }
            let switched = shared != Self.isShared(superseded.head)
            try await forge.closePullRequest(repository, number: superseded.number, comment: "Superseded by #\(pull.number) (\(context.plan.version))"
                + (switched ? ": these rules now share one pull request per target (pull_request: per_target)." : "."))
        }
        return keptOpen
    }

    /// The open sync pull requests this one replaces: the same rule's (or the same shared
    /// branch's) at another version, and, on a switch between `per_rule` and `per_target`, the
    /// pull requests of the other kind that held these rules.
    private func supersedes(_ head: String) -> Bool {
        let sharedID = PullRequestGrouping.sharedBranchID(base: rules[0].targetBranch)
        if shared {
            return head.hasSuffix("/" + sharedID) || rules.contains { head.hasSuffix("/" + $0.ruleID) }
        }
        return head.hasSuffix("/" + rules[0].ruleID)
    }

    /// Whether a sync branch is a target's shared one (`…/_target`, `…/_target-<base>`).
    static func isShared(_ head: String) -> Bool {
        head.split(separator: "/").last?.hasPrefix("_target") ?? false
    }

    /// Auto-merge only a clean sync: every check passed, no conflict, no drifted edit to look at,
    /// no file adopted.
    private func shouldAutoMerge(_ work: Reconciliation.Work, rule: PlannedRule, info: ForgeRepository) -> Bool {
        work.conflictRanges.isEmpty && work.drifted.isEmpty && work.adopted.isEmpty && rule.validation?.overall == .pass
            && (rule.autoMerge ?? info.allowsAutoMerge)
    }

    /// Every change left is declined downstream: nothing is written, and an open sync pull
    /// request that still proposes them is closed (declining is the team's answer to it).
    private func closeDeclined(_ declined: [DeclinedChange]) async throws -> [TargetResult] {
        var message = Self.declinedNote(declined)
        let open = try await forge.openPullRequests(repository, headPrefix: layout.branchPrefix).filter { $0.head == branch }
        for pull in open {
            if context.dryRun {
                message += "; dry run: would close #\(pull.number)"
                continue
            }
            try await forge.closePullRequest(repository, number: pull.number, comment: "Closed by the sync: every change it proposed is declined in `\(layout.declinedFile)`. "
                + "A later upstream change, or removing the entry, proposes it again.")
            message += "; closed #\(pull.number)"
        }
        return rules.map { result($0, .unchanged, message: message) }
    }

    /// Turns on auto-merge. The pull request is delivered whatever happens here: a failure is a
    /// note (the next run tries again), never a failed rule.
    private func enableAutoMerge(_ number: Int) async -> (enabled: Bool, note: String?) {
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
        let statePaths = Set(rules.map { layout.stateFile(rule: $0.ruleID) })
        for (path, data) in changes {
            if statePaths.contains(path), let mine = data, let theirs = existing[path] ?? nil {
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

    private func fail(_ message: String) -> [TargetResult] {
        rules.map { result($0, .failed, message: message) }
    }

    private func result(_ rule: PlannedRule, _ status: TargetResult.Status, pullRequest: PullRequest? = nil, work: Reconciliation.Work? = nil,
                        message: String? = nil) -> TargetResult {
        TargetResult(
            repository: repository, ruleID: rule.ruleID, status: status,
            pullRequest: pullRequest.map { PullRequestReference(number: $0.number, url: $0.url, autoMerge: $0.autoMerge) },
            files: work?.counts ?? FileCounts(), conflicts: work?.conflictRanges ?? [], driftedFiles: work?.drifted ?? [], message: message
        )
    }
}
