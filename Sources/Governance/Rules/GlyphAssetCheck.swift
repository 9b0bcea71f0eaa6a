import Diagnostics
/// Every agent or module in scope has its glyph `<folder>/<name>.svg`, where the name is the
/// file name without its extension in lower case (`agents/Planner.md` → `assets/glyphs/planner.svg`),
/// as render-glyphs names it; a `README.md` is documentation, not an agent, and needs no glyph.
enum GlyphAssetCheck {
    static func check(folder: String, required: Bool, files: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        guard snapshot.directories.contains(folder) else {
            return required ? [Diagnostic(.error, "the glyph folder '\(folder)/' does not exist; render-glyphs writes it.")] : []
        }
        return files.compactMap { path in
            guard (path.split(separator: "/").last ?? "").lowercased() != "readme.md" else { return nil }
            let name = glyphName(of: path)
            let asset = "\(folder)/\(name).svg"
            guard !snapshot.contains(asset) else { return nil }
            return Diagnostic(.error, "'\(path)' has no glyph: '\(asset)' does not exist.", file: path, line: 1)
        }
    }

    static func glyphName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file.lowercased() }
        return String(file[..<dot]).lowercased()
    }
}
