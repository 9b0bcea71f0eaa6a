/// Deterministic large inputs for the merge benchmark: a code-like base (mostly unique lines, some
/// blank lines and braces) and two sides with `edits` scattered edits each. A tenth of their edits
/// hit the same spot as one of ours with other text (conflicts); a twentieth repeat ours exactly.
struct MergeBenchFiles {
    let base: [UInt8]
    let ours: [UInt8]
    let theirs: [UInt8]

    private struct Edit {
        var position: Int
        var removed: Int
        var inserted: [String]
    }

    init(lines: Int, edits: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var serial = 0
        func codeLine() -> String {
            serial += 1
            switch Int.random(in: 0..<20, using: &random) {
            case 0, 1: return ""
            case 2: return "}"
            case 3: return "    }"
            default:
                let indent = String(repeating: " ", count: 4 * Int.random(in: 1...3, using: &random))
                return "\(indent)let value\(serial) = compute(\(Int.random(in: 0..<10_000, using: &random)), step: \(serial % 7))"
            }
        }
        func makeEdit(at position: Int) -> Edit {
            Edit(
                position: position, removed: Int.random(in: 0...3, using: &random),
                inserted: (0..<Int.random(in: 0...3, using: &random)).map { _ in codeLine() }
            )
        }
        let baseLines = (0..<lines).map { _ in codeLine() }
        let oursEdits = (0..<edits).map { _ in makeEdit(at: Int.random(in: 0..<max(lines, 1), using: &random)) }
        let theirsEdits = (0..<edits).map { _ -> Edit in
            let roll = Int.random(in: 0..<100, using: &random)
            guard roll < 15, let shared = oursEdits.randomElement(using: &random) else {
                return makeEdit(at: Int.random(in: 0..<max(lines, 1), using: &random))
            }
            if roll < 5 { return shared }
            var conflicting = shared
            conflicting.inserted = [codeLine()] + conflicting.inserted.map { _ in codeLine() }
            return conflicting
        }
        func apply(_ edits: [Edit]) -> [String] {
            var result = baseLines
            var lowestTouched = Int.max
            for edit in edits.sorted(by: { $0.position > $1.position }) where edit.position + edit.removed < lowestTouched {
                let removed = min(edit.removed, result.count - edit.position)
                result.replaceSubrange(edit.position..<(edit.position + removed), with: edit.inserted)
                lowestTouched = edit.position
            }
            return result
        }
        func render(_ lines: [String]) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(lines.count * 48)
            for line in lines {
                bytes.append(contentsOf: line.utf8)
                bytes.append(0x0A)
            }
            return bytes
        }
        base = render(baseLines)
        ours = render(apply(oursEdits))
        theirs = render(apply(theirsEdits))
    }
}

/// SplitMix64: a small seeded generator so the benchmark files are the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
