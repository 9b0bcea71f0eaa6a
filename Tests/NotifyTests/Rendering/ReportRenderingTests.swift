import Foundation
import Notify
import SyncKit
import Testing

@Suite("Issue body, email text and HTML")
struct ReportRenderingTests {
    @Test("the issue body of the mixed run lists every section with links to the PRs and the run")
    func mixedMarkdown() throws {
        let body = MarkdownReport.render(SyncDigest(try NotifyFixtures.results("mixed")))
        #expect(body.contains("### ❌ Failed (1)"))
        #expect(body.contains("### ⚔️ Conflicts to resolve (1)"))
        #expect(body.contains("- **example-org/ml-pipeline** · `sync-ml-arch` · [PR #7](https://github.com/example-org/ml-pipeline/pull/7)\n  - docs/architecture.md lines 12–18\n"))
        #expect(body.contains("[run 7321](https://github.com/example-org/agent33/actions/runs/7321)"))
        #expect(body.contains("[drift issue](https://github.com/example-org/webapp/issues/88)"))
        #expect(body.contains("auto-merge on"))
        #expect(!body.contains("more not shown"))
    }

    @Test("the 500-target issue body stays within 65,536 characters and counts what it left out")
    func hugeMarkdown() throws {
        let digest = SyncDigest(try NotifyFixtures.results("huge"))
        let body = MarkdownReport.render(digest, footer: "Updated by a test.")
        #expect(body.utf8.count <= MarkdownReport.issueBodyLimit)
        #expect(body.utf8.count > MarkdownReport.issueBodyLimit - 2_000, "the body should use the room it has")
        let shown = body.split(separator: "\n").filter { $0.hasPrefix("- **") }.count
        let total = digest.sections.map(\.items.count).reduce(0, +)
        let note = try #require(body.split(separator: "\n").first { $0.hasPrefix("_+") })
        let omitted = try #require(Int(note.dropFirst(2).prefix { $0.isNumber }))
        #expect(shown + omitted == total)
        #expect(body.hasSuffix("Updated by a test.\n"))
    }

    @Test("free text cannot inject Markdown links or HTML into the issue")
    func escaping() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets[3].message = "<img src=x onerror=alert(1)> [click](https://evil.example) *bold*"
        let body = MarkdownReport.render(SyncDigest(results))
        #expect(!body.contains("<img"))
        #expect(body.contains("&lt;img src=x onerror=alert(1)&gt; \\[click\\](https://evil.example) \\*bold\\*"))
    }

    @Test("plain text and HTML carry the same facts, HTML escaped")
    func emailBodies() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets[3].message = "a <b>bold</b> & \"quoted\" failure"
        let digest = SyncDigest(results)
        let text = PlainTextReport.render(digest)
        let html = HTMLReport.render(digest)
        #expect(text.contains("* example-org/ml-pipeline / sync-ml-arch - PR #7: https://github.com/example-org/ml-pipeline/pull/7"))
        #expect(text.contains("Run: https://github.com/example-org/agent33/actions/runs/7321"))
        #expect(text.contains("a <b>bold</b> & \"quoted\" failure"))
        #expect(html.contains("<a href=\"https://github.com/example-org/ml-pipeline/pull/7\">PR #7</a>"))
        #expect(html.contains("a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; failure"))
        #expect(!html.contains("<b>bold"))
    }

    @Test("a link that is not http(s) is not made clickable in HTML")
    func unsafeLink() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets[0].pullRequest?.url = "javascript:alert(1)"
        #expect(!HTMLReport.render(SyncDigest(results)).contains("javascript:"))
    }

    @Test("email text and HTML show 100 items per section and count the rest")
    func longSections() throws {
        var results = try NotifyFixtures.results("huge")
        results.targets = (0..<150).map { TargetResult(repository: "example-org/r\($0)", ruleID: "rule-\($0)", status: .failed, message: "boom \($0)") }
        let digest = SyncDigest(results)
        let text = PlainTextReport.render(digest)
        #expect(text.contains("FAILED (150)"))
        #expect(text.contains("* example-org/r99 / rule-99"))
        #expect(!text.contains("* example-org/r100 / rule-100"))
        #expect(text.contains("* +50 more (see https://github.com/example-org/agent33/actions/runs/7321)"))
        #expect(HTMLReport.render(digest).contains("<li>+50 more</li>"))
    }

    @Test("a javascript: link is never a Markdown link")
    func unsafeMarkdownLink() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets[0].pullRequest?.url = "javascript:alert(1)"
        #expect(!MarkdownReport.render(SyncDigest(results)).contains("](javascript:"))
    }
}
