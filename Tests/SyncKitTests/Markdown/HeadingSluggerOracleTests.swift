import Foundation
@testable import MarkdownScan
import TestSupport
import Testing

/// Generated headings (Unicode letters and marks, punctuation, emoji, case, duplicates) slugged
/// by `HeadingSlugger` and by the PyPI `github-slugger` package; every slug must agree.
@Suite("GitHub heading slugs against github-slugger")
struct HeadingSluggerOracleTests {
    static let oracle = PythonOracle(script: "Tests/SyncKitTests/Oracles/slugger_oracle.py", packages: ["github-slugger"])

    /// What headings are made of. Letters and marks come from scripts and blocks settled long
    /// before the oracle's Unicode tables (Unicode 12), so a disagreement is a rule, not a table age.
    static let pieces: [String] = [
        "Intro", "API", "v1.2.3", "C++", "Rust", "hello", "World", "über", "Straße", "ÉCOLE", "naïve",
        "Ж", "данные", "中文", "日本語", "한국어", "العربية", "עברית", "ελληνικά", "देवनागरी", "ไทย",
        "e\u{301}", "a\u{308}", "\u{130}", "ǅ", "ﬁ", "①", "²", "٣", "Ⅻ",
        "😀", "👍🏽", "❤️", "🇫🇷", "👩‍💻", "✨", "→", "©", "™", "½",
        "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", ".", "/", ":", ";", "<", "=", ">",
        "?", "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~", "-", "--", "—", "–", "…", "«", "»",
        " ", "  ", "\t", "\u{00A0}", "\u{200B}", "\u{3000}", "0", "42", "x_y", "a-b", "-1",
    ]

    static func headings(seed: UInt64, documents: Int, perDocument: Int) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        return (0..<documents).map { _ in
            var document: [String] = []
            for _ in 0..<perDocument {
                if !document.isEmpty, random.chance(20), let again = document.randomElement(using: &random) {
                    document.append(random.chance(50) ? again : again + "-1")
                    continue
                }
                let count = Int.random(in: 1...6, using: &random)
                document.append((0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined())
            }
            return document
        }
    }

    struct Request: Encodable { var documents: [[String]] }

    @Test("2,000 generated headings in 100 documents give the oracle's slugs", arguments: [UInt64(20_261_203), 7])
    func generatedHeadings(seed: UInt64) throws {
        let documents = Self.headings(seed: seed, documents: 100, perDocument: 20)
        let expected = try Self.oracle.run(Request(documents: documents), as: [[String]].self)
        try #require(expected.count == documents.count, "the oracle answered \(expected.count) documents of \(documents.count)")
        var mismatches: [String] = []
        for (document, slugs) in zip(documents, expected) {
            try #require(slugs.count == document.count)
            var slugger = HeadingSlugger()
            for (heading, slug) in zip(document, slugs) {
                let ours = slugger.slug(heading)
                if ours != slug { mismatches.append("\(heading.debugDescription): ours \(ours.debugDescription), github-slugger \(slug.debugDescription)") }
            }
        }
        #expect(mismatches.isEmpty, "seed \(seed), \(mismatches.count) of 2000 differ:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test("fixed headings that state a rule each agree with the oracle")
    func statedRules() throws {
        let document = [
            "Intro", "Intro", "Intro-1", "C++ & Rust: notes!", "  Spaces  around  ", "ÜBER straße", "emoji 😀 here",
            "Ünïcödé", "dots.and_underscores", "a -- b", "", "1. Numbered", "`code` *em*",
        ]
        let expected = try Self.oracle.run(Request(documents: [document]), as: [[String]].self)
        var slugger = HeadingSlugger()
        #expect(document.map { slugger.slug($0) } == expected.first)
    }
}
