import Foundation

/// One glyph to render: its name, where its SVG comes from, and the SVG text.
package struct GlyphSource: Sendable, Equatable {
    package var name: String
    package var origin: GlyphOrigin
    package var svg: String
    /// The path named in error messages.
    package var sourcePath: String

    package init(name: String, origin: GlyphOrigin, svg: String, sourcePath: String) {
        self.name = name
        self.origin = origin
        self.svg = svg
        self.sourcePath = sourcePath
    }

    /// A generated glyph: the SVG comes from the identity and is written as `<name>.svg`.
    package static func generated(_ identity: GlyphIdentity) -> GlyphSource {
        GlyphSource(name: identity.name, origin: .generated, svg: GlyphGenerator.svg(for: identity),
                    sourcePath: identity.name + ".svg")
    }

    /// Every glyph for a run: one generated per identity, plus every hand-made `*.svg` in the glyph
    /// folder that is not the output of a generated glyph (this run's, or one the manifest recorded).
    package static func collect(identities: [GlyphIdentity], directory: URL, manifest: GlyphManifest) throws(GlyphPipelineError) -> [GlyphSource] {
        var sources = identities.map(generated)
        var names = Set<String>()
        for source in sources {
            if !names.insert(source.name).inserted { throw .nameCollision(name: source.name, paths: []) }
            if manifest.glyphs[source.name]?.origin == .handMade {
                throw .handMadeCollision(name: source.name, svgPath: directory.appendingPathComponent(source.name + ".svg").path)
            }
        }
        let files: [String]
        do {
            files = FileManager.default.fileExists(atPath: directory.path)
                ? try FileManager.default.contentsOfDirectory(atPath: directory.path) : []
        } catch {
            throw .unreadable(path: directory.path, detail: String(describing: error))
        }
        for file in files.sorted() where file.hasSuffix(".svg") {
            let name = String(file.dropLast(4))
            if names.contains(name) || manifest.glyphs[name]?.origin == .generated { continue }
            let path = directory.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .unreadable(path: path, detail: "not UTF-8 text")
            }
            sources.append(GlyphSource(name: name, origin: .handMade, svg: text, sourcePath: path))
            names.insert(name)
        }
        return sources
    }
}
