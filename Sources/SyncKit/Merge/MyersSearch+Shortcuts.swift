/// The two ways xdiff cuts an expensive search short, reproduced so large merges match git.
extension MyersSearch {
    private static let shortcutFactor = 4

    /// After a long snake was seen at a high cost: a diagonal that got far from its corner (measured
    /// by i1 + i2 minus its distance from the middle diagonal) and ends a run of at least 20 equal
    /// lines is good enough to split at. Forward diagonals are tried first, then backward ones.
    func promisingSplit(
        cost: Int, _ start1: Int, _ end1: Int, _ start2: Int, _ end2: Int,
        forwardRange: (low: Int, high: Int, middle: Int),
        backwardRange: (low: Int, high: Int, middle: Int)
    ) -> Split? {
        let a = base!, b = side!
        let snake = Self.snakeLength
        let threshold = Self.shortcutFactor * cost

        var bestScore = 0
        var bestPoint = (0, 0)
        var diagonal = forwardRange.high
        while diagonal >= forwardRange.low {
            let distance = abs(diagonal - forwardRange.middle)
            let i1 = forward[diagonal]
            let i2 = i1 - diagonal
            let score = (i1 - start1) + (i2 - start2) - distance
            if score > threshold && score > bestScore
                && start1 + snake <= i1 && i1 < end1 && start2 + snake <= i2 && i2 < end2 {
                var back = 1
                while a[i1 - back] == b[i2 - back] {
                    if back == snake {
                        bestScore = score
                        bestPoint = (i1, i2)
                        break
                    }
                    back += 1
                }
            }
            diagonal -= 2
        }
        if bestScore > 0 {
            return Split(baseIndex: bestPoint.0, sideIndex: bestPoint.1, minimalBefore: true, minimalAfter: false)
        }

        diagonal = backwardRange.high
        while diagonal >= backwardRange.low {
            let distance = abs(diagonal - backwardRange.middle)
            let i1 = backward[diagonal]
            let i2 = i1 - diagonal
            let score = (end1 - i1) + (end2 - i2) - distance
            if score > threshold && score > bestScore
                && start1 < i1 && i1 <= end1 - snake && start2 < i2 && i2 <= end2 - snake {
                var ahead = 0
                while a[i1 + ahead] == b[i2 + ahead] {
                    if ahead == snake - 1 {
                        bestScore = score
                        bestPoint = (i1, i2)
                        break
                    }
                    ahead += 1
                }
            }
            diagonal -= 2
        }
        if bestScore > 0 {
            return Split(baseIndex: bestPoint.0, sideIndex: bestPoint.1, minimalBefore: false, minimalAfter: true)
        }
        return nil
    }

    /// When the cost limit is reached: split at the point, forward or backward, that got furthest
    /// from its starting corner (by i1 + i2), preferring the forward one only when strictly further.
    func furthestReachingSplit(
        _ start1: Int, _ end1: Int, _ start2: Int, _ end2: Int,
        forwardRange: (low: Int, high: Int), backwardRange: (low: Int, high: Int)
    ) -> Split {
        var forwardBest = -1
        var forwardBest1 = -1
        var diagonal = forwardRange.high
        while diagonal >= forwardRange.low {
            var i1 = min(forward[diagonal], end1)
            var i2 = i1 - diagonal
            if end2 < i2 {
                i1 = end2 + diagonal
                i2 = end2
            }
            if forwardBest < i1 + i2 {
                forwardBest = i1 + i2
                forwardBest1 = i1
            }
            diagonal -= 2
        }

        var backwardBest = Int.max
        var backwardBest1 = Int.max
        diagonal = backwardRange.high
        while diagonal >= backwardRange.low {
            var i1 = max(start1, backward[diagonal])
            var i2 = i1 - diagonal
            if i2 < start2 {
                i1 = start2 + diagonal
                i2 = start2
            }
            if i1 + i2 < backwardBest {
                backwardBest = i1 + i2
                backwardBest1 = i1
            }
            diagonal -= 2
        }

        if (end1 + end2) - backwardBest < forwardBest - (start1 + start2) {
            return Split(
                baseIndex: forwardBest1, sideIndex: forwardBest - forwardBest1,
                minimalBefore: true, minimalAfter: false
            )
        }
        return Split(
            baseIndex: backwardBest1, sideIndex: backwardBest - backwardBest1,
            minimalBefore: false, minimalAfter: true
        )
    }
}
