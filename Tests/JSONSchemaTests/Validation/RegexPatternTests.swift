import Testing
@testable import JSONSchema

@Suite("ECMA-262 patterns on ICU")
struct RegexPatternTests {
    @Test("ECMA meanings survive the translation", arguments: [
        (#"^\d+$"#, "123", true), (#"^\d+$"#, "١٢٣", false), (#"^\w+$"#, "abc_1", true), (#"^\w+$"#, "é", false),
        ("^abc$", "abc\n", false), ("^abc$", "abc", true), ("[^]", "\n", true), ("a[]", "a", false),
        (#"^[\d.]+$"#, "1.5", true), (#"^\s$"#, "\u{FEFF}", true), (#"\u{1F600}"#, "😀", true), ("[[]", "[", true),
        ("es", "tests", true),
    ])
    func translation(pattern: String, subject: String, matches: Bool) throws {
        #expect(try RegexPattern(ecmaScript: pattern).matches(subject) == matches)
    }
}
