/// A stretch of the merge where at least one side changed the base, in 0-based line numbers of
/// each file. Lines of ours between regions are unchanged on both sides.
struct MergeRegion: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Both sides changed overlapping (or touching) lines differently.
        case conflict
        /// Only ours changed these lines: keep ours.
        case oursOnly
        /// Only theirs changed these lines: take theirs.
        case theirsOnly
    }

    var kind: Kind
    var baseStart: Int
    var baseCount: Int
    var oursStart: Int
    var oursCount: Int
    var theirsStart: Int
    var theirsCount: Int

    var oursEnd: Int { oursStart + oursCount }
}

/// Lines up the hunks of base→ours and base→theirs into merge regions, as `git merge-file` does
/// for the diff3 style: a hunk that ends before the other side's next hunk begins is one-sided;
/// hunks that overlap or touch are a conflict unless they make the same change; and a region that
/// touches the previous one (in ours or in theirs) is folded into it, becoming a conflict when
/// their kinds differ.
enum MergeRegionBuilder {
    static func regions(
        oursHunks: [DiffHunk], theirsHunks: [DiffHunk],
        ours: UnsafeBufferPointer<Int32>, theirs: UnsafeBufferPointer<Int32>,
        baseLineCount: Int, oursLineCount: Int, theirsLineCount: Int
    ) -> [MergeRegion] {
        var regions: [MergeRegion] = []
        regions.reserveCapacity(oursHunks.count + theirsHunks.count)
        var nextOurs = 0
        var nextTheirs = 0

        while nextOurs < oursHunks.count && nextTheirs < theirsHunks.count {
            let mine = oursHunks[nextOurs]
            let their = theirsHunks[nextTheirs]
            if mine.baseEnd < their.baseStart {
                append(oursOnly: mine, theirsOffset: their.sideStart - their.baseStart, to: &regions)
                nextOurs += 1
                continue
            }
            if their.baseEnd < mine.baseStart {
                append(theirsOnly: their, oursOffset: mine.sideStart - mine.baseStart, to: &regions)
                nextTheirs += 1
                continue
            }
            if !isSameChange(mine, their, ours: ours, theirs: theirs) {
                let start = min(mine.baseStart, their.baseStart)
                let end = max(mine.baseEnd, their.baseEnd)
                let oursStart = mine.sideStart - (mine.baseStart - start)
                let theirsStart = their.sideStart - (their.baseStart - start)
                append(MergeRegion(
                    kind: .conflict,
                    baseStart: start, baseCount: end - start,
                    oursStart: oursStart, oursCount: mine.sideEnd + (end - mine.baseEnd) - oursStart,
                    theirsStart: theirsStart, theirsCount: their.sideEnd + (end - their.baseEnd) - theirsStart
                ), to: &regions)
            }
            // Advance whichever hunk ends first in the base (both when they end together).
            if mine.baseEnd >= their.baseEnd { nextTheirs += 1 }
            if their.baseEnd >= mine.baseEnd { nextOurs += 1 }
        }
        while nextOurs < oursHunks.count {
            append(oursOnly: oursHunks[nextOurs], theirsOffset: theirsLineCount - baseLineCount, to: &regions)
            nextOurs += 1
        }
        while nextTheirs < theirsHunks.count {
            append(theirsOnly: theirsHunks[nextTheirs], oursOffset: oursLineCount - baseLineCount, to: &regions)
            nextTheirs += 1
        }
        return regions
    }

    private static func isSameChange(
        _ mine: DiffHunk, _ their: DiffHunk,
        ours: UnsafeBufferPointer<Int32>, theirs: UnsafeBufferPointer<Int32>
    ) -> Bool {
        guard mine.baseStart == their.baseStart, mine.baseCount == their.baseCount,
              mine.sideCount == their.sideCount else { return false }
        for offset in 0..<mine.sideCount where ours[mine.sideStart + offset] != theirs[their.sideStart + offset] {
            return false
        }
        return true
    }

    /// `theirsOffset` turns a base line number into theirs' numbering at this point.
    private static func append(oursOnly hunk: DiffHunk, theirsOffset: Int, to regions: inout [MergeRegion]) {
        append(MergeRegion(
            kind: .oursOnly,
            baseStart: hunk.baseStart, baseCount: hunk.baseCount,
            oursStart: hunk.sideStart, oursCount: hunk.sideCount,
            theirsStart: hunk.baseStart + theirsOffset, theirsCount: hunk.baseCount
        ), to: &regions)
    }

    private static func append(theirsOnly hunk: DiffHunk, oursOffset: Int, to regions: inout [MergeRegion]) {
        append(MergeRegion(
            kind: .theirsOnly,
            baseStart: hunk.baseStart, baseCount: hunk.baseCount,
            oursStart: hunk.baseStart + oursOffset, oursCount: hunk.baseCount,
            theirsStart: hunk.sideStart, theirsCount: hunk.sideCount
        ), to: &regions)
    }

    /// Adds `region`, folding it into the previous region when they touch in ours or in theirs.
    private static func append(_ region: MergeRegion, to regions: inout [MergeRegion]) {
        guard let last = regions.last,
              region.oursStart <= last.oursStart + last.oursCount
                || region.theirsStart <= last.theirsStart + last.theirsCount
        else {
            regions.append(region)
            return
        }
        var folded = last
        if region.kind != last.kind { folded.kind = .conflict }
        folded.baseCount = region.baseStart + region.baseCount - last.baseStart
        folded.oursCount = region.oursStart + region.oursCount - last.oursStart
        folded.theirsCount = region.theirsStart + region.theirsCount - last.theirsStart
        regions[regions.count - 1] = folded
    }
}
