import ActionsRuntime
import Diagnostics
import Foundation

/// The one rule for every input that names a file or folder of the repository (rules, settings,
/// targets, secrets specification, policy, glyph folders): relative to the repository root (the
/// working directory, or `root`), never absolute, never climbing out with `..`, and never led
/// out through a symbolic link. Configuration from outside the repository is never read.
enum RepositoryInputs {
    /// The path as written, without a leading `./`; refuses absolute and escaping paths.
    static func relativePath(_ path: String, input: String) throws -> String {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        guard !trimmed.hasPrefix("/"), !trimmed.hasPrefix("~"), !trimmed.split(separator: "/").contains("..") else {
            throw Diagnostic.configuration("input \(input): '\(path)' must be a path inside the repository, relative to its root (no absolute path, no '..').")
        }
        return trimmed
    }

    /// The URL of a repository path input, checked to stay inside `root` once every symbolic
    /// link is resolved.
    static func url(_ path: String, input: String, root: URL) throws -> URL {
        let relative = try relativePath(path, input: input)
        let url = relative.isEmpty ? root : root.appendingPathComponent(relative).standardizedFileURL
        try refuseEscape(url, root: root, input: input)
        return url
    }

    /// Refuses a path that a symbolic link leads out of the repository.
    static func refuseEscape(_ url: URL, root: URL, input: String) throws {
        let resolvedRoot = realPath(root)
        let resolved = realPath(url)
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
            throw Diagnostic.configuration("input \(input): '\(url.path)' leads outside the repository (to \(resolved)) through a symbolic link; use a real file or folder inside it.")
        }
    }

    /// The path with every symbolic link resolved; a part that does not exist yet is appended as written.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        guard let resolved = realpath(existing.path, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return ([String(cString: resolved)] + missing).joined(separator: "/")
    }
}
