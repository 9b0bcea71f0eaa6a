/// One change between the base and one side: `baseCount` lines of the base starting at `baseStart`
/// became `sideCount` lines of the side starting at `sideStart` (0-based line numbers; a count of
/// zero is a pure insertion or deletion).
struct DiffHunk: Equatable, Sendable {
    var baseStart: Int
    var baseCount: Int
    var sideStart: Int
    var sideCount: Int

    var baseEnd: Int { baseStart + baseCount }
    var sideEnd: Int { sideStart + sideCount }
}

/// A line diff that makes the same choices as git's xdiff with default options (Myers' algorithm):
/// the same pre-pass that trims common ends and sets aside lines that cannot match, the same
/// middle-snake search with the same cost cut-offs, and the same sliding of change groups. Where
/// several minimal diffs exist, it picks the one git picks, so merges built on it line up with
/// `git merge-file` hunk for hunk.
enum LineDiff {
    /// The hunks that turn `base` into `side`, in order. Both arrays hold line classes
    /// (see `LineClassifier`); `baseCounts` and `sideCounts` count each class in the whole file.
    static func hunks(
        base: UnsafeBufferPointer<Int32>, side: UnsafeBufferPointer<Int32>,
        baseCounts: UnsafeBufferPointer<Int32>, sideCounts: UnsafeBufferPointer<Int32>
    ) -> [DiffHunk] {
        // One mark per line plus a zero sentinel on each end, so marks[-1] and marks[count] exist.
        var baseMarks = [UInt8](repeating: 0, count: base.count + 2)
        var sideMarks = [UInt8](repeating: 0, count: side.count + 2)
        return baseMarks.withUnsafeMutableBufferPointer { baseMarks in
            sideMarks.withUnsafeMutableBufferPointer { sideMarks in
                let baseChanged = baseMarks.baseAddress! + 1
                let sideChanged = sideMarks.baseAddress! + 1
                markChangedLines(
                    base: base, side: side, baseCounts: baseCounts, sideCounts: sideCounts,
                    baseChanged: baseChanged, sideChanged: sideChanged
                )
                ChangeCompaction.slideGroups(
                    changed: baseChanged, lines: base, otherChanged: sideChanged, otherCount: side.count
                )
                ChangeCompaction.slideGroups(
                    changed: sideChanged, lines: side, otherChanged: baseChanged, otherCount: base.count
                )
                return collectHunks(
                    baseChanged: baseChanged, baseCount: base.count,
                    sideChanged: sideChanged, sideCount: side.count
                )
            }
        }
    }

    private static func markChangedLines(
        base: UnsafeBufferPointer<Int32>, side: UnsafeBufferPointer<Int32>,
        baseCounts: UnsafeBufferPointer<Int32>, sideCounts: UnsafeBufferPointer<Int32>,
        baseChanged: UnsafeMutablePointer<UInt8>, sideChanged: UnsafeMutablePointer<UInt8>
    ) {
        let kept = DiffPrepass(
            base: base, side: side, baseCounts: baseCounts, sideCounts: sideCounts,
            baseChanged: baseChanged, sideChanged: sideChanged
        )
        let keptBase = kept.baseClasses.count
        let keptSide = kept.sideClasses.count
        let diagonals = keptBase + keptSide + 3
        // Every entry the search reads was written first, so the vectors need no initial values.
        let vectors = UnsafeMutablePointer<Int>.allocate(capacity: 2 * diagonals + 2)
        defer { vectors.deallocate() }
        kept.baseClasses.withUnsafeBufferPointer { baseClasses in
            kept.sideClasses.withUnsafeBufferPointer { sideClasses in
                kept.baseLines.withUnsafeBufferPointer { baseLines in
                    kept.sideLines.withUnsafeBufferPointer { sideLines in
                        let search = MyersSearch(
                            base: baseClasses.baseAddress, side: sideClasses.baseAddress,
                            baseLines: baseLines.baseAddress, sideLines: sideLines.baseAddress,
                            baseChanged: baseChanged, sideChanged: sideChanged,
                            forward: vectors + keptSide + 1,
                            backward: vectors + diagonals + keptSide + 1,
                            maximumCost: max(MyersSearch.costLimitFloor, roughSquareRoot(diagonals))
                        )
                        search.compare(base: 0..<keptBase, side: 0..<keptSide, minimal: false)
                    }
                }
            }
        }
    }

    /// Turns the change marks into hunks, pairing unchanged lines of both files in order.
    private static func collectHunks(
        baseChanged: UnsafeMutablePointer<UInt8>, baseCount: Int,
        sideChanged: UnsafeMutablePointer<UInt8>, sideCount: Int
    ) -> [DiffHunk] {
        var hunks: [DiffHunk] = []
        var baseLine = baseCount
        var sideLine = sideCount
        while baseLine > 0 || sideLine > 0 {
            if baseChanged[baseLine - 1] != 0 || sideChanged[sideLine - 1] != 0 {
                let baseEnd = baseLine
                let sideEnd = sideLine
                while baseChanged[baseLine - 1] != 0 { baseLine -= 1 }
                while sideChanged[sideLine - 1] != 0 { sideLine -= 1 }
                hunks.append(DiffHunk(
                    baseStart: baseLine, baseCount: baseEnd - baseLine,
                    sideStart: sideLine, sideCount: sideEnd - sideLine
                ))
            }
            baseLine -= 1
            sideLine -= 1
        }
        hunks.reverse()
        return hunks
    }

    /// xdiff's integer "square root": the power of two 2^k with k = ceil(bits(n) / 2).
    static func roughSquareRoot(_ value: Int) -> Int {
        var result = 1
        var rest = value
        while rest > 0 {
            result <<= 1
            rest >>= 2
        }
        return result
    }
}
