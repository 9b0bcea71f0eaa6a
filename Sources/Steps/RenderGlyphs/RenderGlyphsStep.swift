import ActionsRuntime
import Diagnostics
import Foundation
import Glyphs

/// `render-glyphs`: gives every agent and module a deterministic SVG glyph and renders it, with
/// every hand-made SVG in the glyph folder, to PNG at several sizes. Incremental: only glyphs
/// whose source or settings changed are rendered again. With `check`, writes nothing and fails
/// when anything is out of date, for pull requests.
package struct RenderGlyphsStep: StepCommand {
    package static let definition = StepDefinition(
        name: "render-glyphs",
        summary: "Give every agent and module a deterministic SVG glyph and render it, and every hand-made SVG in the glyph folder, to PNG at several sizes; only changed glyphs are rendered again.",
        inputs: [
            InputSpec("sources", "Folders, relative to the repository (comma- or line-separated), whose *.md files (not README.md) each get a generated glyph named after the file. Folders that do not exist are skipped. The design's seed is the frontmatter's glyph_seed, else id, else the file name.", kind: .list, default: "agents,core/modules"),
            InputSpec("output-dir", "The glyph folder, relative to the repository: <name>.svg, <name>-<size>.png, <name>-<size>@<scale>x.png and .glyphs-manifest.json. Hand-made SVGs placed here get their PNGs too.", kind: .path, default: "assets/glyphs", writes: true),
            InputSpec("sizes", "PNG sizes in CSS pixels (1-4096), comma-separated.", kind: .list, default: "16,32,48,64,128,256,512"),
            InputSpec("scales", "Pixel densities (1-4), comma-separated; 1,2 adds <name>-<size>@2x.png beside <name>-<size>.png.", kind: .list, default: "1"),
            InputSpec("check", "Write nothing; exit 1 when any glyph file or the manifest is out of date (for pull requests).", kind: .boolean, default: "false"),
        ],
        outputs: [
            OutputSpec("generated", "Comma-separated paths, relative to the repository, of the files this run wrote (with check: would write), the manifest included; empty when everything is up to date."),
            OutputSpec("changed", "true when the run wrote a file (with check: when something is out of date), else false."),
        ]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let root = session.context.workingDirectory.standardizedFileURL
        let sourcePaths = try inputs.list("sources").map { try Self.repositoryFolder($0, input: "sources") }
        for path in sourcePaths { try RepositoryInputs.refuseEscape(root.appendingPathComponent(path), root: root, input: "sources") }
        let outputPath = try Self.repositoryFolder(try inputs.string("output-dir"), input: "output-dir")
        let folder = root.appendingPathComponent(outputPath)
        try RepositoryInputs.refuseEscape(folder, root: root, input: "output-dir")
        let settings = try Self.glyphs(root) {
            try GlyphRenderSettings(sizes: try Self.numbers(inputs, "sizes"), scales: try Self.numbers(inputs, "scales"), compressionLevel: 9)
        }
        let check = try inputs.bool("check")

        let discovered = try Self.glyphs(root) {
            try GlyphIdentity.discoverFiles(inFolders: sourcePaths.map { root.appendingPathComponent($0) })
        }
        let batch = try await session.group("Plan and render \(discovered.count) generated glyphs and the hand-made SVGs in \(outputPath)/") {
            try Self.glyphs(root) {
                try GlyphRenderer.prepare(identities: discovered.map(\.identity), directory: folder, settings: settings)
            }
        }
        // A replay renders and reports, but writes nothing into the repository.
        if session.context.isReplay, !check {
            session.log("replay: would write \(batch.writes.count) file\(batch.writes.count == 1 ? "" : "s") to \(outputPath)/ (not written)")
        } else if !check {
            try Self.glyphs(root) { try GlyphRenderer.commit(batch) }
        }

        let report = GlyphRunReport(batch: batch, discovered: discovered, root: root, outputPath: outputPath,
                                    sourcePaths: sourcePaths, isCheck: check,
                                    previewBase: GlyphRunReport.previewBase(environment: session.context.environment))
        if check { report.annotateOutOfDate(session) }
        session.summarize { report.write(into: &$0) }
        session.log(report.logLine)
        if !batch.result.orphans.isEmpty {
            session.log("note: \(batch.result.orphans.joined(separator: ", ")) in the manifest no longer have a source; "
                + "their files in \(outputPath)/ are kept: delete them if the glyphs are retired.")
        }

        try session.setOutput("generated", batch.writes.map { outputPath + "/" + $0.path }.joined(separator: ","))
        try session.setOutput("changed", batch.isUpToDate ? "false" : "true")
        return check && !batch.isUpToDate ? .failed : .success
    }

    /// A path input relative to the repository (no absolute path, no `..`), without `./` or a trailing `/`.
    static func repositoryFolder(_ path: String, input: String) throws -> String {
        var trimmed = try RepositoryInputs.relativePath(path, input: input)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else {
            throw Diagnostic.configuration("input \(input): '\(path)' names the repository root; give a folder inside it.")
        }
        return trimmed
    }

    static func numbers(_ inputs: StepInputs, _ name: String) throws -> [Int] {
        try inputs.list(name).map { item in
            guard let value = Int(item) else {
                throw InputError.invalid(name, reason: "'\(item)' is not a whole number; give a comma-separated list such as \(inputs.definition.input(named: name)?.defaultValue ?? "1,2").")
            }
            return value
        }
    }

    /// Runs library code and turns its errors into exit 2 with an annotation on the file and line,
    /// paths shown relative to the repository.
    static func glyphs<T>(_ root: URL, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GlyphPipelineError {
            let prefix = root.path + "/"
            let message = error.description.replacingOccurrences(of: prefix, with: "")
            let file = error.location.map { $0.file.hasPrefix(prefix) ? String($0.file.dropFirst(prefix.count)) : $0.file }
            throw Diagnostic(.error, message, title: "render-glyphs", file: file, line: error.location?.line, category: .configuration)
        }
    }
}
