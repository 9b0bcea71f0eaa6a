/// Myers' O(ND) search for the middle snake, with divide and conquer, over the lines the pre-pass
/// kept. It follows xdiff step for step, including its shortcuts for expensive inputs: once the
/// edit cost passes a threshold it may settle for a good-enough split instead of the optimal one.
/// Those shortcuts only matter for large, heavily edited files, but git takes them, so we do too.
struct MyersSearch {
    static let costLimitFloor = 256
    private static let heuristicMinimumCost = 256
    /// A run of equal lines longer than this counts as a long snake.
    static let snakeLength = 20
    private static let unreachable = Int.max

    /// Classes of the kept lines (may be nil when a side kept nothing).
    let base: UnsafePointer<Int32>?
    let side: UnsafePointer<Int32>?
    /// Line numbers of the kept lines in their files.
    let baseLines: UnsafePointer<Int>?
    let sideLines: UnsafePointer<Int>?
    /// Change marks per line of the whole files.
    let baseChanged: UnsafeMutablePointer<UInt8>
    let sideChanged: UnsafeMutablePointer<UInt8>
    /// Furthest-reaching positions per diagonal (diagonal k = base index − side index), already
    /// offset so negative diagonals can be indexed directly.
    let forward: UnsafeMutablePointer<Int>
    let backward: UnsafeMutablePointer<Int>
    let maximumCost: Int

    /// Where to cut the box, and whether each half must then be searched without shortcuts.
    struct Split {
        var baseIndex: Int
        var sideIndex: Int
        var minimalBefore: Bool
        var minimalAfter: Bool
    }

    /// Marks the changed lines between `base` and `side` (ranges of kept-line indexes). The first
    /// half of each split recurses; the second half loops, so the stack stays shallow.
    func compare(base baseRange: Range<Int>, side sideRange: Range<Int>, minimal: Bool) {
        var start1 = baseRange.lowerBound, end1 = baseRange.upperBound
        var start2 = sideRange.lowerBound, end2 = sideRange.upperBound
        var minimal = minimal
        while true {
            while start1 < end1 && start2 < end2 && base![start1] == side![start2] {
                start1 += 1
                start2 += 1
            }
            while start1 < end1 && start2 < end2 && base![end1 - 1] == side![end2 - 1] {
                end1 -= 1
                end2 -= 1
            }
            if start1 == end1 {
                for index in start2..<end2 { sideChanged[sideLines![index]] = 1 }
                return
            }
            if start2 == end2 {
                for index in start1..<end1 { baseChanged[baseLines![index]] = 1 }
                return
            }
            let split = findSplit(start1, end1, start2, end2, minimal: minimal)
            compare(base: start1..<split.baseIndex, side: start2..<split.sideIndex, minimal: split.minimalBefore)
            start1 = split.baseIndex
            start2 = split.sideIndex
            minimal = split.minimalAfter
        }
    }

    private func findSplit(_ start1: Int, _ end1: Int, _ start2: Int, _ end2: Int, minimal: Bool) -> Split {
        let a = base!, b = side!
        let lowestDiagonal = start1 - end2, highestDiagonal = end1 - start2
        let forwardMiddle = start1 - start2, backwardMiddle = end1 - end2
        let oddDelta = (forwardMiddle - backwardMiddle) & 1 != 0
        var forwardLow = forwardMiddle, forwardHigh = forwardMiddle
        var backwardLow = backwardMiddle, backwardHigh = backwardMiddle
        forward[forwardMiddle] = start1
        backward[backwardMiddle] = end1

        var cost = 1
        while true {
            var sawLongSnake = false

            // Widen the forward diagonal range by one on each side, or shrink it at the box edges.
            if forwardLow > lowestDiagonal {
                forwardLow -= 1
                forward[forwardLow - 1] = -1
            } else {
                forwardLow += 1
            }
            if forwardHigh < highestDiagonal {
                forwardHigh += 1
                forward[forwardHigh + 1] = -1
            } else {
                forwardHigh -= 1
            }
            var diagonal = forwardHigh
            while diagonal >= forwardLow {
                var i1 = forward[diagonal - 1] >= forward[diagonal + 1]
                    ? forward[diagonal - 1] + 1 : forward[diagonal + 1]
                let snakeStart = i1
                var i2 = i1 - diagonal
                while i1 < end1 && i2 < end2 && a[i1] == b[i2] {
                    i1 += 1
                    i2 += 1
                }
                if i1 - snakeStart > Self.snakeLength { sawLongSnake = true }
                forward[diagonal] = i1
                if oddDelta && backwardLow <= diagonal && diagonal <= backwardHigh && backward[diagonal] <= i1 {
                    return Split(baseIndex: i1, sideIndex: i2, minimalBefore: true, minimalAfter: true)
                }
                diagonal -= 2
            }

            if backwardLow > lowestDiagonal {
                backwardLow -= 1
                backward[backwardLow - 1] = Self.unreachable
            } else {
                backwardLow += 1
            }
            if backwardHigh < highestDiagonal {
                backwardHigh += 1
                backward[backwardHigh + 1] = Self.unreachable
            } else {
                backwardHigh -= 1
            }
            diagonal = backwardHigh
            while diagonal >= backwardLow {
                var i1 = backward[diagonal - 1] < backward[diagonal + 1]
                    ? backward[diagonal - 1] : backward[diagonal + 1] - 1
                let snakeStart = i1
                var i2 = i1 - diagonal
                while i1 > start1 && i2 > start2 && a[i1 - 1] == b[i2 - 1] {
                    i1 -= 1
                    i2 -= 1
                }
                if snakeStart - i1 > Self.snakeLength { sawLongSnake = true }
                backward[diagonal] = i1
                if !oddDelta && forwardLow <= diagonal && diagonal <= forwardHigh && i1 <= forward[diagonal] {
                    return Split(baseIndex: i1, sideIndex: i2, minimalBefore: true, minimalAfter: true)
                }
                diagonal -= 2
            }

            if !minimal {
                if sawLongSnake && cost > Self.heuristicMinimumCost,
                   let split = promisingSplit(
                       cost: cost, start1, end1, start2, end2,
                       forwardRange: (forwardLow, forwardHigh, forwardMiddle),
                       backwardRange: (backwardLow, backwardHigh, backwardMiddle)
                   ) {
                    return split
                }
                if cost >= maximumCost {
                    return furthestReachingSplit(
                        start1, end1, start2, end2,
                        forwardRange: (forwardLow, forwardHigh), backwardRange: (backwardLow, backwardHigh)
                    )
                }
            }
            cost += 1
        }
    }
}
