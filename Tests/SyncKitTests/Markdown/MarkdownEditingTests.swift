@testable import MarkdownScan
import Testing

@Suite("Markdown editing")
struct MarkdownEditingTests {
    @Test("Rewriting a destination changes only its bytes, CRLF included")
    func rewriteKeepsBytes() throws {
        let text = "# Title\r\n\r\nSee [guide](core/guide.md#setup) and [other](keep.md).\r\n\r\n[ref]: core/ref.md\r\n"
        let document = MarkdownDocument(text)
        let rewritten = document.rewritingDestinations { link in
            guard let destination = link.destination, destination.hasPrefix("core/") else { return nil }
            return "docs/" + destination.dropFirst("core/".count)
        }
        #expect(rewritten == "# Title\r\n\r\nSee [guide](docs/guide.md#setup) and [other](keep.md).\r\n\r\n[ref]: docs/ref.md\r\n")
    }

    @Test("A rewritten destination keeps the link's delimiters, or adds <…> when it must")
    func rewriteStyles() throws {
        let text = "[a](<old one.md>) [b](old.md) <a href=\"old.md\">c</a> <img src='old.png'> <https://old>"
        let document = MarkdownDocument(text)
        let rewritten = document.rewritingDestinations { link in
            switch link.kind {
            case .inline: link.destination == "old.md" ? "new (1).md" : "new two.md"
            case .htmlAttribute("href"): "say \"hi\".md"
            case .htmlAttribute: "it's.png"
            case .autolink: "https://new/a b"
            default: nil
            }
        }
        #expect(rewritten == "[a](<new two.md>) [b](<new (1).md>) <a href=\"say &quot;hi&quot;.md\">c</a> <img src='it&#39;s.png'> <https://new/a%20b>")
    }

    @Test("Rewriting one link leaves an identical link elsewhere alone")
    func rewriteOne() throws {
        let document = MarkdownDocument("[a](x.md)\n[b](x.md)\n")
        let second = try #require(document.links.last)
        #expect(document.rewritingDestination(of: second, to: "y.md") == "[a](x.md)\n[b](y.md)\n")
    }

    @Test("Removing a link keeps its text", arguments: [
        ("See [the internal doc](internal.md) here.", "See the internal doc here."),
        ("See [*styled* text](internal.md \"t\").", "See *styled* text."),
        ("Ref [text][int] end.\n\n[int]: internal.md\n", "Ref text end.\n\n"),
        ("<a href=\"internal.md\">Go <b>there</b></a>!", "Go <b>there</b>!"),
        ("Line one\r\n[x](internal.md)\r\nLine three\r\n", "Line one\r\nx\r\nLine three\r\n"),
    ])
    func removeKeepsText(text: String, expected: String) {
        let document = MarkdownDocument(text)
        let removed = document.removingLinks { link in
            link.destination == "internal.md" || link.label == "int"
        }
        #expect(removed == expected)
    }

    @Test("Links that cannot be removed, and links not chosen, stay as written")
    func removeLeavesOthers() throws {
        let text = "<img src=\"internal.md\"> [keep](public.md) [drop](internal.md)"
        let document = MarkdownDocument(text)
        #expect(document.removingLinks { $0.destination == "internal.md" } == "<img src=\"internal.md\"> [keep](public.md) drop")
        let image = try #require(document.links.first)
        #expect(!image.isRemovable)
        #expect(document.removingLink(image) == text)
    }

    @Test("Fragments split from destinations")
    func destinationParts() throws {
        let link = try #require(MarkdownDocument("[a](guide.md#install-steps)").links.first)
        let parts = try #require(link.destinationParts)
        #expect(parts.path == "guide.md")
        #expect(parts.fragment == "install-steps")
    }
}
