import Foundation
import Forge

/// A sync that reached the target's branch: the merge commit and the sync commit it merged.
package struct MergedSync: Sendable, Equatable {
    package var merge: ForgeCommit
    package var sync: ForgeCommit
    package var ruleID: String
    package var version: String

    package var shortID: String { String(merge.id.prefix(7)) }
}

/// Finds merged syncs in a branch's history: merge commits whose second parent carries the
/// sync trailer (`Synced-By: flash-sync`) and `Sync-Rule: <id>`. Syncs already reverted by a
/// merged rollback (`Reverts: <merge>`) are left out.
package enum MergedSyncFinder {
    static let rollbackTrailer = "Rolled-Back-By: flash-sync"

    /// Newest first. `history` is the branch's history as `Forge.history` returns it (every
    /// reachable commit, so the merged sync commits are in it too).
    package static func merged(in history: [ForgeCommit], ruleID: String) -> [MergedSync] {
        let byID = Dictionary(history.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let reverted = Set(history.filter { $0.message.contains(rollbackTrailer) }.compactMap { trailer("Reverts", in: $0.message) })
        return history.compactMap { commit in
            guard commit.isMerge, !reverted.contains(commit.id), let sync = byID[commit.parents[1]],
                  sync.message.contains(DeliveryContext.trailer), trailers("Sync-Rule", in: sync.message).contains(ruleID)
            else { return nil }
            return MergedSync(merge: commit, sync: sync, ruleID: ruleID, version: trailer("Sync-Version", in: sync.message) ?? "unknown")
        }
    }

    /// Every value of a `Key: value` trailer line (a shared pull request's commit names each rule).
    static func trailers(_ key: String, in message: String) -> [String] {
        message.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(key + ": ") else { return nil }
            return String(line.dropFirst(key.count + 2)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The value of a `Key: value` trailer line.
    static func trailer(_ key: String, in message: String) -> String? {
        message.split(separator: "\n").reversed().lazy
            .compactMap { line -> String? in
                guard line.hasPrefix(key + ": ") else { return nil }
                return String(line.dropFirst(key.count + 2)).trimmingCharacters(in: .whitespaces)
            }
            .first
    }
}
