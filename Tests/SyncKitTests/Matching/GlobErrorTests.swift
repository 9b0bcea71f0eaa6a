@testable import SyncCore
import Testing

@Suite("Glob errors")
struct GlobErrorTests {
    @Test("Invalid patterns are rejected with the column of the problem", arguments: [
        ("docs/[abc.md", GlobError.unclosedBracket(pattern: "docs/[abc.md", column: 6)),
        ("docs/{a,b.md", GlobError.unclosedBrace(pattern: "docs/{a,b.md", column: 6)),
        ("a**b", GlobError.globstarInsideSegment(pattern: "a**b", column: 2)),
        ("x/**.md", GlobError.globstarInsideSegment(pattern: "x/**.md", column: 3)),
        ("***/x", GlobError.globstarInsideSegment(pattern: "***/x", column: 1)),
        ("a//b", GlobError.emptySegment(pattern: "a//b", column: 2)),
        ("docs/", GlobError.trailingSlash(pattern: "docs/", column: 5)),
        ("/docs/*.md", GlobError.absolutePattern(pattern: "/docs/*.md")),
        ("a\\", GlobError.danglingEscape(pattern: "a\\", column: 2)),
        ("../x", GlobError.relativeSegment(pattern: "../x", column: 1)),
        ("a/./x", GlobError.relativeSegment(pattern: "a/./x", column: 3)),
        ("[a/b]", GlobError.slashInCharacterClass(pattern: "[a/b]", column: 3)),
        ("[z-a]", GlobError.reversedRange(pattern: "[z-a]", column: 2)),
        ("[[:bogus:]]", GlobError.unknownCharacterClass(pattern: "[[:bogus:]]", name: "bogus", column: 2)),
        ("", GlobError.emptyPattern),
    ])
    func rejects(pattern: String, expected: GlobError) {
        #expect(throws: expected) { try Glob(pattern) }
    }

    @Test("Error messages name the pattern, the column and the fix")
    func messages() {
        let error = GlobError.unclosedBracket(pattern: "docs/[abc.md", column: 6)
        #expect(error.description.contains("'docs/[abc.md'"))
        #expect(error.description.contains("column 6"))
        #expect(error.description.contains("add ']'"))
        #expect(error.column == 6)
    }

    @Test("Brace groups that expand too far are refused")
    func tooManyAlternatives() {
        let pattern = String(repeating: "{a,b}", count: 11)
        #expect(throws: GlobError.tooManyAlternatives(pattern: pattern, limit: 1024)) { try Glob(pattern) }
    }
}
