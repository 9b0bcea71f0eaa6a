/// The outcome of a three-way merge.
package struct MergeResult: Sendable, Equatable {
    /// The merged file, conflict markers included when the resolution is `.markers`.
    package var bytes: [UInt8]
    /// Every place where both sides changed the same lines, in file order. With `.ours` or
    /// `.theirs` resolution these are still listed: they say where one side's change was dropped.
    package var conflicts: [MergeConflict]

    package init(bytes: [UInt8], conflicts: [MergeConflict]) {
        self.bytes = bytes
        self.conflicts = conflicts
    }

    /// True when no lines were changed by both sides in different ways.
    package var isClean: Bool { conflicts.isEmpty }

    /// The merged file as text (invalid UTF-8 is repaired with U+FFFD).
    package var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// One conflict: where it is in the merged output and which lines of each input it covers.
package struct MergeConflict: Sendable, Equatable {
    /// In the merged output: from the `<<<<<<<` line to the `>>>>>>>` line with markers, or the
    /// chosen side's lines with `.ours` / `.theirs` resolution (possibly empty).
    package var outputLines: LineSpan
    package var oursLines: LineSpan
    package var baseLines: LineSpan
    package var theirsLines: LineSpan

    package init(outputLines: LineSpan, oursLines: LineSpan, baseLines: LineSpan, theirsLines: LineSpan) {
        self.outputLines = outputLines
        self.oursLines = oursLines
        self.baseLines = baseLines
        self.theirsLines = theirsLines
    }
}

/// A run of lines, 1-based. An empty span (`count == 0`) sits just before line `start`.
package struct LineSpan: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The first line, counting from 1.
    package var start: Int
    package var count: Int

    package init(start: Int, count: Int) {
        self.start = start
        self.count = count
    }

    /// The last line, inclusive (`start - 1` when empty).
    package var end: Int { start + count - 1 }
    package var isEmpty: Bool { count == 0 }

    /// `"12-18"`, `"12"` for one line, or `"before 12"` when empty.
    package var description: String {
        switch count {
        case 0: "before \(start)"
        case 1: "\(start)"
        default: "\(start)-\(end)"
        }
    }
}
