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
        inputs: [Input.sources.spec, Input.outputDir.spec, Input.sizes.spec, Input.scales.spec, Input.check.spec],
        outputs: [Output.generated.spec, Output.changed.spec]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let root = session.context.workingDirectory.standardizedFileURL
        let sourcePaths = try inputs(Input.sources).map { try Self.repositoryFolder($0, input: Input.sources.name) }
        for path in sourcePaths { try RepositoryInputs.refuseEscape(root.appendingPathComponent(path), root: root, input: Input.sources.name) }
        let outputPath = try Self.repositoryFolder(try inputs(Input.outputDir), input: Input.outputDir.name)
        let folder = root.appendingPathComponent(outputPath)
        try RepositoryInputs.refuseEscape(folder, root: root, input: Input.outputDir.name)
        let settings = try Self.glyphs(root) {
            try GlyphRenderSettings(sizes: try Self.numbers(inputs, Input.sizes), scales: try Self.numbers(inputs, Input.scales), compressionLevel: 9)
        }
        let check = try inputs(Input.check)

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

        try session.setOutput(Output.generated, batch.writes.map { outputPath + "/" + $0.path }.joined(separator: ","))
        try session.setOutput(Output.changed, batch.isUpToDate ? "false" : "true")
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

    static func numbers(_ inputs: StepInputs, _ input: InputKey<[String]>) throws -> [Int] {
        try inputs(input).map { item in
            guard let value = Int(item) else {
                throw InputError.invalid(input.name, reason: "'\(item)' is not a whole number; give a comma-separated list such as \(input.spec.defaultValue ?? "1,2").")
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
