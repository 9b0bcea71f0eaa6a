import Foundation
import Testing
@testable import Glyphs

@Suite("Incremental glyph rendering")
struct IncrementalRenderTests {
    let settings: GlyphRenderSettings

    init() throws {
        settings = try GlyphRenderSettings(sizes: [16, 32], scales: [1, 2], compressionLevel: 6)
    }

    static func identities(_ names: [String]) throws -> [GlyphIdentity] {
        try names.map { try GlyphIdentity(name: $0) }
    }

    @Test("A first run writes the SVG and every PNG variant of each glyph")
    func firstRun() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try GlyphRenderer.run(identities: Self.identities(["planner", "reviewer"]), directory: folder.url, settings: settings)
        let expected = ["planner.svg", "planner-16.png", "planner-16@2x.png", "planner-32.png", "planner-32@2x.png",
                        "reviewer.svg", "reviewer-16.png", "reviewer-16@2x.png", "reviewer-32.png", "reviewer-32@2x.png"]
        #expect(result.generated == expected)
        #expect(result.changed == expected)
        #expect(try folder.files() == Set(expected + [GlyphManifest.fileName]))
        let png = try PNGDecoder.decode(Array(Data(contentsOf: folder.url.appendingPathComponent("planner-16@2x.png"))), source: "p")
        #expect(png.width == 32 && png.height == 32)
    }

    @Test("A second run with nothing changed writes nothing and keeps the manifest byte-identical")
    func noOpRun() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let identities = try Self.identities(["planner", "reviewer"])
        _ = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: settings)
        let manifest = try Data(contentsOf: folder.url.appendingPathComponent(GlyphManifest.fileName))
        let second = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: settings)
        #expect(second.changed.isEmpty)
        #expect(second.generated.count == 10)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(GlyphManifest.fileName)) == manifest)
    }

    @Test("Only the glyph whose identity changed is rendered again")
    func changedSeed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try GlyphRenderer.run(identities: Self.identities(["planner", "reviewer"]), directory: folder.url, settings: settings)
        let changed = [try GlyphIdentity(name: "planner"), try GlyphIdentity(name: "reviewer", seed: "agent-42")]
        let manifest = try GlyphManifest.load(from: folder.url)
        let sources = try GlyphSource.collect(identities: changed, directory: folder.url, manifest: manifest)
        let plan = GlyphRenderPlan.make(sources: sources, settings: settings, manifest: manifest, existingFiles: try folder.files())
        #expect(plan.pending.map(\.source.name) == ["reviewer"])
        #expect(plan.pending.first?.reason == .sourceChanged)
        let result = try GlyphRenderer.execute(plan, in: folder.url, previous: manifest)
        #expect(result.changed.allSatisfy { $0.hasPrefix("reviewer") })
        #expect(result.changed.contains("reviewer.svg"))
    }

    @Test("A deleted output is rendered again, and only that one is written")
    func missingOutput() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let identities = try Self.identities(["planner"])
        _ = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: settings)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("planner-32.png"))
        let result = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: settings)
        #expect(result.changed == ["planner-32.png"])
    }

    @Test("Hand-made SVGs in the folder get their PNG variants, and edits to them re-render")
    func handMade() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let svg = folder.url.appendingPathComponent("logo.svg")
        try Data(try GoldenFiles.svgSetText("icon-checkmark-badge").utf8).write(to: svg)
        let first = try GlyphRenderer.run(identities: [], directory: folder.url, settings: settings)
        #expect(first.generated == ["logo-16.png", "logo-16@2x.png", "logo-32.png", "logo-32@2x.png"])
        #expect(first.manifest.glyphs["logo"]?.origin == .handMade)
        try Data(try GoldenFiles.svgSetText("icon-gear").utf8).write(to: svg)
        let second = try GlyphRenderer.run(identities: [], directory: folder.url, settings: settings)
        #expect(second.changed == first.generated)
    }

    @Test("Generated SVGs are not mistaken for hand-made ones when their source is gone")
    func orphans() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try GlyphRenderer.run(identities: Self.identities(["planner", "retired"]), directory: folder.url, settings: settings)
        let result = try GlyphRenderer.run(identities: Self.identities(["planner"]), directory: folder.url, settings: settings)
        #expect(result.orphans == ["retired"])
        #expect(result.changed.isEmpty)
        #expect(result.manifest.glyphs["retired"]?.origin == .generated)
    }

    @Test("A run with no glyph source and no manifest writes nothing, not even the folder")
    func nothingToRender() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let glyphs = folder.url.appendingPathComponent("assets/glyphs")
        let batch = try GlyphRenderer.prepare(identities: [], directory: glyphs, settings: settings)
        #expect(batch.isUpToDate && batch.plan.items.isEmpty)
        try GlyphRenderer.commit(batch)
        #expect(!FileManager.default.fileExists(atPath: glyphs.path))
    }

    @Test("A bad hand-made SVG stops the run before any glyph file is written")
    func noPartialWrites() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<image href=\"x.png\"/>\n</svg>".utf8)
            .write(to: folder.url.appendingPathComponent("zz-bad.svg"))
        #expect(throws: GlyphPipelineError.self) {
            try GlyphRenderer.run(identities: Self.identities(["planner", "reviewer"]), directory: folder.url, settings: settings)
        }
        #expect(try folder.files() == ["zz-bad.svg"])
    }

    @Test("Changing the sizes renders every glyph again")
    func settingsChange() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let identities = try Self.identities(["planner"])
        _ = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: settings)
        let bigger = try GlyphRenderSettings(sizes: [16, 32, 48], scales: [1, 2], compressionLevel: 6)
        let result = try GlyphRenderer.run(identities: identities, directory: folder.url, settings: bigger)
        #expect(result.changed == ["planner-48.png", "planner-48@2x.png"])
        #expect(try GlyphManifest.load(from: folder.url).glyphs["planner"]?.outputs.count == 7)
    }

    @Test("An agent named like a hand-made glyph is a collision")
    func collision() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data(try GoldenFiles.svgSetText("rect-basic").utf8).write(to: folder.url.appendingPathComponent("planner.svg"))
        _ = try GlyphRenderer.run(identities: [], directory: folder.url, settings: settings)
        #expect(throws: GlyphPipelineError.self) {
            try GlyphRenderer.run(identities: Self.identities(["planner"]), directory: folder.url, settings: settings)
        }
    }

    @Test("A hand-made SVG outside the subset fails with its path and line")
    func invalidHandMade() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>hi</text>\n</svg>".utf8)
            .write(to: folder.url.appendingPathComponent("bad.svg"))
        let error = try #require(throws: GlyphPipelineError.self) {
            try GlyphRenderer.run(identities: [], directory: folder.url, settings: settings)
        }
        #expect(error.description.contains("bad.svg:2") && error.description.contains("<text>"))
    }

    @Test("Invalid sizes and scales are refused", arguments: [([Int](), [1]), ([0], [1]), ([16], [5]), ([16], [])])
    func invalidSettings(sizes: [Int], scales: [Int]) throws {
        #expect(throws: GlyphPipelineError.self) { try GlyphRenderSettings(sizes: sizes, scales: scales) }
    }
}
