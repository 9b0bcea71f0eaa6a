import TestSupport

/// Three small files built to provoke ambiguous alignments: few distinct lines, short files, sides
/// derived from the base by a few edits (or unrelated), mixed line endings, missing final newlines.
struct RandomMergeCase: CustomStringConvertible, Sendable {
    var base: [UInt8]
    var ours: [UInt8]
    var theirs: [UInt8]

    var description: String {
        func show(_ bytes: [UInt8]) -> String { String(reflecting: String(decoding: bytes, as: UTF8.self)) }
        return "ours: \(show(ours))\nbase: \(show(base))\ntheirs: \(show(theirs))"
    }

    private enum Ending {
        case lf, crlf, mixed
    }

    /// Lines drawn from an alphabet of 3 to 5 lines, up to `maximumLines` per file.
    static func make(using random: inout SeededGenerator, maximumLines: Int = 12) -> RandomMergeCase {
        let alphabet = Array(["a", "b", "c", "d", "e"].prefix(Int.random(in: 3...5, using: &random)))
        let base = (0..<Int.random(in: 0...maximumLines, using: &random)).map { _ in
            alphabet.randomElement(using: &random)!
        }
        return make(base: base, maximumLines: maximumLines, using: &random) { random in
            alphabet.randomElement(using: &random)!
        }
    }

    /// A base full of `"a"` lines whose sides insert runs of lines found nowhere else with an
    /// occasional `"a"` among them: a frequent line amid unmatched ones is what git's pre-pass
    /// sets aside before its search.
    static func makeSparse(using random: inout SeededGenerator) -> RandomMergeCase {
        let base = (0..<Int.random(in: 8...24, using: &random)).map { _ in
            random.chance(60) ? "a" : random.chance(50) ? "b" : "c"
        }
        var serial = 0
        return make(base: base, maximumLines: 24, insertionLength: 0...10, using: &random) { random in
            serial += 1
            return random.chance(30) ? "a" : "x\(serial)"
        }
    }

    private static func make(
        base: [String], maximumLines: Int, insertionLength: ClosedRange<Int> = 0...3,
        using random: inout SeededGenerator, newLine: (inout SeededGenerator) -> String
    ) -> RandomMergeCase {
        let ending: Ending = random.chance(70) ? .lf : random.chance(50) ? .crlf : .mixed
        func side() -> [String] {
            if random.chance(10) { return base }
            if random.chance(10) {
                return (0..<Int.random(in: 0...maximumLines, using: &random)).map { _ in newLine(&random) }
            }
            var lines = base
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0...lines.count, using: &random)
                let removed = min(Int.random(in: 0...2, using: &random), lines.count - position)
                let inserted = random.chance(30) ? [] : (0..<Int.random(in: insertionLength, using: &random)).map { _ in
                    newLine(&random)
                }
                lines.replaceSubrange(position..<(position + removed), with: inserted)
            }
            return lines
        }
        let ours = side()
        let theirs = random.chance(5) ? ours : side()
        return RandomMergeCase(
            base: render(base, ending: ending, using: &random),
            ours: render(ours, ending: ending, using: &random),
            theirs: render(theirs, ending: ending, using: &random)
        )
    }

    private static func render(_ lines: [String], ending: Ending, using random: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += Array(line.utf8)
            let crlf = ending == .crlf || (ending == .mixed && random.chance(50))
            bytes += crlf ? [0x0D, 0x0A] : [0x0A]
        }
        if !bytes.isEmpty && random.chance(25) {
            bytes.removeLast()
            if bytes.last == 0x0D && random.chance(50) { bytes.removeLast() }
        }
        return bytes
    }
}
