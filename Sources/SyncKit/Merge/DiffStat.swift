/// Lines added and removed between two versions of a file, counted from the same line diff the
/// merge uses (git's choices), as `git diff --numstat` counts them.
package struct DiffStat: Sendable, Equatable {
    package var added: Int
    package var removed: Int

    package init(added: Int = 0, removed: Int = 0) {
        self.added = added
        self.removed = removed
    }

    /// `old` to `new`; a missing side counts as empty.
    package init(old: [UInt8], new: [UInt8]) {
        guard old != new else {
            self.init()
            return
        }
        let hunks: [DiffHunk] = old.withUnsafeBufferPointer { oldBytes in
            new.withUnsafeBufferPointer { newBytes in
                let oldLines = LineIndex(of: oldBytes)
                let newLines = LineIndex(of: newBytes)
                let classifier = LineClassifier(base: (oldBytes, oldLines), others: [(newBytes, newLines)])
                let classes = classifier.classesByFile
                let counts = classifier.countsByFile
                return classes[0].withUnsafeBufferPointer { oldClasses in
                    classes[1].withUnsafeBufferPointer { newClasses in
                        counts[0].withUnsafeBufferPointer { oldCounts in
                            counts[1].withUnsafeBufferPointer { newCounts in
                                LineDiff.hunks(base: oldClasses, side: newClasses, baseCounts: oldCounts, sideCounts: newCounts)
                            }
                        }
                    }
                }
            }
        }
        self.init(added: hunks.reduce(0) { $0 + $1.sideCount }, removed: hunks.reduce(0) { $0 + $1.baseCount })
    }

    /// `+12 −3`.
    package var description: String { "+\(added) −\(removed)" }
}
