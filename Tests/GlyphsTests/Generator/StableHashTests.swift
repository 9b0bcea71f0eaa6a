import Testing
@testable import Glyphs

@Suite("Stable hashing")
struct StableHashTests {
    @Test("FNV-1a 64 gives the published test vectors", arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func fnvVectors(input: String, expected: String) {
        #expect(FNV1a64.hexString(FNV1a64.hash(input)) == expected)
    }

    @Test("Hashing in pieces equals hashing the whole")
    func incremental() {
        var hasher = FNV1a64()
        hasher.combine("foo")
        hasher.combine("bar")
        #expect(hasher.value == FNV1a64.hash("foobar"))
    }

    @Test("SplitMix64 seeded with zero gives the reference sequence")
    func splitMixVectors() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("Hex strings keep leading zeros")
    func hexPadding() {
        #expect(FNV1a64.hexString(0x0123) == "0000000000000123")
    }
}

@Suite("HSL colours")
struct HSLColorTests {
    @Test("Primary, grey and extreme colours convert exactly", arguments: [
        (0, 100, 50, "#ff0000"), (120, 100, 50, "#00ff00"), (240, 100, 50, "#0000ff"),
        (60, 100, 50, "#ffff00"), (300, 100, 25, "#800080"), (0, 0, 50, "#808080"),
        (200, 40, 100, "#ffffff"), (200, 40, 0, "#000000"), (390, 100, 50, "#ff8000"),
    ])
    func conversions(hue: Int, saturation: Int, lightness: Int, expected: String) {
        #expect(HSLColor(hue: hue, saturation: saturation, lightness: lightness).rgb.hexString == expected)
    }
}
