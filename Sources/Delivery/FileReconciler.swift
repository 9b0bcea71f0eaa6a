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
        /// What to do with a file the target holds at a path no sync recorded yet.
        var adopt: AdoptPolicy = .conflict
        /// Where the override of this file lives (written when an adopted file is kept).
        var overridePath: String = ""
        /// Puts the release's version stamp into a text the way planning stamped upstream's file,
        /// so a kept file and its override differ from upstream only where the team wrote.
        var stamp: (Data) -> Data = { $0 }
        /// `agent33_version:` when planning stamped the file: an override's stamp line is aligned
        /// with the base's before merging, so an old stamp never conflicts with a new one.
        var stampKey: String?
    }

    struct Outcome {
        var content: Data
        var conflicts: [LineSpan] = []
        var drifted = false
        var overrideUsed: String?
        /// Written as the new base snapshot (files with overrides).
        var snapshot: Data?
        var notice: SyncNotice?
        /// The file was in the target before any sync recorded it, and was adopted this way.
        var adopted: AdoptPolicy?
        /// An override to write: the downstream file an adoption keeps.
        var newOverride: (path: String, content: Data)?
    }

    static let labels = ConflictLabels(ours: "ours", base: "base", theirs: "theirs")

    static func reconcile(_ input: Input) -> Outcome {
        if input.recorded == nil, input.override == nil, let current = input.current, current != input.theirs {
            return adopt(input, current: current)
        }
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
            let ours = input.stampKey.map { Self.aligningStamp(override.content, with: base, key: $0) } ?? override.content
            var outcome = merge(base: base, ours: ours, theirs: input.theirs)
            outcome.overrideUsed = override.path
            // The base stays the upstream version the override was made from: the override keeps
            // its text from release to release, so a newer base would read as the team undoing
            // upstream's changes. (A team that re-copies a newer synced file makes the same
            // changes upstream made, which merge cleanly.)
            outcome.snapshot = base
            return outcome
        }
        if edited, let current = input.current {
            var outcome = merge(base: input.base ?? Data(), ours: current, theirs: input.theirs)
            outcome.drifted = true
            return outcome
        }
        return Outcome(content: input.theirs)
    }

    /// The first sync of a path the target already holds, by the rule's `adopt` policy.
    private static func adopt(_ input: Input, current: Data) -> Outcome {
        var outcome: Outcome
        switch input.adopt {
        case .overwrite:
            outcome = Outcome(content: input.theirs)
        case .keep:
            // The team's file stays, and becomes its override: the next sync merges upstream's
            // changes into it, with upstream's version of today as the base.
            let kept = input.binary ? current : input.stamp(current)
            outcome = Outcome(content: kept, snapshot: input.binary ? nil : input.theirs)
            outcome.newOverride = (input.overridePath, kept)
        case .conflict:
            if input.binary {
                outcome = Outcome(content: current, notice: SyncNotice(.binaryKept, path: input.destination, message: "binary file already in the target: kept; upstream's version is not applied (adopt: overwrite replaces it)"))
            } else {
                outcome = merge(base: Data(), ours: current, theirs: input.theirs)
            }
        }
        outcome.adopted = input.adopt
        return outcome
    }

    /// `ours` with its first line holding `key` replaced by the base's line holding it: the stamp
    /// says which release a text came from, never something a team changed.
    static func aligningStamp(_ ours: Data, with base: Data, key: String) -> Data {
        guard let oursText = TextContent.decode(ours), let baseText = TextContent.decode(base) else { return ours }
        let baseLines = baseText.components(separatedBy: "\n")
        var oursLines = oursText.components(separatedBy: "\n")
        guard let baseLine = baseLines.first(where: { $0.contains(key) }),
              let index = oursLines.firstIndex(where: { $0.contains(key) }), oursLines[index] != baseLine
        else { return ours }
        oursLines[index] = baseLine
        return Data(oursLines.joined(separator: "\n").utf8)
    }

    static func merge(base: Data, ours: Data, theirs: Data) -> Outcome {
        let result = ThreeWayMerge.merge(base: Array(base), ours: Array(ours), theirs: Array(theirs), options: MergeOptions(labels: labels))
        return Outcome(content: Data(result.bytes), conflicts: result.conflicts.map(\.outputLines))
    }
}
