/// A compiled path pattern: one `SegmentPattern` per `/`-separated segment.
///
/// Matching runs the segments as a small nondeterministic automaton: the set of pattern positions
/// reachable so far is a bit mask, advanced once per path segment. `**` never causes backtracking,
/// so the cost is path segments × pattern segments whatever the pattern.
struct SegmentSequence: Sendable, Hashable {
    static let maximumSegments = 63

    let segments: [SegmentPattern]
    /// Shell rule: names starting with `.` are not matched by wildcards or `**`.
    let hiddenNeedsDot: Bool
    private let anySegmentsMask: UInt64

    init(_ segments: [SegmentPattern], hiddenNeedsDot: Bool) {
        precondition(segments.count <= Self.maximumSegments)
        self.segments = segments
        self.hiddenNeedsDot = hiddenNeedsDot
        var mask: UInt64 = 0
        for (index, segment) in segments.enumerated() where segment.isAnySegments {
            mask |= 1 << UInt64(index)
        }
        anySegmentsMask = mask
    }

    /// Adds every position reachable by letting `**` match zero segments.
    private func closure(_ positions: UInt64) -> UInt64 {
        var result = positions
        while true {
            let added = (result & anySegmentsMask) << 1
            if added & ~result == 0 { return result }
            result |= added
        }
    }

    func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        let count = segments.count
        var active = closure(1)
        var start = 0
        let end = path.count
        while true {
            var stop = start
            while stop < end, path[stop] != slash { stop += 1 }
            let isHidden = hiddenNeedsDot && stop > start && path[start] == UInt8(ascii: ".")
            var next: UInt64 = 0
            var remaining = active
            while remaining != 0 {
                let position = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                if position == count { continue }
                let segment = segments[position]
                if segment.isAnySegments {
                    if !isHidden { next |= 1 << UInt64(position) }
                } else if segment.matchesName(path, start, stop, hiddenNeedsDot: hiddenNeedsDot) {
                    next |= 1 << UInt64(position + 1)
                }
            }
            if next == 0 { return false }
            active = closure(next)
            if stop == end { break }
            start = stop + 1
        }
        return active & (1 << UInt64(count)) != 0
    }
}

extension String {
    /// Runs `body` over the string's UTF-8 bytes without copying when the storage is contiguous.
    func withPathBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
