import Testing
@testable import SyncKit

@Suite("Heading slugger")
struct HeadingSluggerTests {
    @Test("Characters assigned after Unicode 13.0 are dropped, as github-slugger's generated class drops them")
    func unicodeVersionPinned() throws {
        let letterFrom14 = try #require(Unicode.Scalar(0x0870))  // ARABIC LETTER ALEF WITH ATTACHED FATHA
        let letterFrom13 = try #require(Unicode.Scalar(0x08BE))  // ARABIC LETTER PEH WITH SMALL V
        #expect(letterFrom14.properties.generalCategory == .otherLetter)
        #expect(HeadingSlugger.baseSlug("a\(letterFrom14)b") == "ab")
        #expect(HeadingSlugger.baseSlug("a\(letterFrom13)b") == "a\(letterFrom13)b")
    }

    @Test("Lowercasing follows JavaScript, including final sigma and multi-scalar mappings", arguments: [
        ("ΟΔΟΣ ΣΑΣ", "οδος-σας"),
        ("ΟΔΟΣ", "οδος"),
        ("İstanbul", "i\u{307}stanbul"),
        ("ẞ", "ß"),
    ])
    func javaScriptLowercasing(input: String, expected: String) {
        #expect(HeadingSlugger.baseSlug(input) == expected)
    }

    @Test("Letters, marks, numbers, connector punctuation, hyphen and space survive; the rest is dropped", arguments: [
        ("Hello, World!", "hello-world"),
        ("C++ & C#", "c--c"),
        ("snake_case-kebab", "snake_case-kebab"),
        ("Ⅻ ½ ²", "ⅻ--"),
        ("tab\there", "tabhere"),
        ("🎉 Party", "-party"),
    ])
    func characterClasses(input: String, expected: String) {
        #expect(HeadingSlugger.baseSlug(input) == expected)
    }
}
