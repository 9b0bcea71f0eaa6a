import TestSupport
import Testing
import SyncKit

/// Algebraic properties of the merge on random inputs (small repetitive files, sparse files and
/// arbitrary bytes, invalid UTF-8 included).
@Suite("Three-way merge properties")
struct MergePropertyTests {
    enum Property: String, CaseIterable, CustomTestStringConvertible {
        case theirsUnchangedGivesOurs = "merge(ours: A, base: O, theirs: O) == A"
        case oursUnchangedGivesTheirs = "merge(ours: O, base: O, theirs: B) == B"
        case sameChangeGivesIt = "merge(ours: A, base: O, theirs: A) == A"

        var testDescription: String { rawValue }
    }

    @Test("The merge keeps the only change, or the common change, byte for byte", arguments: Property.allCases)
    func holds(_ property: Property) {
        let seed: UInt64 = 77
        var random = SeededGenerator(seed: seed)
        var failures = 0
        for number in 0..<3000 where failures < 5 {
            let sample = Self.sample(number, using: &random)
            let a = sample.ours, o = sample.base, b = sample.theirs
            let result: MergeResult
            let expected: [UInt8]
            switch property {
            case .theirsUnchangedGivesOurs:
                result = ThreeWayMerge.merge(base: o, ours: a, theirs: o)
                expected = a
            case .oursUnchangedGivesTheirs:
                result = ThreeWayMerge.merge(base: o, ours: o, theirs: b)
                expected = b
            case .sameChangeGivesIt:
                result = ThreeWayMerge.merge(base: o, ours: a, theirs: a)
                expected = a
            }
            if result.bytes != expected || !result.isClean {
                failures += 1
                Issue.record("seed \(seed), case \(number): \(property.rawValue) fails for\n\(sample)")
            }
        }
    }

    /// Every third sample is arbitrary bytes (with `\n` and `\r` made common), the rest text.
    static func sample(_ number: Int, using random: inout SeededGenerator) -> RandomMergeCase {
        switch number % 3 {
        case 0: return RandomMergeCase.make(using: &random)
        case 1: return RandomMergeCase.makeSparse(using: &random)
        default:
            func bytes() -> [UInt8] {
                (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    random.chance(25) ? 0x0A : random.chance(10) ? 0x0D : UInt8.random(in: 0...255, using: &random)
                }
            }
            return RandomMergeCase(base: bytes(), ours: bytes(), theirs: bytes())
        }
    }
}
