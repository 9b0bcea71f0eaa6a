import Foundation

/// An agent or module definition and the glyph identity read from it.
package struct DiscoveredGlyph: Sendable, Equatable {
    package var identity: GlyphIdentity
    package var file: URL
}

extension GlyphIdentity {
    /// One identity per Markdown file (`*.md`, not `README.md`) directly in each folder, in name
    /// order: the name is the file stem in lower case, the seed comes from its frontmatter.
    /// Folders that do not exist are skipped (a repository may have agents but no modules).
    package static func discover(inFolders folders: [URL]) throws(GlyphPipelineError) -> [GlyphIdentity] {
        try discoverFiles(inFolders: folders).map(\.identity)
    }

    /// As `discover(inFolders:)`, with the file each identity was read from.
    /// - Throws: `nameCollision` when two files (in different folders) give the same glyph name.
    package static func discoverFiles(inFolders folders: [URL]) throws(GlyphPipelineError) -> [DiscoveredGlyph] {
        var found: [DiscoveredGlyph] = []
        var byName: [String: URL] = [:]
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            let files: [String]
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw .unreadable(path: folder.path, detail: String(describing: error))
            }
            for file in files.sorted() where file.hasSuffix(".md") && file.lowercased() != "readme.md" {
                let url = folder.appendingPathComponent(file)
                guard let text = try? String(contentsOfFile: url.path, encoding: .utf8) else {
                    throw .unreadable(path: url.path, detail: "not UTF-8 text")
                }
                let identity: GlyphIdentity
                do {
                    identity = try GlyphIdentity(name: String(file.dropLast(3)).lowercased(), frontmatterOf: text)
                } catch {
                    throw .invalidGlyphName(path: url.path, error)
                }
                if let other = byName[identity.name] {
                    throw .nameCollision(name: identity.name, paths: [other.path, url.path])
                }
                byName[identity.name] = url
                found.append(DiscoveredGlyph(identity: identity, file: url))
            }
        }
        return found
    }
}
