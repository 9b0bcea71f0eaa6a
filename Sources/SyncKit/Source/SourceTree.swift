import Diagnostics
import Foundation
import SyncCore

/// The upstream files a plan reads: a git tree at a ref (releases), or the checked-out working
/// tree (on_change and manual runs). Symbolic links, submodules and oversized files are never read;
/// they are listed with the reason.
package struct SourceTree: Sendable {
    package enum Origin: Sendable, Equatable {
        case git(ref: String, commit: String)
        case workingTree
    }

    package static let maximumFileBytes = 10 << 20

    package let origin: Origin
    package let root: URL
    /// Readable regular files, sorted.
    package let paths: [String]
    /// Paths that are present but refused, with why.
    package let refused: [(path: String, reason: String)]
    private let objects: [String: String]
    private let sizes: [String: Int]
    /// The repository blobs are read from (a git origin), with its git environment.
    private let repository: GitRepository?

    package var commit: String? {
        if case .git(_, let commit) = origin { return commit }
        return nil
    }

    package var description: String {
        switch origin {
        case .git(let ref, let commit): "\(ref) (\(commit.prefix(12)))"
        case .workingTree: "working tree"
        }
    }

    /// The tree of `ref` in the repository at `root`.
    package static func git(_ repository: GitRepository, ref: String) throws(SourceError) -> SourceTree {
        guard let commit = repository.commit(of: ref) else {
            throw .unknownRef(ref)
        }
        let entries: [GitRepository.TreeEntry]
        do {
            entries = try repository.tree(at: commit)
        } catch {
            throw .git(error)
        }
        var paths: [String] = []
        var objects: [String: String] = [:]
        var refused: [(String, String)] = []
        for entry in entries {
            if let problem = RepositoryPath.problem(entry.path) {
                refused.append((entry.path, "file name refused: \(problem)"))
            } else if entry.isRegularFile {
                paths.append(entry.path)
                objects[entry.path] = entry.object
            } else if entry.isSymlink {
                refused.append((entry.path, "symbolic link: never followed (it could point outside the repository)"))
            } else if entry.isSubmodule {
                refused.append((entry.path, "submodule: not synced"))
            }
        }
        return SourceTree(origin: .git(ref: ref, commit: commit), root: repository.directory, paths: paths.sorted(), refused: refused, objects: objects, sizes: [:], repository: repository)
    }

    /// The files below `root`, without `.git`.
    package static func workingTree(_ root: URL) throws(SourceError) -> SourceTree {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey], options: []) else {
            throw .unreadable(root.path)
        }
        let prefix = root.standardizedFileURL.path + "/"
        var paths: [String] = []
        var sizes: [String: Int] = [:]
        var refused: [(String, String)] = []
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path == ".git" || path.hasPrefix(".git/") {
                walker.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey, .fileSizeKey])
            if let problem = RepositoryPath.problem(path), values?.isDirectory != true {
                refused.append((path, "file name refused: \(problem)"))
            } else if values?.isSymbolicLink == true {
                refused.append((path, "symbolic link: never followed (it could point outside the repository)"))
            } else if values?.isRegularFile == true {
                paths.append(path)
                sizes[path] = values?.fileSize ?? 0
            }
        }
        return SourceTree(origin: .workingTree, root: root, paths: paths.sorted(), refused: refused, objects: [:], sizes: sizes, repository: nil)
    }

    /// Reads the given files; oversized ones come back in `tooLarge`.
    package func read(_ wanted: [String]) throws(SourceError) -> (contents: [String: Data], tooLarge: [String: Int]) {
        var contents: [String: Data] = [:]
        var tooLarge: [String: Int] = [:]
        switch origin {
        case .git:
            let blobs: [String: Data]
            do {
                blobs = try repository?.blobs(wanted.compactMap { objects[$0] }) ?? [:]
            } catch {
                throw .git(error)
            }
            for path in wanted {
                guard let object = objects[path], let data = blobs[object] else { continue }
                if data.count > Self.maximumFileBytes { tooLarge[path] = data.count } else { contents[path] = data }
            }
        case .workingTree:
            for path in wanted {
                let size = sizes[path] ?? 0
                if size > Self.maximumFileBytes {
                    tooLarge[path] = size
                    continue
                }
                guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                    throw .unreadable(path)
                }
                contents[path] = data
            }
        }
        return (contents, tooLarge)
    }
}

package enum SourceError: Error, CustomStringConvertible {
    case unknownRef(String)
    case git(GitError)
    case unreadable(String)

    package var description: String {
        switch self {
        case .unknownRef(let ref):
            "The source ref '\(ref)' does not exist in the upstream repository. In a workflow, check out with fetch-depth: 0 so tags are present."
        case .git(let error):
            error.description
        case .unreadable(let path):
            "Cannot read \(path)."
        }
    }
}

extension SourceError: DiagnosticConvertible {
    /// Upstream content that cannot be read is a configuration error: exit 2.
    package var diagnostics: [Diagnostic] { [.configuration(description)] }
}
