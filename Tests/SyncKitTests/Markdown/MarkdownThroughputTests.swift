import Foundation
@testable import MarkdownScan
import Testing

/// Scanning speed, run on demand in a release build:
/// `MARKDOWN_BENCHMARK=1 swift test -c release --filter MarkdownThroughputTests`
@Suite("Markdown throughput", .enabled(if: ProcessInfo.processInfo.environment["MARKDOWN_BENCHMARK"] != nil))
struct MarkdownThroughputTests {
    static func measure(_ text: String, label: String) -> Double {
        let clock = ContinuousClock()
        var links = 0
        let elapsed = clock.measure {
            let document = MarkdownDocument(text)
            links = document.links.count + document.anchors().count
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(text.utf8.count) / seconds / 1_000_000
        print("markdown \(label): \(text.utf8.count) bytes in \(seconds) s = \(rate) MB/s (\(links) links and anchors)")
        return rate
    }

    @Test("A typical document scans at several MB/s")
    func typical() {
        let section = """
            ## Section title with `code` and *emphasis*

            Some text with [a link](docs/guide.md#setup), ![an image](img/logo.png "Logo"), and a
            reference [like this][ref]. Inline `code [not](a-link.md)` and <https://example.com>.

            - item one with [link](one.md)
            - item two
                - nested [link](two.md)

            ```yaml
            key: [value](not-a-link.md)
            ```

            <a name="anchor"></a>
            [ref]: ./reference.md


            """
        let text = String(repeating: section, count: 3_000)
        #expect(Self.measure(text, label: "typical") > 2)
    }

    @Test("Unclosed brackets, backticks, comments and attribute quotes do not blow up", arguments: [
        "[a `b ", "<!-- x ", "<a href=\"x ", "![a](b ", "<x y='z ",
    ])
    func pathological(unit: String) {
        let text = String(repeating: unit, count: 20_000)
        #expect(Self.measure(text, label: "unbalanced \(unit)") > 1)
    }
}
