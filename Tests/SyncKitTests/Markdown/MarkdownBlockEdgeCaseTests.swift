@testable import MarkdownScan
import Testing

@Suite("Markdown block edge cases")
struct MarkdownBlockEdgeCaseTests {
    @Test("Only real ATX headings count", arguments: [
        ("#hashtag is text", [String]()),
        ("####### seven is text", []),
        ("\\# escaped", []),
        ("    # indented code", []),
        ("```\n# in a fence\n```", []),
        ("#", [""]),
        ("## Title ## trailing # not closing", ["Title ## trailing # not closing"]),
        ("   ### three spaces", ["three spaces"]),
        ("\t# tab is code", []),
    ])
    func atxHeadings(markdown: String, texts: [String]) {
        #expect(MarkdownDocument(markdown).headings.map(\.text) == texts)
    }

    @Test("A line of dashes under a paragraph is a heading; elsewhere it is a break")
    func setextVersusBreak() {
        let document = MarkdownDocument("Title\n---\n\n---\ntext\n***\n")
        #expect(document.headings.map(\.text) == ["Title"])
        #expect(document.frontmatter == nil)
    }

    @Test("An indented line inside a paragraph is text, not code")
    func paragraphContinuation() {
        let document = MarkdownDocument("Start of paragraph\n    [continued](c.md)\n\n    [code](code.md)\n")
        #expect(document.links.compactMap(\.destination) == ["c.md"])
    }

    @Test("HTML blocks end at a blank line; Markdown after it is parsed again")
    func htmlBlocks() {
        let text = """
            <details>
            <summary>More [not a link](x.md)</summary>

            - [inside details](inside.md)

            </details>
            [swallowed by the HTML block](swallowed.md)

            <!--
            [commented](hidden.md)
            -->
            Text <!-- [inline comment](hidden2.md) --> [after](after.md)
            """
        let document = MarkdownDocument(text)
        #expect(document.links.compactMap(\.destination) == ["inside.md", "after.md"])
    }

    @Test("A fence closes only with the same character, at least as long")
    func fenceClosing() {
        let text = "````md\n```\n[still code](a.md)\n~~~~\n````\n[after](b.md)\n~~~\nunclosed [x](c.md)\n"
        let document = MarkdownDocument(text)
        #expect(document.links.compactMap(\.destination) == ["b.md"])
        #expect(document.fencedCodeBlocks.map(\.infoString) == ["md", ""])
        #expect(document.fencedCodeBlocks.map(\.endLine) == [5, nil])
        #expect(document.fencedCodeBlocks[0].content == "```\n[still code](a.md)\n~~~~\n")
    }

    @Test("Reference definitions: titles, angle brackets, case-insensitive labels, first one wins")
    func definitions() throws {
        let text = "[Use] and [use][USE] and [other]\n\n[use]: <a b.md> 'T'\n[USE]: second.md\n[other]:\n"
        let document = MarkdownDocument(text)
        let definitions = document.links.filter { $0.kind == .referenceDefinition }
        #expect(definitions.map(\.destination) == ["a b.md", "second.md"])
        #expect(definitions.first?.title == "T")
        #expect(document.links.filter { $0.kind == .reference }.map(\.destination) == ["a b.md", "a b.md"])
    }

    @Test("Tables and emphasis around links do not hide them")
    func tables() {
        let text = "| a | b |\n|---|---|\n| [one](1.md) | **[two](2.md)** |\n"
        #expect(MarkdownDocument(text).links.compactMap(\.destination) == ["1.md", "2.md"])
    }

    @Test("An empty document and a document without a final newline scan cleanly")
    func emptyAndUnterminated() {
        #expect(MarkdownDocument("").links.isEmpty)
        #expect(MarkdownDocument("# End").headings.map(\.text) == ["End"])
        #expect(MarkdownDocument("# End").position(ofByte: 2) == MarkdownPosition(line: 1, column: 3))
    }

    @Test("Fence content loses blockquote markers and the list item's indentation")
    func fenceContentInContainers() {
        let text = "- item\n  ```json\n  {\"a\": 1,\n    \"b\": 2}\n  ```\n\n> ```yaml\n> key: value\n>   nested: true\n> ```\n"
        let blocks = MarkdownDocument(text).fencedCodeBlocks
        #expect(blocks.map(\.content) == ["{\"a\": 1,\n  \"b\": 2}\n", "key: value\n  nested: true\n"])
        #expect(blocks.map(\.startLine) == [2, 7])
    }
}
