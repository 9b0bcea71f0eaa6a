import Foundation

/// Changing a flat file map path by path, as `POST /git/trees` with a `base_tree` does.
extension FakeGitStore {
    enum TreeEdit {
        /// A blob (already stored) at a path.
        case put(String, File)
        /// A stored tree's files below a path, replacing what was there.
        case putTree(String, treeID: String)
        /// Removes a file, or every file below a folder.
        case delete(String)

        var path: String {
            switch self {
            case .put(let path, _), .putTree(let path, _), .delete(let path): path
            }
        }
    }

    /// Why an edit was refused, with the message GitHub's 422 carries.
    enum TreeEditError: Error, CustomStringConvertible {
        case malformedPath(String)
        case deletingMissingPath(String)
        case fileAndFolder(String)

        var description: String {
            switch self {
            case .malformedPath(let path): "tree.path contains a malformed path component: \(path)"
            // GitHub's own wording for deleting a path the base tree does not have.
            case .deletingMissingPath: "GitRPC::BadObjectState"
            case .fileAndFolder(let path): "tree.path \(path) is both a file and a folder"
            }
        }
    }

    /// A relative path without empty, `.` or `..` segments and no leading or trailing slash.
    static func isValidPath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.contains("\u{0}") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    func applying(_ edits: [TreeEdit], to base: [String: File]) throws(TreeEditError) -> [String: File] {
        var files = base
        for edit in edits {
            guard Self.isValidPath(edit.path) else { throw .malformedPath(edit.path) }
            switch edit {
            case .put(let path, let file):
                removeFolder(path, from: &files)
                files[path] = file
            case .putTree(let path, let treeID):
                files[path] = nil
                removeFolder(path, from: &files)
                for (inner, file) in self.files(inTree: treeID) { files[path + "/" + inner] = file }
            case .delete(let path):
                let removedFile = files.removeValue(forKey: path) != nil
                guard removeFolder(path, from: &files) || removedFile else { throw .deletingMissingPath(path) }
            }
        }
        for path in files.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if files[String(folder)] != nil { throw .fileAndFolder(String(folder)) }
            }
        }
        return files
    }

    /// Removes every file below `folder/`; true when there was one.
    @discardableResult
    private func removeFolder(_ folder: String, from files: inout [String: File]) -> Bool {
        let inside = files.keys.filter { $0.hasPrefix(folder + "/") }
        for path in inside { files[path] = nil }
        return !inside.isEmpty
    }
}
