import ActionsRuntime
import Foundation
import Glyphs
import Steps
import StepTestSupport
import TestSupport
import Testing

/// render-glyphs end to end, in process, on a temporary repository with three agents.
@Suite("render-glyphs")
struct RenderGlyphsStepTests {
    static let small = ["--sizes", "16,32", "--scales", "1,2"]
    static let variants = ["-16.png", "-16@2x.png", "-32.png", "-32@2x.png"]

    /// `agents/planner.md` and `agents/reviewer.md` with ids, `agents/summarizer.md` without.
    static func repository() throws -> StepHarness {
        let harness = try StepHarness()
        try harness.directory.write("work/agents/planner.md", "---\nname: planner\nid: agent-planner\n---\n# Planner\n")
        try harness.directory.write("work/agents/reviewer.md", "---\nname: reviewer\nid: agent-reviewer\n---\n# Reviewer\n")
        try harness.directory.write("work/agents/summarizer.md", "# Summarizer\n")
        try harness.directory.write("work/agents/README.md", "# Agents\n")
        return harness
    }

    static func glyphFiles(_ name: String, svg: Bool = true) -> [String] {
        (svg ? ["assets/glyphs/\(name).svg"] : []) + variants.map { "assets/glyphs/\(name)\($0)" }
    }

    static let manifest = "assets/glyphs/\(GlyphManifest.fileName)"

    static func generated(_ result: StepHarness.Result) -> [String] {
        (result.output("generated") ?? "").split(separator: ",").map(String.init)
    }

    /// Every file in the glyph folder with its inode: an atomic replace gives a new inode.
    static func snapshot(_ harness: StepHarness) throws -> [String: Int] {
        let folder = harness.workingDirectory.appendingPathComponent("assets/glyphs")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
        var files: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            files[name] = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        return files
    }

    @Test("a first run writes each agent's SVG and PNG variants and the manifest, and shows the glyphs as images")
    func firstRun() async throws {
        let harness = try Self.repository()
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("changed") == "true")
        let expected = ["planner", "reviewer", "summarizer"].flatMap { Self.glyphFiles($0) } + [Self.manifest]
        #expect(Self.generated(result) == expected)
        #expect(Set(try Self.snapshot(harness).keys) == Set(expected.map { String($0.dropFirst("assets/glyphs/".count)) }))

        let planner = GlyphGenerator.svg(for: try GlyphIdentity(name: "planner", seed: "agent-planner"))
        #expect(try harness.directory.read("work/assets/glyphs/planner.svg") == planner)
        #expect(try harness.directory.read("work/assets/glyphs/summarizer.svg") == GlyphGenerator.svg(for: try GlyphIdentity(name: "summarizer")))
        let png = try PNGDecoder.decode(Array(Data(contentsOf: harness.workingDirectory.appendingPathComponent("assets/glyphs/reviewer-32@2x.png"))), source: "reviewer")
        #expect(png.width == 64 && png.height == 64)

