import Foundation
import SyncKit
import TestSupport
import Testing

/// Transforms and the three strategies, pinned by golden files.
@Suite("Content transforms and strategies")
struct ContentGoldenTests {
    static let linkDocument = """
    # Guide

    See [cadence](core/orchestrator/RELEASE_CADENCE.md#cadence), the [absolute one](/core/arch/OVERVIEW.md),
    a [relative link](../arch/OVERVIEW.md), the [runbook](distribution/RUNBOOK.md) and an
    ![image](core/arch/layers.svg "Layers"). External: [site](https://example.com/core/x.md), [mail](mailto:a@b.c).

    [ref]: core/prompts/review.md
    [internal-ref]: distribution/RUNBOOK.md

    <a href="core/arch/OVERVIEW.md">html link</a>

    ```md
    [not a link](core/in-code.md)
    ```
    """

    @Test("rewrite_paths rewrites link, image, reference and HTML destinations that start with 'from', nothing else")
    func rewritePaths() {
        let result = ContentTransforms([.rewritePaths(from: "core/", to: "docs/agent33/")], isInternal: { _ in false })
            .apply(to: Self.linkDocument, sourcePath: "core/orchestrator/GUIDE.md")
        #expect(result.rewritten == 5)
        Golden.check(result.text, named: "rewrite-paths.md")
    }

    @Test("strip_internal_links removes links to internal documents and keeps their text")
    func stripInternal() {
        let result = ContentTransforms([.stripInternalLinks], isInternal: { $0.hasPrefix("core/orchestrator/distribution/") })
            .apply(to: Self.linkDocument, sourcePath: "core/orchestrator/GUIDE.md")
        #expect(result.stripped == 2)  // the inline link and the reference definition
        #expect(result.text.contains("the runbook and an"))
        Golden.check(result.text, named: "strip-internal-links.md")
    }

    @Test("transforms keep CRLF line endings and every other byte")
    func crlf() {
        let text = "# T\r\n\r\nSee [a](core/a.md).\r\n"
        let result = ContentTransforms([.rewritePaths(from: "core/", to: "docs/")], isInternal: { _ in false }).apply(to: text, sourcePath: "core/x.md")
        #expect(result.text == "# T\r\n\r\nSee [a](docs/a.md).\r\n")
    }

    @Test("version stamps: frontmatter added or updated, header comments, YAML, XML, JSON reported")
    func stamps() {
        func stamp(_ text: String, _ path: String) -> String {
            switch VersionStamp.stamp(text, path: path, key: "agent33_version", version: "v2.4.0", origin: "org/up@v2.4.0:\(path)") {
            case .stamped(let result): return result
            case .unsupported(let reason): return "UNSTAMPED: \(reason)"
            }
        }
        let cases = [
            stamp("---\nname: x\n---\n# Body\n", "core/a.md"),
            stamp("---\nname: x\nagent33_version: v1.0.0\n---\n# Body\n", "core/b.md"),
            stamp("# No frontmatter\r\nline\r\n", "core/c.md"),
            stamp("key: value\n", "core/d.yaml"),
            stamp("%YAML 1.2\n---\nkey: value\n", "core/e.yml"),
            stamp("<?xml version=\"1.0\"?>\n<svg/>\n", "core/f.svg"),
            stamp("{\"a\": 1}\n", "core/g.json"),
            stamp("plain\n", "core/h.txt"),
        ]
        Golden.check(cases.joined(separator: "\n=====\n"), named: "version-stamps.txt")
        #expect(VersionStamp.carries(cases[1], key: "agent33_version", version: "v2.4.0"))
        #expect(!cases[1].contains("v1.0.0"))
    }

    @Test("template renders rule, target and release variables; a missing variable is an error naming it")
    func template() throws {
        let variables: [String: Any] = [
            "team": "Platform",
            "target": ["owner": "org", "repo": "webapp", "default_branch": "main"],
            "release": ["version": "v2.4.0", "tag": "v2.4.0", "date": "2026-01-30", "source_repo": "org/up", "source_sha": "abc123"],
        ]
        let text = "# {{target.repo}} on {{target.default_branch}}\n\n{{team}} follows {{release.source_repo}} {{release.version}} ({{release.date}}).\n{{#release}}sha {{source_sha}}{{/release}}\n"
        Golden.check(try TemplateRenderer.render(text, variables: variables, file: "core/t.md"), named: "template.md")
        #expect(throws: TemplateError.missingVariable(file: "core/t.md", name: "owner_email", available: [
            "release.date", "release.source_repo", "release.source_sha", "release.tag", "release.version",
            "target.default_branch", "target.owner", "target.repo", "team",
        ])) {
            try TemplateRenderer.render("Mail {{owner_email}}", variables: variables, file: "core/t.md")
        }
        #expect(throws: TemplateError.missingVariable(file: "core/t.md", name: "target.nope", available: ["target.repo"])) {
            try TemplateRenderer.render("{{target.nope}}", variables: ["target": ["repo": "x"]], file: "core/t.md")
        }
    }

    @Test("reference strategy writes a stub linking to the canonical file at the tag")
    func reference() {
        #expect(ReferenceStub.destination(for: "ref/a.yaml") == "ref/a.yaml.md")
        Golden.check(ReferenceStub.render(sourcePath: "core/orchestrator/RELEASE_CADENCE.md", sourceRepository: "org/agent33", tag: "v2.4.0", serverURL: "https://github.example.com"), named: "reference-stub.md")
    }
}
