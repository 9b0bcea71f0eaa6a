import ActionsRuntime

extension RenderGlyphsStep {
    /// render-glyphs' inputs, in the order its definition lists them.
    enum Input {
        static let sources: InputKey<[String]> = .list("sources", "Folders, relative to the repository (comma- or line-separated), whose *.md files (not README.md) each get a generated glyph named after the file. Folders that do not exist are skipped. The design's seed is the frontmatter's glyph_seed, else id, else the file name.", default: "agents,core/modules")
        static let outputDir: InputKey<String> = .string("output-dir", "The glyph folder, relative to the repository: <name>.svg, <name>-<size>.png, <name>-<size>@<scale>x.png and .glyphs-manifest.json. Hand-made SVGs placed here get their PNGs too.", kind: .path, default: "assets/glyphs", writes: true)
        static let sizes: InputKey<[String]> = .list("sizes", "PNG sizes in CSS pixels (1-4096), comma-separated.", default: "16,32,48,64,128,256,512")
        static let scales: InputKey<[String]> = .list("scales", "Pixel densities (1-4), comma-separated; 1,2 adds <name>-<size>@2x.png beside <name>-<size>.png.", default: "1")
        static let check: InputKey<Bool> = .boolean("check", "Write nothing; exit 1 when any glyph file or the manifest is out of date (for pull requests).", default: "false")
    }

    enum Output {
        static let generated = OutputKey("generated", "Comma-separated paths, relative to the repository, of the files this run wrote (with check: would write), the manifest included; empty when everything is up to date.")
        static let changed = OutputKey("changed", "true when the run wrote a file (with check: when something is out of date), else false.")
    }
}
