/// Slides groups of changed lines the way xdiff does before building hunks.
///
/// A group of changed lines whose first line equals the line after it can move down by one (and up,
/// symmetrically), which may join it with the next group. Each group is moved as far up as it goes,
/// then as far down, repeating while it keeps growing; it then rests at the lowest position, unless
/// it can line up with a change group in the other file, in which case it moves back up to the
/// lowest such position. (git's optional indent heuristic is off for `git merge-file`.)
enum ChangeCompaction {
    /// A run `start..<end` of changed lines; an empty run sits just above line `start`.
    private struct Group {
        var start = 0
        var end = 0
    }

    /// `changed` and `otherChanged` are marks with a zero sentinel at index -1 and at the count.
    static func slideGroups(
        changed: UnsafeMutablePointer<UInt8>, lines: UnsafeBufferPointer<Int32>,
        otherChanged: UnsafeMutablePointer<UInt8>, otherCount: Int
    ) {
        let count = lines.count
        let classes = lines.baseAddress
        var group = Group()
        while changed[group.end] != 0 { group.end += 1 }
        var other = Group()
        while otherChanged[other.end] != 0 { other.end += 1 }

        func moveToNext(_ group: inout Group, _ marks: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
            if group.end == count { return false }
            group.start = group.end + 1
            group.end = group.start
            while marks[group.end] != 0 { group.end += 1 }
            return true
        }
        func moveToPrevious(_ group: inout Group, _ marks: UnsafeMutablePointer<UInt8>) -> Bool {
            if group.start == 0 { return false }
            group.end = group.start - 1
            group.start = group.end
            while marks[group.start - 1] != 0 { group.start -= 1 }
            return true
        }
        func slideDown(_ group: inout Group) -> Bool {
            guard group.end < count, classes![group.start] == classes![group.end] else { return false }
            changed[group.start] = 0
            group.start += 1
            changed[group.end] = 1
            group.end += 1
            while changed[group.end] != 0 { group.end += 1 }
            return true
        }
        func slideUp(_ group: inout Group) -> Bool {
            guard group.start > 0, classes![group.start - 1] == classes![group.end - 1] else { return false }
            group.start -= 1
            changed[group.start] = 1
            group.end -= 1
            changed[group.end] = 0
            while changed[group.start - 1] != 0 { group.start -= 1 }
            return true
        }

        while true {
            if group.end != group.start {
                var highestEnd: Int
                var endAlignedWithOther: Int?
                var size: Int
                repeat {
                    size = group.end - group.start
                    endAlignedWithOther = nil
                    while slideUp(&group) {
                        _ = moveToPrevious(&other, otherChanged)
                    }
                    highestEnd = group.end
                    if other.end > other.start { endAlignedWithOther = group.end }
                    while slideDown(&group) {
                        _ = moveToNext(&other, otherChanged, otherCount)
                        if other.end > other.start { endAlignedWithOther = group.end }
                    }
                } while size != group.end - group.start

                if group.end != highestEnd, endAlignedWithOther != nil {
                    while other.end == other.start {
                        _ = slideUp(&group)
                        _ = moveToPrevious(&other, otherChanged)
                    }
                }
            }
            if !moveToNext(&group, changed, count) { break }
            _ = moveToNext(&other, otherChanged, otherCount)
        }
    }
}
