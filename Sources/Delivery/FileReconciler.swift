import Foundation
import SyncCore
import SyncKit

/// Decides what one synced file becomes downstream: the new upstream content, or a three-way
/// merge with the team's override or drifted edit. Nothing a downstream team wrote is dropped.
struct FileReconciler {
    struct Input {
        var destination: String
        var theirs: Data
        var binary: Bool
        var current: Data?
        var recorded: SyncState.File?
        var override: (path: String, content: Data)?
        /// The last synced content (the base): snapshot, or the recorded git blob.
        var base: Data?
    }

    struct Outcome {
        var content: Data
        var conflicts: [LineSpan] = []
        var drifted = false
        var overrideUsed: String?
        /// Written as the new base snapshot (files with overrides).
        var snapshot: Data?
        var notice: SyncNotice?
    }

    static let labels = ConflictLabels(ours: "ours", base: "base", theirs: "theirs")

    static func reconcile(_ input: Input) -> Outcome {
        let edited: Bool = {
            guard let current = input.current else { return false }
            if let recorded = input.recorded { return Checksum.sha256Hex(current) != recorded.sha256 }
            return current != input.theirs
        }()
        if input.binary {
            if let override = input.override {
                return Outcome(content: override.content, overrideUsed: override.path,
                               notice: SyncNotice(.binaryKept, path: input.destination, message: "binary file with an override: the override is kept; upstream's new version is not applied"))
            }
            if edited, let current = input.current {
                return Outcome(content: current, drifted: true,
                               notice: SyncNotice(.binaryKept, path: input.destination, message: "binary file changed downstream: kept; upstream's new version is not applied"))
            }
            return Outcome(content: input.theirs)
        }
        if let override = input.override {
            guard let base = input.base else {
                return Outcome(content: override.content, overrideUsed: override.path, snapshot: input.theirs,
                               notice: SyncNotice(.note, path: input.destination, message: "first sync with the override \(override.path): the override is used as is; later syncs merge upstream changes into it"))
            }
            var outcome = merge(base: base, ours: override.content, theirs: input.theirs)
            outcome.overrideUsed = override.path
            outcome.snapshot = input.theirs
            return outcome
        }
        if edited, let current = input.current {
            var outcome = merge(base: input.base ?? Data(), ours: current, theirs: input.theirs)
            outcome.drifted = true
            return outcome
        }
        return Outcome(content: input.theirs)
    }

    static func merge(base: Data, ours: Data, theirs: Data) -> Outcome {
        let result = ThreeWayMerge.merge(base: Array(base), ours: Array(ours), theirs: Array(theirs), options: MergeOptions(labels: labels))
        return Outcome(content: Data(result.bytes), conflicts: result.conflicts.map(\.outputLines))
    }
}
