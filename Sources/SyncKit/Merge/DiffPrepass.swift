/// The pre-pass before the Myers search, as xdiff does it.
///
/// 1. Lines common to the start and the end of both files are left out (unchanged).
/// 2. In between, a line whose class never occurs in the other file is marked changed at once.
/// 3. A line whose class occurs "too often" in the other file (at least about √n times) is also
///    marked changed when it sits inside a run of such lines and unmatched lines, with unmatched
///    lines on both sides, and the unmatched lines dominate the run.
/// 4. Everything else goes to the search, which works on these kept lines only.
///
/// Step 3 is what makes xdiff's diff differ from a plain minimal diff on repetitive input.
struct DiffPrepass {
    /// Classes of the kept base lines, and their line numbers in the base.
    private(set) var baseClasses: [Int32] = []
    private(set) var baseLines: [Int] = []
    /// Classes of the kept side lines, and their line numbers in the side.
    private(set) var sideClasses: [Int32] = []
    private(set) var sideLines: [Int] = []

    private static let equalLimitCap = 1024
    private static let scanWindow = 100
    private static let unmatchedRunFactor = 4

    /// What the pre-pass decides about one line before the search.
    private enum Verdict: UInt8 {
        case unmatched = 0
        case matched = 1
        case matchedTooOften = 2
    }

    init(
        base: UnsafeBufferPointer<Int32>, side: UnsafeBufferPointer<Int32>,
        baseCounts: UnsafeBufferPointer<Int32>, sideCounts: UnsafeBufferPointer<Int32>,
        baseChanged: UnsafeMutablePointer<UInt8>, sideChanged: UnsafeMutablePointer<UInt8>
    ) {
        let shorter = min(base.count, side.count)
        var prefix = 0
        while prefix < shorter && base[prefix] == side[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix
            && base[base.count - 1 - suffix] == side[side.count - 1 - suffix] { suffix += 1 }

        let baseMiddle = prefix..<(base.count - suffix)
        let sideMiddle = prefix..<(side.count - suffix)
        (baseClasses, baseLines) = Self.keptLines(
            of: base, in: baseMiddle, otherCounts: sideCounts, changed: baseChanged
        )
        (sideClasses, sideLines) = Self.keptLines(
            of: side, in: sideMiddle, otherCounts: baseCounts, changed: sideChanged
        )
    }

    private static func keptLines(
        of lines: UnsafeBufferPointer<Int32>, in middle: Range<Int>,
        otherCounts: UnsafeBufferPointer<Int32>, changed: UnsafeMutablePointer<UInt8>
    ) -> ([Int32], [Int]) {
        let limit = Int32(min(LineDiff.roughSquareRoot(lines.count), equalLimitCap))
        var verdicts = [Verdict](repeating: .unmatched, count: lines.count)
        var classes = [Int32](repeating: 0, count: middle.count)
        var numbers = [Int](repeating: 0, count: middle.count)
        var kept = 0
        verdicts.withUnsafeMutableBufferPointer { verdicts in
            for line in middle {
                let occurrences = otherCounts[Int(lines[line])]
                verdicts[line] = occurrences == 0 ? .unmatched
                    : occurrences >= limit ? .matchedTooOften : .matched
            }
            let verdicts = UnsafeBufferPointer(verdicts)
            classes.withUnsafeMutableBufferPointer { classes in
                numbers.withUnsafeMutableBufferPointer { numbers in
                    for line in middle {
                        let keep: Bool
                        switch verdicts[line] {
                        case .matched: keep = true
                        case .unmatched: keep = false
                        case .matchedTooOften:
                            keep = !isLostInUnmatchedRun(line, verdicts: verdicts, within: middle)
                        }
                        if keep {
                            classes[kept] = lines[line]
                            numbers[kept] = line
                            kept += 1
                        } else {
                            changed[line] = 1
                        }
                    }
                }
            }
        }
        classes.removeLast(classes.count - kept)
        numbers.removeLast(numbers.count - kept)
        return (classes, numbers)
    }

    /// Whether a too-often-matched line sits in a run dominated by unmatched lines, with at least
    /// one unmatched line before it and one after it (looking at most `scanWindow` lines away).
    private static func isLostInUnmatchedRun(
        _ line: Int, verdicts: UnsafeBufferPointer<Verdict>, within middle: Range<Int>
    ) -> Bool {
        let first = max(middle.lowerBound, line - scanWindow)
        let last = min(middle.upperBound - 1, line + scanWindow)

        var unmatchedBefore = 0
        var frequentBefore = 1
        var probe = line - 1
        scanBefore: while probe >= first {
            switch verdicts[probe] {
            case .unmatched: unmatchedBefore += 1
            case .matchedTooOften: frequentBefore += 1
            case .matched: break scanBefore
            }
            probe -= 1
        }
        if unmatchedBefore == 0 { return false }

        var unmatchedAfter = 0
        var frequentAfter = 1
        probe = line + 1
        scanAfter: while probe <= last {
            switch verdicts[probe] {
            case .unmatched: unmatchedAfter += 1
            case .matchedTooOften: frequentAfter += 1
            case .matched: break scanAfter
            }
            probe += 1
        }
        if unmatchedAfter == 0 { return false }

        let frequent = frequentBefore + frequentAfter
        let unmatched = unmatchedBefore + unmatchedAfter
        return frequent * unmatchedRunFactor < frequent + unmatched
    }
}
