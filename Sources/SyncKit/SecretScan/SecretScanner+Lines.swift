import Foundation

extension SecretScanner {
    /// A keyword occurrence: where it ends (exclusive, absolute offset) and the automaton state reporting it.
    struct KeywordHit {
        let end: Int
        let state: Int
    }

    /// Scans `bytes[range]`, which starts at a line start; finding lines count from 1 at `range.lowerBound`.
    func scanPiece(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, path: String, countsLines: Bool) -> PieceOutcome {
        var outcome = PieceOutcome()
        if countsLines {
            outcome.lineFeedCount = Self.lineFeeds(in: bytes, range)
        }
        var hits: [KeywordHit] = []
        let lower = range.lowerBound
        keywords.forEachHit(in: UnsafeBufferPointer(rebasing: bytes[range])) { end, state in
            hits.append(KeywordHit(end: lower + end, state: state))
        }
        var lineNumber = 1
        var countedFrom = range.lowerBound
        var next = 0
        while next < hits.count {
            let position = hits[next].end - 1
            let lineStart = Self.lastIndex(of: 0x0a, in: bytes, countedFrom..<position).map { $0 + 1 } ?? countedFrom
            lineNumber += Self.lineFeeds(in: bytes, countedFrom..<lineStart)
            countedFrom = lineStart
            let lineEnd = Self.firstIndex(of: 0x0a, in: bytes, position..<range.upperBound) ?? range.upperBound
            var last = next
            while last < hits.count, hits[last].end - 1 < lineEnd {
                last += 1
            }
            let line = LineContext(path: path, number: lineNumber, start: lineStart, end: lineEnd)
            scanLine(bytes, line, hits: hits[next..<last], into: &outcome)
            next = last
        }
        return outcome
    }

    /// The parts of a line that rules run on: the whole line, or windows around keyword hits on a long line.
    private func scanLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: LineContext, hits: ArraySlice<KeywordHit>, into outcome: inout PieceOutcome
    ) {
        let contentEnd = line.end > line.start && bytes[line.end - 1] == 0x0d ? line.end - 1 : line.end
        var windows: [(range: Range<Int>, rules: Set<Int>)] = []
        if contentEnd - line.start <= configuration.longLineLength {
            let rules = hits.reduce(into: Set<Int>()) { $0.formUnion(keywords.rules(reportedBy: $1.state)) }
            windows.append((line.start..<contentEnd, rules))
        } else {
            let before = keywords.longestKeyword + 512, after = 2048
            for hit in hits {
                let window = max(line.start, hit.end - before)..<min(contentEnd, hit.end + after)
                let rules = Set(keywords.rules(reportedBy: hit.state))
                // Overlapping windows merge up to a bound; past it a new (overlapping) window starts, and
                // `taken` keeps a secret seen by both from being reported twice.
                if let previous = windows.last, previous.range.upperBound >= window.lowerBound,
                   previous.range.count < Self.mergedWindowLimit {
                    windows[windows.count - 1] = (previous.range.lowerBound..<window.upperBound, previous.rules.union(rules))
                } else if !window.isEmpty {
                    windows.append((window, rules))
                }
            }
        }
        var taken: [Range<Int>] = []
        for window in windows {
            let text = Self.regexText(bytes, window.range)
            for ruleIndex in window.rules.sorted() {
                match(ruleSet.rules[ruleIndex], in: text, bytes, window: window.range, line: line, taken: &taken, into: &outcome)
            }
        }
    }

    static let mergedWindowLimit = 1 << 16

    /// Runs one rule over one window and turns its accepted matches into findings.
    private func match(
        _ rule: SecretRule, in text: String, _ bytes: UnsafeBufferPointer<UInt8>, window: Range<Int>,
        line: LineContext, taken: inout [Range<Int>], into outcome: inout PieceOutcome
    ) {
        let matches = rule.regex.matches(in: text, range: NSRange(location: 0, length: window.count))
        for match in matches {
            let group = match.range(at: rule.secretGroup)
            guard group.location != NSNotFound, group.length > 0 else { continue }
            let secretRange = (window.lowerBound + group.location)..<(window.lowerBound + group.location + group.length)
            guard !taken.contains(where: { $0.overlaps(secretRange) }) else { continue }
            let secret = Array(bytes[secretRange])
            if let threshold = rule.minimumEntropy, ShannonEntropy.bitsPerByte(of: secret) < threshold { continue }
            let secretText = String(decoding: secret, as: UTF8.self)
            if rule.allows(secretText) || (rule.rejectsPlaceholders && ruleSet.isPlaceholder(secretText)) { continue }
            taken.append(secretRange)
            let matchStart = window.lowerBound + match.range.location
            let fingerprint = SecretRedaction.fingerprint(ruleID: rule.id, secret: secret)
            let lineHash = { SecretAllowlist.lineHash(Array(bytes[line.start..<line.end])[...]) }
            if allowlist.suppresses(ruleID: rule.id, path: line.path, fingerprint: fingerprint, lineHash: lineHash) {
                outcome.suppressedCount += 1
                continue
            }
            outcome.findings.append(SecretFinding(
                ruleID: rule.id, message: rule.summary, path: line.path, line: line.number,
                column: secretRange.lowerBound - line.start + 1,
                preview: SecretRedaction.preview(context: Array(bytes[matchStart..<secretRange.lowerBound])[...], secret: secret[...]),
                fingerprint: fingerprint))
        }
    }

    /// The window as a pure-ASCII string, so regex offsets are byte offsets: other bytes become U+001A.
    private static func regexText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, byte) in bytes[range].enumerated() {
                buffer[offset] = byte < 0x80 && byte != 0 ? byte : 0x1a
            }
            return range.count
        }
    }

    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range {
            count &+= bytes[index] == 0x0a ? 1 : 0
        }
        return count
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    private static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if bytes[index] == byte { return index }
        }
        return nil
    }
}

/// The line a finding is on.
struct LineContext {
    let path: String
    let number: Int
    /// Absolute offset of the line's first byte.
    let start: Int
    /// Absolute offset of its line feed (or the end of the piece).
    let end: Int
}
