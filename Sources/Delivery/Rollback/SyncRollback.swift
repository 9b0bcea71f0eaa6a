import Diagnostics
import Foundation
import Forge
import SyncKit

/// What to roll back, and who asks.
package struct RollbackRequest: Sendable {
    package var repository: String
    package var ruleID: String
    /// The sync version to undo (`v2.4.0`); nil: the latest merged sync of the rule.
    package var version: String?
    package var reason: String
    /// The upstream repository, where the follow-up issue goes.
    package var sourceRepository: String
    package var loggedBy: String
    /// Roll back even when later commits changed the same files (their changes to those files are undone too).
    package var force: Bool
    /// ISO 8601 time of the run.
    package var now: String

    package init(repository: String, ruleID: String, version: String?, reason: String, sourceRepository: String, loggedBy: String, force: Bool, now: String) {
        self.repository = repository
        self.ruleID = ruleID
        self.version = version
        self.reason = reason
        self.sourceRepository = sourceRepository
        self.loggedBy = loggedBy
        self.force = force
        self.now = now
    }
}

package struct RollbackOutcome: Sendable {
    package var reverted: MergedSync
    package var restoredTo: String
    package var branch: String
    package var commit: ForgeCommit
    package var pullRequest: PullRequest
    package var issue: ForgeIssue
    /// Path → restored content (nil: removed), DECISIONS.md excluded.
    package var restored: [String: Data?]
    package var checks: [RollbackCheck]
    package var decisionEntry: String

    package var passed: Bool { !checks.contains { $0.status == .fail } }
}

package enum RollbackError: Error, Sendable, CustomStringConvertible {
    case noMergedSync(repository: String, ruleID: String, version: String?, found: [String])
    case changedSince(repository: String, merge: String, paths: [String])
    case alreadyOpen(PullRequest)
    case sharedMerge(repository: String, merge: String, rules: [String])

    package var description: String {
        switch self {
        case .noMergedSync(let repository, let ruleID, let version, let found):
            let what = ruleID + (version.map { " at \($0)" } ?? "")
            let known = found.isEmpty ? "no sync of this rule was merged there (or every one is rolled back already)" : "merged syncs of it: \(found.joined(separator: ", "))"
            return "\(repository): found no merged sync of \(what) on the default branch; \(known). Check the rule id and version."
        case .changedSince(let repository, let merge, let paths):
            return "\(repository): commits after \(merge.prefix(7)) changed \(paths.joined(separator: ", ")); rolling back would undo them too. Roll back the later sync first, or re-run with force to restore those files anyway."
        case .alreadyOpen(let pull):
            return "a rollback pull request for this sync is already open: #\(pull.number) \(pull.url). Merge or close it first."
        case .sharedMerge(let repository, let merge, let rules):
            return "\(repository): the merge \(merge.prefix(7)) synced rules \(rules.joined(separator: ", ")) together (pull_request: per_target); rolling back one would revert the others' files too. "
                + "Revert that merge commit as a whole, or sync the rule again with the content you want."
        }
    }
}

