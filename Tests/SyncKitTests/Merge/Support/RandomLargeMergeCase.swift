import TestSupport

/// Large files with many scattered edits on both sides.
///
/// With `vocabulary: nil` most lines are unique and a few are frequent (blank, braces): git's
/// pre-pass sets most changed lines aside before the search. With a small vocabulary every line
/// matches many others, so the Myers search itself does the work and, past an edit cost of 256,
/// takes git's cost cut-offs.
enum RandomLargeMergeCase {
    static func make(lines: Int, edits: Int, vocabulary: Int? = nil, using random: inout SeededGenerator) -> RandomMergeCase {
        var serial = 0
        func freshLine() -> String {
            if let vocabulary { return "item \(Int.random(in: 0..<vocabulary, using: &random))" }
            serial += 1
            if random.chance(30) { return ["", "}", "{", "    return nil", "// ---"].randomElement(using: &random)! }
            return "line \(serial): \(Int.random(in: 0..<1000, using: &random))"
        }
        let base = (0..<lines).map { _ in freshLine() }
        func side() -> [String] {
            var result = base
            let positions = (0..<edits).map { _ in Int.random(in: 0..<lines, using: &random) }.sorted(by: >)
            for position in positions where position < result.count {
                let removed = min(Int.random(in: 0...3, using: &random), result.count - position)
                let inserted = (0..<Int.random(in: 0...3, using: &random)).map { _ in freshLine() }
                result.replaceSubrange(position..<(position + removed), with: inserted)
            }
            return result
        }
        func render(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }
        return RandomMergeCase(base: render(base), ours: render(side()), theirs: render(side()))
    }
}
