/// Finds every occurrence of many keywords in one pass over bytes (an Aho-Corasick automaton compiled to a
/// dense table), comparing ASCII letters case-insensitively. Keywords are given in lower case.
struct KeywordIndex: Sendable {
    /// `transitions[row + byteClasses[byte]]` is `nextRow << 1 | reports`, where a state's row is
    /// `state * classCount` and `reports` says that the next state ends a keyword.
    private let transitions: [UInt32]
    private let byteClasses: [UInt8]
    private let classCount: Int
    /// The rule indices each state reports (the rules of every keyword ending there), sorted, without repeats.
    private let reportedRules: [[Int]]
    /// Length in bytes of the longest keyword.
    let longestKeyword: Int

    /// Builds the automaton; `keywords` pairs each keyword's bytes with the index of the rule it guards.
    init(keywords: [(bytes: [UInt8], rule: Int)]) {
        var children: [[UInt8: Int]] = [[:]]
        var ownRules: [Set<Int>] = [[]]
        for (bytes, rule) in keywords {
            var state = 0
            for byte in bytes.map(Self.folded) {
                if let next = children[state][byte] {
                    state = next
                } else {
                    children.append([:])
                    ownRules.append([])
                    children[state][byte] = children.count - 1
                    state = children.count - 1
                }
            }
            ownRules[state].insert(rule)
        }
        let stateCount = children.count
        var table = [Int32](repeating: 0, count: stateCount << 8)
        var failure = [Int](repeating: 0, count: stateCount)
        var reported = ownRules
        // Breadth-first: a state's failure link and its missing transitions come from shallower states.
        var queue: [Int] = []
        for byte in 0..<256 {
            if let child = children[0][UInt8(byte)] {
                table[byte] = Int32(child)
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            reported[state].formUnion(reported[failure[state]])
            for byte in 0..<256 {
                let fallback = Int(table[failure[state] << 8 | byte])
                if let child = children[state][UInt8(byte)] {
                    failure[child] = fallback
                    table[state << 8 | byte] = Int32(child)
                    queue.append(child)
                } else {
                    table[state << 8 | byte] = Int32(fallback)
                }
            }
        }
        // Bytes that no keyword tells apart share a class; upper-case ASCII letters join their lower-case forms.
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        var representative: [Int] = [0x00]
        for byte in 0..<256 where byte == Int(Self.folded(UInt8(byte))) {
            let used = (0..<stateCount).contains { children[$0][UInt8(byte)] != nil }
            if used {
                classOf[byte] = UInt8(classCount)
                representative.append(byte)
                classCount += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            classOf[Int(upper)] = classOf[Int(upper | 0x20)]
        }
        if let unused = (0..<256).first(where: { classOf[$0] == 0 && Self.folded(UInt8($0)) == UInt8($0) }) {
            representative[0] = unused
        }
        // Each entry holds the next state's row offset, shifted left once, with bit 0 set when that state reports.
        var rows = [UInt32](repeating: 0, count: stateCount * classCount)
        for state in 0..<stateCount {
            for byteClass in 0..<classCount {
                let next = Int(table[state << 8 | representative[byteClass]])
                rows[state * classCount + byteClass] = UInt32(next * classCount) << 1 | (reported[next].isEmpty ? 0 : 1)
            }
        }
        self.transitions = rows
        self.byteClasses = classOf
        self.classCount = classCount
        self.reportedRules = reported.map { $0.sorted() }
        self.longestKeyword = keywords.map(\.bytes.count).max() ?? 0
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// The rules whose keywords end at a state reported by `forEachHit`.
    func rules(reportedBy row: Int) -> [Int] {
        reportedRules[row / classCount]
    }

    /// Calls `body(end, row)` for every position where at least one keyword ends; `end` is exclusive and
    /// `row` identifies the state for `rules(reportedBy:)`.
    @inline(__always)
    func forEachHit(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            byteClasses.withUnsafeBufferPointer { classes in
                guard let base = bytes.baseAddress, let entries = table.baseAddress, let classOf = classes.baseAddress else {
                    return
                }
                var row = 0
                for index in 0..<bytes.count {
                    let entry = Int(entries[row &+ Int(classOf[Int(base[index])])])
                    row = entry &>> 1
                    if entry & 1 != 0 {
                        body(index &+ 1, row)
                    }
                }
            }
        }
    }
}
