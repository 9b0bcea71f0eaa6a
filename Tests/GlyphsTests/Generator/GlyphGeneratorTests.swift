import Foundation
import Testing
@testable import Glyphs

@Suite("Glyph generation")
struct GlyphGeneratorTests {
    static let goldenNames = ["planner", "reviewer", "sync-bot", "governance-audit", "module.core", "a"]

    @Test("Generated SVG matches the pinned test vector", arguments: goldenNames)
    func goldenSVG(name: String) throws {
        let identity = try GlyphIdentity(name: name)
        try GoldenFiles.expectText(GlyphGenerator.svg(for: identity), matches: "glyphs/\(name).svg")
    }

    @Test("Generated glyph renders to the pinned pixels at 16 and 64 px", arguments: goldenNames)
    func goldenPNG(name: String) throws {
        let document = try SVGParser.parse(GlyphGenerator.svg(for: GlyphIdentity(name: name)), file: name + ".svg")
        for size in [16, 64] {
            try GoldenFiles.expectImage(DocumentRasterizer.render(document, size: size), matches: "glyphs/\(name)-\(size).png")
        }
    }

    @Test("The same identity always gives byte-identical SVG")
    func deterministic() throws {
        let identity = try GlyphIdentity(name: "orchestrator")
        #expect(GlyphGenerator.svg(for: identity) == GlyphGenerator.svg(for: try GlyphIdentity(name: "orchestrator")))
    }

    @Test("Designs are mirror-symmetric with 6 to 11 distinct cells filled", arguments: (0..<200).map { "agent-\($0)" })
    func symmetric(name: String) throws {
        let design = GlyphDesign(identity: try GlyphIdentity(name: name))
        #expect(design.cells.count == 5)
        for row in design.cells {
            #expect(row.count == 5)
            #expect(row[0] == row[4] && row[1] == row[3])
        }
        let distinct = design.cells.flatMap { $0.prefix(3) }.filter { $0 != .empty }.count
        #expect((6...11).contains(distinct))
        #expect(design.cells.contains { $0[2] != .empty })
    }

    @Test("Different names give different designs")
    func distinct() throws {
        let svgs = try (0..<100).map { GlyphGenerator.svg(for: try GlyphIdentity(name: "module-\($0)")) }
        let bodies = Set(svgs.map { $0.split(separator: "\n").filter { !$0.hasPrefix("<title>") && !$0.hasPrefix("<!--") } })
        #expect(bodies.count == 100)
    }

    @Test("glyph_seed wins over id, and id over the name")
    func seedPrecedence() throws {
        let both = try GlyphIdentity(name: "planner", frontmatterOf: "---\nid: agent-007\nglyph_seed: \"blue\"\n---\n# Planner\n")
        #expect(both.seed == "blue")
        let idOnly = try GlyphIdentity(name: "planner", frontmatterOf: "---\nname: Planner\nid: agent-007 # stable\n---\n")
        #expect(idOnly.seed == "agent-007")
        let none = try GlyphIdentity(name: "planner", frontmatterOf: "# Planner\nid: not-frontmatter\n")
        #expect(none.seed == "planner")
        let unterminated = try GlyphIdentity(name: "planner", frontmatterOf: "---\nid: agent-007\n")
        #expect(unterminated.seed == "planner")
    }

    @Test("A glyph_seed keeps the design when the name changes")
    func renameKeepsDesign() throws {
        let before = GlyphDesign(identity: try GlyphIdentity(name: "old-name", seed: "seed-1"))
        let after = GlyphDesign(identity: try GlyphIdentity(name: "new-name", seed: "seed-1"))
        #expect(before == after)
    }

    @Test("Names that cannot be file names are rejected", arguments: ["", "Planner", "../x", "a/b", ".hidden", "-x", "sp ace"])
    func invalidNames(name: String) {
        #expect(throws: GlyphIdentityError.invalidName(name)) { try GlyphIdentity(name: name) }
    }

    @Test("Generated SVG stays inside the parser's subset")
    func parsesBack() throws {
        for index in 0..<50 {
            let identity = try GlyphIdentity(name: "check-\(index)")
            _ = try SVGParser.parse(GlyphGenerator.svg(for: identity), file: identity.name + ".svg")
        }
    }
}

@Suite("Glyph identity discovery")
struct GlyphIdentityDiscoveryTests {
    @Test("Markdown files in agent and module folders become identities with their frontmatter seeds")
    func discover() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let agents = folder.url.appendingPathComponent("agents"), modules = folder.url.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: agents, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        try Data("---\nid: agent-1\n---\n".utf8).write(to: agents.appendingPathComponent("Planner.md"))
        try Data("# Reviewer\n".utf8).write(to: agents.appendingPathComponent("reviewer.md"))
        try Data("# About\n".utf8).write(to: agents.appendingPathComponent("README.md"))
        try Data("---\nglyph_seed: core\n---\n".utf8).write(to: modules.appendingPathComponent("core.md"))
        let identities = try GlyphIdentity.discover(inFolders: [agents, modules, folder.url.appendingPathComponent("missing")])
        #expect(identities == [try GlyphIdentity(name: "planner", seed: "agent-1"), try GlyphIdentity(name: "reviewer"),
                               try GlyphIdentity(name: "core", seed: "core")])
    }
}
