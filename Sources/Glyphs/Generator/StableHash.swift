/// FNV-1a, 64-bit: a fixed, documented hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
/// that gives the same value on every machine and in every run, unlike Swift's seeded `Hasher`.
package struct FNV1a64: Sendable {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    package mutating func combine(_ text: String) {
        combine(text.utf8)
    }

    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a64()
        hasher.combine(bytes)
        return hasher.value
    }

    package static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }

    /// The hash as 16 lower-case hex digits.
    package static func hexString(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<16).map { digits[Int((value >> UInt64(60 - $0 * 4)) & 0xF)] })
    }
}

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
