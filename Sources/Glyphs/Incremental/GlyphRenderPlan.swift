/// What an incremental run has to do: for every glyph, whether it is up to date or why not.
package struct GlyphRenderPlan: Sendable {
    package enum Reason: String, Sendable, Equatable {
        case new, sourceChanged = "source-changed", outputMissing = "output-missing", outputChanged = "output-changed"
        /// The manifest predates output hashes, so the files cannot be checked: render once more.
        case outputUnverified = "output-unverified"
    }

    package struct Item: Sendable {
        package var source: GlyphSource
        package var sourceHash: String
        package var outputs: [GlyphOutput]
        /// Nil when the recorded hash matches and every output exists.
        package var reason: Reason?
    }

    package var items: [Item]
    package var settings: GlyphRenderSettings
    /// Glyphs in the manifest that no longer have a source; their files and entries are left in place.
    package var orphans: [String]

    package var pending: [Item] { items.filter { $0.reason != nil } }

    /// Compares each source's hash (SVG text plus settings) with the manifest and checks that the
    /// recorded outputs exist; `existingFiles` holds the file names present in the glyph folder.
    /// `fileHash` reads a file of the folder and hashes it (`GlyphManifest.fileHash`); a file whose
    /// hash differs from the one recorded makes its glyph out of date.
    package static func make(sources: [GlyphSource], settings: GlyphRenderSettings, manifest: GlyphManifest,
                             existingFiles: Set<String>, fileHash: (String) -> String? = { _ in nil }) -> GlyphRenderPlan {
        let items = sources.map { source -> Item in
            var hasher = FNV1a64()
            hasher.combine(settings.fingerprint)
            hasher.combine([0])
            hasher.combine(source.svg)
            let hash = FNV1a64.hexString(hasher.value)
            var outputs = settings.outputs(for: source.name)
            let expectedFiles = outputs.map(\.path) + (source.origin == .generated ? [source.name + ".svg"] : [])
            let reason: Reason?
            if let entry = manifest.glyphs[source.name] {
                if entry.sourceHash != hash {
                    reason = .sourceChanged
                } else if !expectedFiles.allSatisfy(existingFiles.contains) {
                    reason = .outputMissing
                } else if entry.outputHashes == nil {
                    reason = .outputUnverified
                } else if let recorded = entry.outputHashes, expectedFiles.contains(where: { file in
                    guard let expected = recorded[file], let actual = fileHash(file) else { return false }
                    return expected != actual
                }) {
                    reason = .outputChanged
                } else {
                    reason = nil
                }
            } else {
                reason = .new
            }
            outputs.sort { $0.pixels < $1.pixels }
            return Item(source: source, sourceHash: hash, outputs: outputs, reason: reason)
        }
        let names = Set(sources.map(\.name))
        let orphans = manifest.glyphs.keys.filter { !names.contains($0) }.sorted()
        return GlyphRenderPlan(items: items, settings: settings, orphans: orphans)
    }
}
