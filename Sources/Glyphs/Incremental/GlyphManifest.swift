import Foundation

/// Whether a glyph's SVG was generated from an identity or drawn by hand.
package enum GlyphOrigin: String, Sendable, Codable {
    case generated
    case handMade = "hand-made"
}

/// The record kept beside the outputs (`assets/glyphs/.glyphs-manifest.json`): for each glyph, the
/// hash of the SVG and settings it was rendered from, and the files written for it.
package struct GlyphManifest: Sendable, Equatable, Codable {
    package struct Entry: Sendable, Equatable, Codable {
        package var origin: GlyphOrigin
        package var sourceHash: String
        package var outputs: [String]
        /// FNV-1a 64 of each file written, so a committed file whose bytes were changed or
        /// corrupted is out of date (absent in manifests written before it was recorded).
        package var outputHashes: [String: String]?

        package init(origin: GlyphOrigin, sourceHash: String, outputs: [String], outputHashes: [String: String]? = nil) {
            self.origin = origin
            self.sourceHash = sourceHash
            self.outputs = outputs
            self.outputHashes = outputHashes
        }
    }

    /// The hash recorded for a written file.
    package static func fileHash(_ data: Data) -> String {
        FNV1a64.hexString(FNV1a64.hash(data))
    }

    package static let fileName = ".glyphs-manifest.json"

    package var version = 1
    package var glyphs: [String: Entry] = [:]

    package init(glyphs: [String: Entry] = [:]) {
        self.glyphs = glyphs
    }

    /// Reads the manifest in `directory`, or an empty one when there is none yet.
    package static func load(from directory: URL) throws(GlyphPipelineError) -> GlyphManifest {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return GlyphManifest() }
        do {
            return try JSONDecoder().decode(GlyphManifest.self, from: Data(contentsOf: url))
        } catch {
            throw .corruptManifest(path: url.path, detail: String(describing: error))
        }
    }

    /// Sorted keys and a fixed layout, so an unchanged manifest is byte-identical.
    package func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, integers and arrays cannot fail.
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
