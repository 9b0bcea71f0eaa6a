@testable import MarkdownScan
import Testing

@Suite("Markdown scanning")
struct MarkdownScanningTests {
    static let guide = """
        ---
        title: Guide
        internal: true
        ---
        # The `code` *thing*

        Intro with [a link](docs/a.md "Title") and ![img](img/x.png) and <https://example.com>.
        See [ref link][ref] and [Ref] and [collapsed][] and [missing][nowhere] too.

        [ref]: ./other.md#part "Other"
        [collapsed]: <with space.md>

        ```json
        {"a": "[1](fenced.md)"}
        ```

            [indented](indented.md)

        Inline `[code](span.md)` and ``double `[x](span2.md)` ticks``.

        Setext Title
        ============

        <a name="custom"></a>
        <div id="box">
        [not parsed](html-block.md)
        <img src="pic.png">
        </div>

        ## Intro
        ## Intro

        <!-- [commented](comment.md) -->
        ~~~yaml
        key: value
        ~~~
        """

    @Test("Links of every kind are found with their destinations, in document order")
    func linkKinds() throws {
        let document = MarkdownDocument(Self.guide)
        let found = document.links.map { "\($0.kind) \($0.destination ?? "nil")" }
        #expect(found == [
            "inline docs/a.md",
            "image img/x.png",
            "autolink https://example.com",
            "reference ./other.md#part",
            "reference ./other.md#part",
            "reference with space.md",
            "reference nil",
            "referenceDefinition ./other.md#part",
            "referenceDefinition with space.md",
            "htmlAttribute(\"src\") pic.png",
        ])
        let inline = try #require(document.links.first)
        #expect(inline.text == "a link")
        #expect(inline.title == "Title")
        #expect(inline.position == MarkdownPosition(line: 7, column: 12))
        #expect(document.links[3].label == "ref")
        #expect(document.links[7].position == MarkdownPosition(line: 10, column: 1))
    }

    @Test("Nothing inside code, comments, frontmatter or HTML blocks counts as a link")
    func skipsCode() {
        let destinations = MarkdownDocument(Self.guide).links.compactMap(\.destination)
        for skipped in ["fenced.md", "indented.md", "span.md", "span2.md", "html-block.md", "comment.md"] {
            #expect(!destinations.contains(skipped), "\(skipped)")
        }
    }

    @Test("Headings are read as GitHub renders their text")
    func headings() {
        let headings = MarkdownDocument(Self.guide).headings
        #expect(headings.map(\.text) == ["The code thing", "Setext Title", "Intro", "Intro"])
        #expect(headings.map(\.level) == [1, 1, 2, 2])
        #expect(headings.map(\.position.line) == [5, 21, 30, 31])
        #expect(headings[0].source == "The `code` *thing*")
    }

    @Test("Anchors are heading slugs with duplicates numbered, plus HTML anchors")
    func anchors() {
        let anchors = MarkdownDocument(Self.guide).anchors()
        #expect(anchors.map(\.name) == ["the-code-thing", "setext-title", "custom", "box", "intro", "intro-1"])
        #expect(anchors.map(\.origin) == [.heading, .heading, .html, .html, .heading, .heading])
    }

    @Test("Fenced code blocks keep their info string, content and starting line")
    func fencedBlocks() {
        let blocks = MarkdownDocument(Self.guide).fencedCodeBlocks
        #expect(blocks.map(\.language) == ["json", "yaml"])
        #expect(blocks.map(\.startLine) == [13, 34])
        #expect(blocks.map(\.endLine) == [15, 36])
        #expect(blocks[0].content == "{\"a\": \"[1](fenced.md)\"}\n")
        #expect(blocks[1].content == "key: value\n")
    }

    @Test("Frontmatter is the leading YAML block")
    func frontmatter() throws {
        let frontmatter = try #require(MarkdownDocument(Self.guide).frontmatter)
        #expect(frontmatter.lines == 1...4)
        #expect(frontmatter.content == "title: Guide\ninternal: true\n")
        #expect(MarkdownDocument("# No frontmatter\n---\n").frontmatter == nil)
        #expect(MarkdownDocument("---\nnever: closed\n").frontmatter == nil)
    }

    @Test("Heading text drops inline markup before slugging", arguments: [
        ("## The `code` *thing*", "the-code-thing"),
        ("# snake_case_name", "snake_case_name"),
        ("# _emphasis_ and __strong__", "emphasis-and-strong"),
        ("# [Linked](x.md) text", "linked-text"),
        ("# ![logo](logo.png) Title", "-title"),
        ("# Tom &amp; Jerry", "tom--jerry"),
        ("# Escaped \\*star\\* and \\_under\\_", "escaped-star-and-_under_"),
        ("# Closing hashes ##", "closing-hashes"),
        ("# <code>html</code> tag", "html-tag"),
        ("# v1.2.0 (beta)", "v120-beta"),
        ("#   Spaced   out  ", "spaced---out"),
        ("Two\nlines\n---", "twolines"),
    ])
    func headingSlug(markdown: String, slug: String) throws {
        let heading = try #require(MarkdownDocument(markdown).headings.first)
        #expect(HeadingSlugger.baseSlug(heading.text) == slug)
    }

    @Test("Fences, code and links inside list items and blockquotes")
    func containers() {
        let text = """
            - item
              ```sh
              [in fence](in-fence.md)
              ```
            - [after](after.md)
                - [nested four spaces](nested.md)

            > ```
            > [quoted fence](quoted-fence.md)
            > ```
            > [quoted](quoted.md)
            > # Quoted heading

            1. first
            2. [second](second.md)
            - [ ] task, not a link
            """
        let document = MarkdownDocument(text)
        #expect(document.links.compactMap(\.destination) == ["after.md", "nested.md", "quoted.md", "second.md"])
        #expect(document.fencedCodeBlocks.map(\.startLine) == [2, 8])
        #expect(document.headings.map(\.text) == ["Quoted heading"])
    }

    @Test("Columns count Unicode scalars and destinations may span a line break")
    func positions() throws {
        let document = MarkdownDocument("é ü [x](y.md)\r\n[multi\nline](\n  z.md\n)")
        #expect(document.links.map(\.position) == [MarkdownPosition(line: 1, column: 5), MarkdownPosition(line: 2, column: 1)])
        #expect(document.links.map(\.destination) == ["y.md", "z.md"])
    }

    @Test("Nested images inside links, balanced parentheses and angle-bracket destinations")
    func inlineDetails() {
        let document = MarkdownDocument("[![badge](badge.svg)](https://ci) [w](a_(b).md) [s](<x y.md>) [e]() \\[not](x.md) [^1]")
        #expect(document.links.map { "\($0.kind) \($0.destination ?? "")" } == [
            "inline https://ci", "image badge.svg", "inline a_(b).md", "inline x y.md", "inline ",
        ])
    }
}
