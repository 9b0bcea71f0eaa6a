/// Precomputed once per document so inline scanning stays linear however many unmatched `[`
/// or backticks a paragraph holds: where each backtick run's closing run is, and which `]`
/// closes each `[` (skipping escapes and code spans, balancing nested brackets).
struct InlineIndex: Sendable {
    struct CodeSpan {
        let contentStart: Int
        let contentEnd: Int
        let end: Int
    }

    private let bytes: [UInt8]
    /// Start offsets of maximal backtick runs, by run length, ascending.
    private var runStarts: [Int: [Int]] = [:]
    /// `[` offset → offset of its `]`.
    private var closingBrackets: [Int: Int] = [:]
    /// Offsets of every `"`, `'` and `-->`, ascending, for HTML attribute values and comments.
    private var doubleQuotes: [Int] = []
    private var singleQuotes: [Int] = []
    private var commentCloses: [Int] = []

    init(bytes: [UInt8], regions: [Range<Int>]) {
        self.bytes = bytes
        var position = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""): doubleQuotes.append(position)
            case UInt8(ascii: "'"): singleQuotes.append(position)
            case UInt8(ascii: "-") where position + 2 < bytes.count && bytes[position + 1] == UInt8(ascii: "-") && bytes[position + 2] == UInt8(ascii: ">"):
                commentCloses.append(position)
            default: break
            }
            guard bytes[position] == UInt8(ascii: "`") else {
                position += 1
                continue
            }
            let length = runLength(at: position, end: bytes.count)
            runStarts[length, default: []].append(position)
            position += length
        }
        for region in regions { indexBrackets(in: region) }
    }

    func runLength(at position: Int, end: Int) -> Int {
        var runEnd = position
        while runEnd < end, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        return runEnd - position
    }

    /// The code span opened by the backtick run at `position`, or nil when no run of the same
    /// length follows before `end` (then the backticks are literal).
    func codeSpan(at position: Int, end: Int) -> CodeSpan? {
        let length = runLength(at: position, end: end)
        guard let starts = runStarts[length] else { return nil }
        let contentStart = position + length
        guard let close = Self.first(in: starts, atOrAfter: contentStart), close + length <= end else { return nil }
        return CodeSpan(contentStart: contentStart, contentEnd: close, end: close + length)
    }

    /// The next `quote` (`"` or `'`) at or after `position` and before `end`.
    func nextQuote(_ quote: UInt8, from position: Int, end: Int) -> Int? {
        guard let found = Self.first(in: quote == UInt8(ascii: "'") ? singleQuotes : doubleQuotes, atOrAfter: position), found < end else {
            return nil
        }
        return found
    }

    /// The end of the comment whose `<!--` starts at `start`, when it closes before `end`.
    func commentEnd(openingAt start: Int, end: Int) -> Int? {
        guard start + 4 <= end, bytes[start..<start + 4].elementsEqual("<!--".utf8),
              let close = Self.first(in: commentCloses, atOrAfter: start + 4), close + 3 <= end else { return nil }
        return close + 3
    }

    private static func first(in sorted: [Int], atOrAfter value: Int) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? sorted[low] : nil
    }

    /// The `]` closing the `[` at `open`, when it lies before `end`.
    func matchingBracket(open: Int, end: Int) -> Int? {
        guard let close = closingBrackets[open], close < end else { return nil }
        return close
    }

    private mutating func indexBrackets(in region: Range<Int>) {
        var openers: [Int] = []
        var cursor = region.lowerBound
        while cursor < region.upperBound {
            switch bytes[cursor] {
            case UInt8(ascii: "\\"):
                cursor += 2
                continue
            case UInt8(ascii: "`"):
                cursor = codeSpan(at: cursor, end: region.upperBound)?.end ?? cursor + runLength(at: cursor, end: region.upperBound)
                continue
            case UInt8(ascii: "["):
                openers.append(cursor)
            case UInt8(ascii: "]"):
                if let open = openers.popLast() { closingBrackets[open] = cursor }
            default:
                break
            }
            cursor += 1
        }
    }
}
