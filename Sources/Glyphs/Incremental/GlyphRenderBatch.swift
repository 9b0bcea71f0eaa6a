import Foundation

/// Everything one run would write, rendered in memory before any file is touched: a bad SVG or a
/// failed encode stops the run with the folder unchanged, and a check run writes nothing at all.
package struct GlyphRenderBatch: Sendable {
    /// One file whose bytes differ from what is on disk (or that does not exist yet).
    package struct FileWrite: Sendable, Equatable {
        /// Relative to the glyph folder.
        package var path: String
        package var data: Data
    }

    package var directory: URL
    package var plan: GlyphRenderPlan
    /// Glyph files first (in plan order), then the manifest when it changes.
    package var writes: [FileWrite]
    package var result: GlyphRenderResult

    /// True when the run writes nothing: every glyph and the manifest are up to date.
    package var isUpToDate: Bool { writes.isEmpty }

    /// The glyph names with at least one file to write.
    package var changedGlyphs: [String] {
        let changed = Set(result.changed)
        return plan.items.filter { item in
            item.source.origin == .generated && changed.contains(item.source.name + ".svg")
                || item.outputs.contains { changed.contains($0.path) }
        }.map(\.source.name)
    }
}
