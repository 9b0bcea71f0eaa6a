import Foundation

extension GlyphIdentity {
    /// One identity per Markdown file (`*.md`, not `README.md`) directly in each folder, in name
    /// order: the name is the file stem in lower case, the seed comes from its frontmatter.
    /// Folders that do not exist are skipped (a repository may have agents but no modules).
    package static func discover(inFolders folders: [URL]) throws(GlyphPipelineError) -> [GlyphIdentity] {
        var identities: [GlyphIdentity] = []
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            let files: [String]
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw .unreadable(path: folder.path, detail: String(describing: error))
            }
            for file in files.sorted() where file.hasSuffix(".md") && file.lowercased() != "readme.md" {
                let path = folder.appendingPathComponent(file).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw .unreadable(path: path, detail: "not UTF-8 text")
                }
                do {
                    identities.append(try GlyphIdentity(name: String(file.dropLast(3)).lowercased(), frontmatterOf: text))
                } catch {
                    throw .unreadable(path: path, detail: error.description)
                }
            }
        }
        return identities
    }
}