/// The spec's rollback procedure through the `Forge` protocol: find the sync's merge commit,
/// revert it on a rollback branch (every path the merge changed back to its first-parent
/// content, the sync state included), re-validate the reverted state, open the upstream issue,
/// log the decision in DECISIONS.md in the same commit, and open the pull request.
package struct SyncRollback: Sendable {
    package var forge: any Forge
    package var layout: SyncLayout
    /// How many commits of the default branch to search.
    package var historyLimit = 2_000

    package init(forge: any Forge, layout: SyncLayout) {
        self.forge = forge
        self.layout = layout
    }

    package func branch(ruleID: String, merge: String) -> String {
        "\(layout.namespace)-rollback/\(ruleID)/\(merge.prefix(7))"
    }

    package func run(_ request: RollbackRequest) async throws -> RollbackOutcome {
        let repository = request.repository
        let info = try await forge.repository(repository)
        guard let head = try await forge.head(repository, branch: info.defaultBranch) else {
            throw ForgeError("\(repository) has no '\(info.defaultBranch)' branch.")
        }
        let history = try await forge.history(repository, branch: info.defaultBranch, limit: historyLimit)
        let merged = MergedSyncFinder.merged(in: history, ruleID: request.ruleID)
        guard let target = merged.first(where: { request.version == nil || Self.sameVersion($0.version, request.version!) }) else {
            throw RollbackError.noMergedSync(repository: repository, ruleID: request.ruleID, version: request.version, found: merged.map { "\($0.version) (\($0.shortID))" })
        }
        let rules = MergedSyncFinder.trailers("Sync-Rule", in: target.sync.message)
        guard rules.count <= 1 else { throw RollbackError.sharedMerge(repository: repository, merge: target.merge.id, rules: rules) }
        let branch = branch(ruleID: request.ruleID, merge: target.merge.id)
        if let open = try await forge.openPullRequests(repository, headPrefix: branch).first(where: { $0.head == branch }) {
            throw RollbackError.alreadyOpen(open)
        }

        let firstParent = target.merge.parents[0]
        let mergeChanges = try await forge.changes(repository, commit: target.merge.id).filter { $0.key != layout.decisionsFile }
        let paths = mergeChanges.keys.sorted()
        let before = try await forge.files(repository, at: firstParent, paths: paths)
        let now = try await forge.files(repository, at: head.id, paths: paths + [layout.decisionsFile])
        let changedSince = paths.filter { now[$0] != (mergeChanges[$0] ?? nil) }
        if !changedSince.isEmpty && !request.force {
            throw RollbackError.changedSince(repository: repository, merge: target.merge.id, paths: changedSince)
        }
        var restored: [String: Data?] = [:]
        for path in paths where now[path] != before[path] { restored[path] = .some(before[path]) }

        let statePath = layout.stateFile(rule: request.ruleID)
        let previousState = try before[statePath].map { try SyncState.decode($0, path: "\(repository)@\(firstParent.prefix(7)):\(statePath)") }
        let restoredTo = previousState.map { "\($0.version) sync state" } ?? "no sync state (before the first sync of \(request.ruleID))"
        // Validate the state as it will be committed: restored, or left as it is when the merge did not touch it.
        let stateAfter = try (restored[statePath] ?? now[statePath]).map { try SyncState.decode($0, path: "\(branch):\(statePath)") }
        let checks = try await validate(repository: repository, head: head.id, restored: restored, state: stateAfter)

        let issue = try await forge.createIssue(request.sourceRepository, title: RollbackTexts.issueTitle(request, target),
                                                body: RollbackTexts.issueBody(request, target, restoredTo: restoredTo, checks: checks, pullRequest: nil),
                                                labels: [layout.syncLabel, "rollback"])
        let entry = DecisionLog.rollback(date: String(request.now.prefix(10)), version: target.version, revertedCommit: target.shortID, reason: request.reason,
                                         restoredTo: restoredTo, followUp: "\(request.sourceRepository)#\(issue.number)", loggedBy: request.loggedBy)
        var changes = restored
        let decisions = now[layout.decisionsFile].flatMap(TextContent.decode)
        changes[layout.decisionsFile] = .some(Data(DecisionLog.appending([entry], to: decisions).utf8))
        let message = RollbackTexts.commitMessage(request, target, restoredTo: restoredTo)
        let commit = try await forge.commit(repository, CommitRequest(branch: branch, parent: head.id, message: message, changes: changes))

        let draft = PullRequestDraft(head: branch, base: info.defaultBranch, title: RollbackTexts.pullRequestTitle(layout, request, target),
                                     body: RollbackTexts.pullRequestBody(request, target, restoredTo: restoredTo, restored: restored, checks: checks, issue: issue),
                                     labels: [layout.syncLabel, "rollback"], reviewers: [], teamReviewers: [])
        let pull = try await forge.createPullRequest(repository, draft)
        let linked = try await forge.updateIssue(request.sourceRepository, number: issue.number, title: issue.title,
                                                 body: RollbackTexts.issueBody(request, target, restoredTo: restoredTo, checks: checks, pullRequest: pull))
        return RollbackOutcome(reverted: target, restoredTo: restoredTo, branch: branch, commit: commit, pullRequest: pull, issue: linked,
                               restored: restored, checks: checks, decisionEntry: entry)
    }

    /// The validation suite on the tree as it will be after the rollback.
    private func validate(repository: String, head: String, restored: [String: Data?], state: SyncState?) async throws -> [RollbackCheck] {
        var tree = Set(try await forge.list(repository, at: head, under: ""))
        var contents: [String: Data] = [:]
        for (path, data) in restored {
            if let data {
                tree.insert(path)
                contents[path] = data
            } else {
                tree.remove(path)
            }
        }
        var stateContents: (SyncState, contents: [String: Data])?
        if let state {
            let unchanged = state.files.keys.filter { restored[$0] == nil }
            var files = try await forge.files(repository, at: head, paths: unchanged)
            for path in state.files.keys { if let data = restored[path] ?? nil { files[path] = data } }
            stateContents = (state, files)
        }
        return RollbackValidation.run(restored: contents, tree: tree, state: stateContents)
    }

    /// `v2.4.0` and `2.4.0` name the same sync.
    static func sameVersion(_ a: String, _ b: String) -> Bool {
        func bare(_ text: String) -> String { text.hasPrefix("v") ? String(text.dropFirst()) : text }
        return bare(a) == bare(b)
    }
}

extension RollbackError: DiagnosticConvertible {
    /// A rollback that cannot be done fails the step: exit 1.
    package var diagnostics: [Diagnostic] { [.failure(description)] }
}
