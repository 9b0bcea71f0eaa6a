/// SplitMix64: a small generator that stretches one 64-bit seed into a stream of well-mixed
/// 64-bit values (increment 0x9e3779b97f4a7c15, then two xor-shift-multiply rounds).
package struct SplitMix64: Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`, from the remainder (the tiny bias is part of the fixed algorithm).
    package mutating func next(below bound: UInt64) -> Int {
        Int(next() % bound)
    }
}
