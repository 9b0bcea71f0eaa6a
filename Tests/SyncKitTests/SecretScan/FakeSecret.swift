/// Builds secret-shaped strings at run time from a fixed seed, so no credential-looking literal sits in the
/// sources (and other scanners do not flag this repository), while every run sees the same values.
enum FakeSecret {
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let upperAlphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// `count` characters from `alphabet`, chosen by a generator seeded with `seed`.
    static func random(_ count: Int, from alphabet: [Character] = alphanumeric, seed: UInt64 = 1) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return String((0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return alphabet[Int(state % UInt64(alphabet.count))]
        })
    }

    /// Joins parts, so a known prefix such as a token's never appears whole in a source literal.
    static func joined(_ parts: String...) -> String {
        parts.joined()
    }
}