        #expect(result.log.contains("Rendered 3 glyphs of 3: 16 files written to assets/glyphs/."))
        #expect(result.summary.contains("## Glyphs: 3 glyphs rendered, 16 files written"))
        #expect(result.summary.contains("| — | `planner` | `agents/planner.md` | ✨ new | 5 |"))
        #expect(!result.summary.contains("data:"))
    }

    @Test("the default settings give seven sizes at 1x, and a missing core/modules folder is fine")
    func defaults() async throws {
        let harness = try StepHarness()
        try harness.directory.write("work/agents/planner.md", "# Planner\n")
        let result = try await harness.run(RenderGlyphsStep.self)
        #expect(result.status == 0, "\(result.log)")
        #expect(Self.generated(result) == ["assets/glyphs/planner.svg"] + [16, 32, 48, 64, 128, 256, 512].map { "assets/glyphs/planner-\($0).png" } + [Self.manifest])
        let largest = try PNGDecoder.decode(Array(Data(contentsOf: harness.workingDirectory.appendingPathComponent("assets/glyphs/planner-512.png"))), source: "planner")
        #expect(largest.width == 512)
    }

    @Test("a second run with nothing changed writes nothing and says so")
    func secondRunIsNoOp() async throws {
        let harness = try Self.repository()
        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        let before = try Self.snapshot(harness)
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("changed") == "false")
        #expect(result.output("generated") == "")
        #expect(result.log.contains("All 3 glyphs are up to date; nothing written."))
        #expect(result.summary.contains("## Glyphs ✅ up to date, nothing written"))
        #expect(result.summary.contains("| `agents/summarizer.md` | ✅ up to date | 5 |"))
        #expect(try Self.snapshot(harness) == before)
    }

    @Test("changing one agent's glyph_seed renders only that glyph again")
    func changedSeed() async throws {
        let harness = try Self.repository()
        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        let before = try Self.snapshot(harness)
        try harness.directory.write("work/agents/reviewer.md", "---\nname: reviewer\nid: agent-reviewer\nglyph_seed: blue\n---\n# Reviewer\n")
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 0, "\(result.log)")
        #expect(Self.generated(result) == Self.glyphFiles("reviewer") + [Self.manifest])
        #expect(try harness.directory.read("work/assets/glyphs/reviewer.svg") == GlyphGenerator.svg(for: try GlyphIdentity(name: "reviewer", seed: "blue")))
        let after = try Self.snapshot(harness)
        for name in before.keys where !name.hasPrefix("reviewer") && name != GlyphManifest.fileName {
            #expect(after[name] == before[name], "\(name) was written again")
        }
        #expect(result.summary.contains("| `agents/reviewer.md` | 🔄 rendered again (source-changed) | 5 |"))
    }

    @Test("a hand-made SVG in the glyph folder gets its PNG variants and is left as it is")
    func handMade() async throws {
        let harness = try Self.repository()
        let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\">\n<circle cx=\"12\" cy=\"12\" r=\"10\" fill=\"#2266aa\"/>\n</svg>\n"
        try harness.directory.write("work/assets/glyphs/logo.svg", logo)
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 0, "\(result.log)")
        let generated = Self.generated(result)
        #expect(Self.glyphFiles("logo", svg: false).allSatisfy(generated.contains))
        #expect(!generated.contains("assets/glyphs/logo.svg"))
        #expect(try harness.directory.read("work/assets/glyphs/logo.svg") == logo)
        let png = try PNGDecoder.decode(Array(Data(contentsOf: harness.workingDirectory.appendingPathComponent("assets/glyphs/logo-16.png"))), source: "logo")
        #expect(png.width == 16)
        #expect(result.summary.contains("| `logo` | hand-made `logo.svg` | ✨ new | 4 |"))

        try harness.directory.write("work/assets/glyphs/logo.svg", logo.replacingOccurrences(of: "#2266aa", with: "#aa2266"))
        let edited = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(Self.generated(edited) == Self.glyphFiles("logo", svg: false) + [Self.manifest])
    }

    @Test("an SVG outside the subset exits 2 naming the element, file and line, and nothing is written")
    func badSVG() async throws {
        let harness = try Self.repository()
        try harness.directory.write("work/assets/glyphs/badge.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"4\" height=\"4\"/>\n<text x=\"1\">hi</text>\n</svg>\n")
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 2)
        #expect(result.log.contains("::error title=render-glyphs,file=assets/glyphs/badge.svg,line=3::assets/glyphs/badge.svg:3: <text> is outside the supported SVG subset"))
        #expect(Set(try Self.snapshot(harness).keys) == ["badge.svg"])
        #expect(result.output("changed") == nil)
    }

    @Test("check mode writes nothing and fails while a glyph is out of date, naming the agent file")
    func checkMode() async throws {
        let harness = try Self.repository()
        let fresh = try await harness.run(RenderGlyphsStep.self, Self.small + ["--check"])
        #expect(fresh.status == 1)
        #expect(fresh.output("changed") == "true")
        #expect(Self.generated(fresh).count == 16)
        #expect(try Self.snapshot(harness).isEmpty)
        #expect(fresh.log.contains("::error title=Glyph out of date,file=agents/planner.md,line=1::The glyph 'planner' is out of date (new)"))
        #expect(fresh.summary.contains("## Glyphs ❌ 3 glyphs out of date"))

        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        let clean = try await harness.run(RenderGlyphsStep.self, Self.small + ["--check"])
        #expect(clean.status == 0, "\(clean.log)")
        #expect(clean.output("changed") == "false")
        #expect(clean.log.contains("Check passed: all 3 glyphs in assets/glyphs/ are up to date."))

        try harness.directory.write("work/agents/reviewer.md", "---\nid: agent-reviewer-2\n---\n# Reviewer\n")
        let before = try Self.snapshot(harness)
        let stale = try await harness.run(RenderGlyphsStep.self, Self.small + ["--check", "true"])
        #expect(stale.status == 1)
        #expect(Self.generated(stale) == Self.glyphFiles("reviewer") + [Self.manifest])
        let errors = stale.log.split(separator: "\n").filter { $0.hasPrefix("::error") }
        #expect(errors == ["::error title=Glyph out of date,file=agents/reviewer.md,line=1::The glyph 'reviewer' is out of date (source-changed): run render-glyphs and commit assets/glyphs/."])
        #expect(try Self.snapshot(harness) == before)
    }

    @Test("bad inputs exit 2 with a message naming the input, and nothing is written", arguments: [
        (["--sizes", "16,big"], "Input sizes is invalid: 'big' is not a whole number"),
        (["--sizes", "0"], "glyph sizes [0] are invalid"),
        (["--scales", "1,5"], "glyph scales [1, 5] are invalid"),
        (["--output-dir", "../elsewhere"], "input output-dir: '../elsewhere' must be a path inside the repository"),
        (["--sources", "/etc"], "input sources: '/etc' must be a path inside the repository"),
        (["--check", "maybe"], "Input does not meet YAML 1.2 \"Core Schema\" specification: check"),
    ])
    func badInputs(arguments: [String], message: String) async throws {
        let harness = try Self.repository()
        let result = try await harness.run(RenderGlyphsStep.self, arguments)
        #expect(result.status == 2)
        #expect(result.log.contains(message), "\(result.log)")
        #expect(try Self.snapshot(harness).isEmpty)
    }

    @Test("an agent file whose name cannot be a glyph name exits 2 on that file")
    func badAgentName() async throws {
        let harness = try Self.repository()
        try harness.directory.write("work/agents/Code Reviewer.md", "# Code reviewer\n")
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 2)
        #expect(result.log.contains("::error title=render-glyphs,file=agents/Code Reviewer.md,line=1::agents/Code Reviewer.md: glyph name 'code reviewer' cannot be a file name"))
    }

    @Test("an agent and a module with the same name exit 2 naming both files")
    func sameName() async throws {
        let harness = try Self.repository()
        try harness.directory.write("work/core/modules/planner.md", "# Planner module\n")
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 2)
        #expect(result.log.contains("two glyph sources are named 'planner' (agents/planner.md and core/modules/planner.md)"))
    }

    @Test("a glyph folder that a symbolic link leads out of the repository is refused")
    func symlinkEscape() async throws {
        let harness = try Self.repository()
        let outside = harness.directory.path("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: harness.workingDirectory.appendingPathComponent("assets"), withDestinationURL: outside)
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 2)
        #expect(result.log.contains("leads outside the repository"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test("the example repository's committed glyphs are what render-glyphs writes")
    func exampleIsUpToDate() async throws {
        let harness = try StepHarness()
        try GitFixture.copyTree("examples/upstream", to: harness.workingDirectory)
        let result = try await harness.run(RenderGlyphsStep.self, ["--check"])
        #expect(result.status == 0, "examples/upstream/assets/glyphs is stale; run render-glyphs in examples/upstream:\n\(result.log)")
        #expect(result.log.contains("Check passed: all 3 glyphs in assets/glyphs/ are up to date."))
    }

    @Test("previews link the committed PNGs at the run's commit (GitHub strips data: images); glyphs rendered now have none")
    func previewsLinkCommittedFiles() async throws {
        var harness = try Self.repository()
        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        try harness.directory.write("work/agents/planner.md", "---\nname: planner\nid: agent-planner-2\n---\n# Planner\n")
        harness.environment["GITHUB_REPOSITORY"] = "example-org/agent33"
        harness.environment["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567"
        harness.environment["GITHUB_SERVER_URL"] = "https://github.example.com"
        let result = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.summary.contains("| <img src=\"https://github.example.com/example-org/agent33/raw/0123456789abcdef0123456789abcdef01234567/assets/glyphs/reviewer-16.png\" width=\"32\" height=\"32\" alt=\"reviewer\"> | `reviewer` |"), "\(result.summary)")
        #expect(result.summary.contains("| — | `planner` |"))
        #expect(result.summary.contains("1 glyph without a preview: rendered in this run"))
        #expect(!result.summary.contains("data:"))
    }

    @Test("a replay of render-glyphs renders and reports but writes nothing into the repository")
    func replayWritesNothing() async throws {
        var harness = try Self.repository()
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = harness.directory.path("replays").path
        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        try FileManager.default.removeItem(at: harness.workingDirectory.appendingPathComponent("assets"))
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = nil
        let replayed = try await harness.run(RenderGlyphsStep.self, ["--replay", harness.directory.path("replays/render-glyphs.replay.json").path])
        #expect(replayed.log.contains("replay: would write"), "\(replayed.log)")
        #expect(!FileManager.default.fileExists(atPath: harness.workingDirectory.appendingPathComponent("assets").path))
    }

    @Test("--check fails when a committed PNG's bytes were changed or corrupted")
    func checkCatchesCorruptedPNG() async throws {
        let harness = try Self.repository()
        _ = try await harness.run(RenderGlyphsStep.self, Self.small)
        let png = harness.workingDirectory.appendingPathComponent("assets/glyphs/reviewer-32.png")
        var bytes = try Data(contentsOf: png)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: png)
        let check = try await harness.run(RenderGlyphsStep.self, Self.small + ["--check"])
        #expect(check.status == 1, "\(check.log)")
        #expect(check.summary.contains("out of date (output-changed)"), "\(check.summary)")
        let repair = try await harness.run(RenderGlyphsStep.self, Self.small)
        #expect(repair.status == 0 && Self.generated(repair).contains("assets/glyphs/reviewer-32.png"), "\(repair.log)")
        let again = try await harness.run(RenderGlyphsStep.self, Self.small + ["--check"])
        #expect(again.status == 0, "\(again.log)")
    }
}
