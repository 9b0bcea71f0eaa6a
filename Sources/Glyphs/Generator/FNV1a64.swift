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
