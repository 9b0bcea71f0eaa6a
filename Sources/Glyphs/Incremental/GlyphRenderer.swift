import Foundation

/// The outcome of a run: every glyph file of the set, and the ones whose bytes changed on disk.
package struct GlyphRenderResult: Sendable, Equatable {
    /// Paths relative to the glyph folder of every SVG and PNG the glyph set consists of.
    package var generated: [String]
    /// The subset written in this run because its content changed.
    package var changed: [String]
    /// Glyphs recorded earlier whose source is gone; their files and manifest entries are kept.
    package var orphans: [String]
    package var manifest: GlyphManifest
}

/// Carries out a plan: renders the pending glyphs, writes only files whose bytes differ, and
/// writes the manifest.
package enum GlyphRenderer {
    /// Collects sources, plans, renders and records in one call: the whole incremental step.
    package static func run(identities: [GlyphIdentity], directory: URL, settings: GlyphRenderSettings) throws(GlyphPipelineError) -> GlyphRenderResult {
        let manifest = try GlyphManifest.load(from: directory)
        let sources = try GlyphSource.collect(identities: identities, directory: directory, manifest: manifest)
        let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        let plan = GlyphRenderPlan.make(sources: sources, settings: settings, manifest: manifest, existingFiles: existing)
        return try execute(plan, in: directory, previous: manifest)
    }

    package static func execute(_ plan: GlyphRenderPlan, in directory: URL, previous: GlyphManifest) throws(GlyphPipelineError) -> GlyphRenderResult {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory.path, detail: String(describing: error))
        }
        var manifest = previous
        var generated: [String] = []
        var changed: [String] = []
        for item in plan.items {
            let svgFiles = item.source.origin == .generated ? [item.source.name + ".svg"] : []
            let files = svgFiles + item.outputs.map(\.path)
            generated += files
            guard item.reason != nil else { continue }
            if item.source.origin == .generated,
               try write(Data(item.source.svg.utf8), to: directory.appendingPathComponent(item.source.name + ".svg")) {
                changed.append(item.source.name + ".svg")
            }
            let document: SVGDocument
            do {
                document = try SVGParser.parse(item.source.svg, file: item.source.sourcePath)
            } catch {
                throw .invalidSVG(error)
            }
            for output in item.outputs {
                let url = directory.appendingPathComponent(output.path)
                let image = DocumentRasterizer.render(document, size: output.pixels)
                let png: [UInt8]
                do {
                    png = try PNGEncoder.encode(image, compressionLevel: plan.settings.compressionLevel)
                } catch {
                    throw .encodingFailed(path: url.path, error)
                }
                if try write(Data(png), to: url) { changed.append(output.path) }
            }
            manifest.glyphs[item.source.name] = GlyphManifest.Entry(origin: item.source.origin, sourceHash: item.sourceHash, outputs: files)
        }
        _ = try write(manifest.encoded(), to: directory.appendingPathComponent(GlyphManifest.fileName))
        return GlyphRenderResult(generated: generated, changed: changed, orphans: plan.orphans, manifest: manifest)
    }

    /// Writes when the bytes differ from what is on disk; returns whether it wrote.
    private static func write(_ data: Data, to url: URL) throws(GlyphPipelineError) -> Bool {
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: url.path, detail: String(describing: error))
        }
        return true
    }
}
