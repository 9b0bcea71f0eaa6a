import Foundation

/// The files of a repository checkout, listed once for every rule: repository-relative paths
/// with `/`, sorted, `.git` left out. Symbolic links are listed as files but never followed.
package struct RepositorySnapshot: Sendable {
    package let root: URL
    package let files: [String]
    package let directories: Set<String>
    private let sizes: [String: Int]

    package init(root: URL) throws {
        self.root = root.standardizedFileURL
        var files: [String] = []
        var directories: Set<String> = []
        var sizes: [String: Int] = [:]
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: self.root, includingPropertiesForKeys: keys) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        let prefix = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let values = try url.resourceValues(forKeys: Set(keys))
            if values.isDirectory == true, values.isSymbolicLink != true {
                if relative == ".git" {
                    walker.skipDescendants()
                    continue
                }
                directories.insert(relative)
            } else if values.isRegularFile == true || values.isSymbolicLink == true {
                if relative == ".git" { continue }
                files.append(relative)
                sizes[relative] = values.fileSize ?? 0
            }
        }
        self.files = files.sorted()
        self.directories = directories
        self.sizes = sizes
    }

    package func contains(_ path: String) -> Bool { sizes[path] != nil }

    package func size(of path: String) -> Int { sizes[path] ?? 0 }

    /// The file's text, or nil for a symbolic link, a binary file or invalid UTF-8.
    package func text(of path: String) -> String? {
        guard let data = data(of: path), !data.contains(0) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    package func data(of path: String) -> Data? {
        let url = root.appendingPathComponent(path)
        if (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    package func url(of path: String) -> URL { root.appendingPathComponent(path) }

    /// The 1-based line of a UTF-16 offset in `text` (NSRegularExpression ranges are UTF-16).
    static func line(ofUTF16Offset offset: Int, in text: String) -> Int {
        var line = 1
        var seen = 0
        for unit in text.utf16 {
            if seen >= offset { break }
            if unit == 0x0A { line += 1 }
            seen += 1
        }
        return line
    }
}
