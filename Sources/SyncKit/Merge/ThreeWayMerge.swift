/// The line-based three-way merge used when syncing a file downstream.
///
/// `base` is the last synced snapshot, `ours` the downstream override (or drifted edit), `theirs`
/// the new upstream file. A change made on one side only is taken; the same change on both sides
/// is taken once; different changes to the same or touching lines are a conflict. The output is
/// byte-identical to `git merge-file -p --diff3 -L ours -L base -L theirs OURS BASE THEIRS`
/// (with the labels from `options`), and the conflict count equals that command's exit status.
/// Two deliberate differences: git refuses files with a NUL byte in their first 8,000 bytes
/// ("Cannot merge binary files", status 255) where this merges them line by line like any bytes,
/// and git caps its status at 127 where `conflicts` lists them all. Callers that want git's
/// binary refusal check for NUL bytes before merging.
///
/// ```swift
/// let result = ThreeWayMerge.merge(base: snapshot, ours: override, theirs: upstream)
/// let ranges = result.conflicts.map { "lines \($0.outputLines)" }   // e.g. ["lines 12-18"]
/// ```
package enum ThreeWayMerge {
    /// Merges raw bytes. Any bytes are accepted; lines are split at `\n` only.
    package static func merge(
        base: [UInt8], ours: [UInt8], theirs: [UInt8], options: MergeOptions = MergeOptions()
    ) -> MergeResult {
        let outcome = base.withUnsafeBufferPointer { base in
            ours.withUnsafeBufferPointer { oursBytes in
                theirs.withUnsafeBufferPointer { theirsBytes in
                    mergeLines(base: base, ours: oursBytes, theirs: theirsBytes, options: options)
                }
            }
        }
        switch outcome {
        case .oursUnchanged: return MergeResult(bytes: theirs, conflicts: [])
        case .theirsUnchanged: return MergeResult(bytes: ours, conflicts: [])
        case .merged(let result): return result
        }
    }

    /// Merges text; see `merge(base:ours:theirs:options:)` for bytes.
    package static func merge(
        base: String, ours: String, theirs: String, options: MergeOptions = MergeOptions()
    ) -> MergeResult {
        merge(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8), options: options)
    }

    /// A side whose diff from the base is empty makes the result the other side, byte for byte.
    private enum Outcome {
        case oursUnchanged
        case theirsUnchanged
        case merged(MergeResult)
    }

    private static func mergeLines(
        base: UnsafeBufferPointer<UInt8>, ours: UnsafeBufferPointer<UInt8>, theirs: UnsafeBufferPointer<UInt8>,
        options: MergeOptions
    ) -> Outcome {
        let baseInput = MergeInput(bytes: base, lines: LineIndex(of: base))
        let oursInput = MergeInput(bytes: ours, lines: LineIndex(of: ours))
        let theirsInput = MergeInput(bytes: theirs, lines: LineIndex(of: theirs))

        let classifier = LineClassifier(
            base: (base, baseInput.lines), others: [(ours, oursInput.lines), (theirs, theirsInput.lines)]
        )
        let classes = classifier.classesByFile
        let counts = classifier.countsByFile

        return classes[0].withUnsafeBufferPointer { baseClasses in
            classes[1].withUnsafeBufferPointer { oursClasses in
                classes[2].withUnsafeBufferPointer { theirsClasses -> Outcome in
                    let oursHunks = counts[0].withUnsafeBufferPointer { baseCounts in
                        counts[1].withUnsafeBufferPointer { oursCounts in
                            LineDiff.hunks(
                                base: baseClasses, side: oursClasses, baseCounts: baseCounts, sideCounts: oursCounts
                            )
                        }
                    }
                    if oursHunks.isEmpty { return .oursUnchanged }
                    let theirsHunks = counts[0].withUnsafeBufferPointer { baseCounts in
                        counts[2].withUnsafeBufferPointer { theirsCounts in
                            LineDiff.hunks(
                                base: baseClasses, side: theirsClasses,
                                baseCounts: baseCounts, sideCounts: theirsCounts
                            )
                        }
                    }
                    if theirsHunks.isEmpty { return .theirsUnchanged }
                    let regions = MergeRegionBuilder.regions(
                        oursHunks: oursHunks, theirsHunks: theirsHunks,
                        ours: oursClasses, theirs: theirsClasses,
                        baseLineCount: baseClasses.count,
                        oursLineCount: oursClasses.count, theirsLineCount: theirsClasses.count
                    )
                    var writer = MergeOutputWriter(
                        base: baseInput, ours: oursInput, theirs: theirsInput, options: options
                    )
                    writer.write(regions)
                    return .merged(MergeResult(bytes: writer.bytes, conflicts: writer.conflicts))
                }
            }
        }
    }
}
