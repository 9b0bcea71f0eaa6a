import SyncCore
@testable import SyncKit
import Testing

@Suite("Keyword automaton, entropy and SHA-256")
struct ScanPrimitivesTests {
    /// Every (end, keyword) pair found by plain comparison at every offset, ASCII case-insensitively.
    func naiveHits(_ text: [UInt8], _ keywords: [[UInt8]]) -> Set<[Int]> {
        let lowered = text.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
        var hits: Set<[Int]> = []
        for (index, keyword) in keywords.enumerated() where keyword.count <= lowered.count {
            for start in 0...(lowered.count - keyword.count) where Array(lowered[start..<start + keyword.count]) == keyword {
                hits.insert([start + keyword.count, index])
            }
        }
        return hits
    }

    @Test("The automaton reports exactly the keyword occurrences a naive search finds", arguments: 1...20)
    func automatonMatchesNaiveSearch(seed: Int) {
        let alphabet = Array("abAB-_ \n".utf8)
        var state = UInt64(seed) &* 0x2545_F491_4F6C_DD1D | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let keywords: [[UInt8]] = (0..<6).map { _ in
            (0..<(1 + next(4))).map { _ in [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "-")][next(3)] }
        }
        let text: [UInt8] = (0..<2000).map { _ in alphabet[next(alphabet.count)] }
        let index = KeywordIndex(keywords: keywords.enumerated().map { ($0.element, $0.offset) })
        var found: Set<[Int]> = []
        text.withUnsafeBufferPointer { buffer in
            index.forEachHit(in: buffer) { end, row in
                for rule in index.rules(reportedBy: row) {
                    for (keywordIndex, keyword) in keywords.enumerated() where keywordIndex == rule {
                        let start = end - keyword.count
                        if start >= 0, Array(text[start..<end]).map({ (65...90).contains($0) ? $0 | 0x20 : $0 }) == keyword {
                            found.insert([end, keywordIndex])
                        }
                    }
                }
            }
        }
        #expect(found == naiveHits(text, keywords))
    }

    @Test("The automaton reports nothing on text without keywords")
    func automatonIsQuietOnCleanText() {
        let index = KeywordIndex(keywords: [(Array("ghp_".utf8), 0), (Array("password".utf8), 1)])
        var count = 0
        Array("nothing here but gh_p and pass word".utf8).withUnsafeBufferPointer { buffer in
            index.forEachHit(in: buffer) { _, _ in count += 1 }
        }
        #expect(count == 0)
    }

    @Test("Shannon entropy in bits per byte", arguments: [
        ("", 0.0), ("aaaa", 0.0), ("ab", 1.0), ("abcd", 2.0), ("aabb", 1.0), ("0123456789abcdef", 4.0),
    ])
    func entropy(text: String, bits: Double) {
        #expect(abs(ShannonEntropy.bitsPerByte(of: Array(text.utf8)) - bits) < 1e-9)
    }

    @Test("SHA-256 agrees with the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256Vectors(message: String, digest: String) {
        #expect(Checksum.sha256Hex(Array(message.utf8)) == digest)
    }

    @Test("SHA-256 of a million 'a' bytes (multi-block)")
    func sha256LongMessage() {
        let digest = Checksum.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
