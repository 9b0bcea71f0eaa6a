import Foundation

/// The outcome of a run: every glyph file of the set, and the ones whose bytes changed on disk.
package struct GlyphRenderResult: Sendable, Equatable {
    /// Paths relative to the glyph folder of every SVG and PNG the glyph set consists of.
    package var generated: [String]
    /// The subset written in this run (or, before `commit`, to be written) because its content changed.
    package var changed: [String]
    /// Glyphs recorded earlier whose source is gone; their files and manifest entries are kept.
    package var orphans: [String]
    package var manifest: GlyphManifest
    /// Whether the manifest's bytes change in this run.
    package var manifestChanged: Bool
}

/// Carries out a plan in two phases: `prepare` renders the pending glyphs in memory and keeps the
/// files whose bytes differ from the disk; `commit` writes them, each to a temporary file renamed
/// into place, the manifest last (a run cut short leaves the old manifest, so the next run
/// renders those glyphs again).
package enum GlyphRenderer {
    /// Collects sources, plans, renders and records in one call: the whole incremental step.
    package static func run(identities: [GlyphIdentity], directory: URL, settings: GlyphRenderSettings) throws(GlyphPipelineError) -> GlyphRenderResult {
        let batch = try prepare(identities: identities, directory: directory, settings: settings)
        try commit(batch)
        return batch.result
    }

    /// Collects the sources (generated and hand-made), plans against the manifest and prepares the writes.
    package static func prepare(identities: [GlyphIdentity], directory: URL, settings: GlyphRenderSettings) throws(GlyphPipelineError) -> GlyphRenderBatch {
        let manifest = try GlyphManifest.load(from: directory)
        let sources = try GlyphSource.collect(identities: identities, directory: directory, manifest: manifest)
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        let plan = GlyphRenderPlan.make(sources: sources, settings: settings, manifest: manifest, existingFiles: existing) { file in
            (try? Data(contentsOf: directory.appendingPathComponent(file))).map(GlyphManifest.fileHash)
        }
        return try prepare(plan, in: directory, previous: manifest)
    }

    package static func execute(_ plan: GlyphRenderPlan, in directory: URL, previous: GlyphManifest) throws(GlyphPipelineError) -> GlyphRenderResult {
        let batch = try prepare(plan, in: directory, previous: previous)
        try commit(batch)
        return batch.result
    }

    /// Renders every pending glyph in memory; touches no file.
    package static func prepare(_ plan: GlyphRenderPlan, in directory: URL, previous: GlyphManifest) throws(GlyphPipelineError) -> GlyphRenderBatch {
        var manifest = previous
        var generated: [String] = []
        var writes: [GlyphRenderBatch.FileWrite] = []
        var hashes: [String: String] = [:]
        func stage(_ data: Data, _ path: String) {
            hashes[path] = GlyphManifest.fileHash(data)
            if let existing = try? Data(contentsOf: directory.appendingPathComponent(path)), existing == data { return }
            writes.append(.init(path: path, data: data))
        }
        for item in plan.items {
            let svgFiles = item.source.origin == .generated ? [item.source.name + ".svg"] : []
            let files = svgFiles + item.outputs.map(\.path)
            generated += files
            guard item.reason != nil else { continue }
            let document: SVGDocument
            do {
                document = try SVGParser.parse(item.source.svg, file: item.source.sourcePath)
            } catch {
                throw .invalidSVG(error)
            }
            if item.source.origin == .generated { stage(Data(item.source.svg.utf8), item.source.name + ".svg") }
            for output in item.outputs {
                let image = DocumentRasterizer.render(document, size: output.pixels)
                do {
                    stage(Data(try PNGEncoder.encode(image, compressionLevel: plan.settings.compressionLevel)), output.path)
                } catch {
                    throw .encodingFailed(path: directory.appendingPathComponent(output.path).path, error)
                }
            }
            manifest.glyphs[item.source.name] = GlyphManifest.Entry(origin: item.source.origin, sourceHash: item.sourceHash, outputs: files,
                                                                    outputHashes: hashes.filter { files.contains($0.key) })
        }
        let changed = writes.map(\.path)
        // A folder with no glyph and no record stays as it is: no manifest appears out of nothing.
        if !plan.items.isEmpty || FileManager.default.fileExists(atPath: directory.appendingPathComponent(GlyphManifest.fileName).path) {
            stage(manifest.encoded(), GlyphManifest.fileName)
        }
        let result = GlyphRenderResult(generated: generated, changed: changed, orphans: plan.orphans, manifest: manifest,
                                       manifestChanged: writes.count > changed.count)
        return GlyphRenderBatch(directory: directory, plan: plan, writes: writes, result: result)
    }

    /// Writes the prepared files: each to a temporary file in the folder, renamed into place.
    package static func commit(_ batch: GlyphRenderBatch) throws(GlyphPipelineError) {
        guard !batch.writes.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: batch.directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: batch.directory.path, detail: String(describing: error))
        }
        for write in batch.writes {
            let url = batch.directory.appendingPathComponent(write.path)
            do {
                try write.data.write(to: url, options: .atomic)
            } catch {
                throw .writeFailed(path: url.path, detail: String(describing: error))
            }
        }
    }
}
