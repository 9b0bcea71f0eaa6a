import Diagnostics
import SyncCore

/// Checks about what exists in the repository: files by glob, folders, the licence file.
enum FilePresenceChecks {
    static func fileExists(_ globs: [Glob], match: GlobMatch, in snapshot: RepositorySnapshot) -> [Diagnostic] {
        let missing = globs.filter { glob in !snapshot.files.contains { glob.matches($0) } }
        switch match {
        case .any where missing.count == globs.count:
            return [Diagnostic(.error, "no file matches \(quoted(globs.map(\.pattern))); at least one is required.")]
        case .all where !missing.isEmpty:
            return missing.map { Diagnostic(.error, "no file matches '\($0.pattern)'; one is required.") }
        default:
            return []
        }
    }

    static func fileAbsent(_ globs: [Glob], files: [String]) -> [Diagnostic] {
        files.compactMap { path in
            guard let glob = globs.first(where: { $0.matches(path) }) else { return nil }
            return Diagnostic(.error, "'\(path)' must not exist (it matches '\(glob.pattern)').", file: path, line: 1)
        }
    }

    static func directoryExists(_ paths: [String], match: GlobMatch, in snapshot: RepositorySnapshot) -> [Diagnostic] {
        let missing = paths.filter { !snapshot.directories.contains($0) }
        switch match {
        case .any where missing.count == paths.count:
            return [Diagnostic(.error, "none of the folders \(quoted(paths)) exists; at least one is required.")]
        case .all where !missing.isEmpty:
            return missing.map { Diagnostic(.error, "the folder '\($0)/' does not exist.") }
        default:
            return []
        }
    }

    /// A licence file at the root, matched without regard to case, that is not empty.
    static func licence(_ names: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        let wanted = Set(names.map { $0.lowercased() })
        let found = snapshot.files.filter { !$0.contains("/") && wanted.contains($0.lowercased()) }
        guard let file = found.first else {
            return [Diagnostic(.error, "no licence file at the repository root (looked for \(quoted(names))).")]
        }
        guard let text = snapshot.text(of: file), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return [Diagnostic(.error, "the licence file '\(file)' is empty or not text.", file: file, line: 1)]
        }
        return []
    }

    static func quoted(_ items: [String]) -> String {
        items.map { "'\($0)'" }.joined(separator: ", ")
    }
}
