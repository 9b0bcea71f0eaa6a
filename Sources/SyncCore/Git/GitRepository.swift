import Foundation

/// A local git repository read through the `git` command: trees, blobs, tags and diffs.
package struct GitRepository: Sendable {
    package let directory: URL
    package let environment: GitEnvironment

    package init(_ directory: URL, environment: GitEnvironment) {
        self.directory = directory
        self.environment = environment
    }

    /// An entry of `git ls-tree -r`.
    package struct TreeEntry: Sendable, Equatable {
        package var mode: String
        package var object: String
        package var path: String

        package var isRegularFile: Bool { mode == "100644" || mode == "100755" }
        package var isSymlink: Bool { mode == "120000" }
        package var isSubmodule: Bool { mode == "160000" }
    }

    @discardableResult
    package func run(_ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]) throws(GitError) -> Data {
        let output: ProcessRunner.Output
        do {
            output = try ProcessRunner.run(["git"] + arguments, in: directory, environment: environment.variables(in: directory, extra: extra), input: input)
        } catch {
            throw .cannotRun(reason: "\(error)")
        }
        guard output.status == 0 else {
            throw .failed(command: "git " + arguments.joined(separator: " "), status: output.status, message: output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output.stdout
    }

    package func text(_ arguments: [String]) throws(GitError) -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The commit a ref names, or nil when it names nothing.
    package func commit(of ref: String) -> String? {
        try? text(["rev-parse", "--verify", "--quiet", ref + "^{commit}"])
    }

    package var isRepository: Bool {
        (try? text(["rev-parse", "--git-dir"])) != nil
    }

    /// Every entry of the tree at `ref`, recursively.
    package func tree(at ref: String) throws(GitError) -> [TreeEntry] {
        let data = try run(["ls-tree", "-r", "-z", "--full-tree", ref])
        var entries: [TreeEntry] = []
        for record in data.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let head = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            guard head.count == 3 else { continue }
            entries.append(TreeEntry(mode: String(head[0]), object: String(head[2]), path: String(decoding: record[(tab + 1)...], as: UTF8.self)))
        }
        return entries
    }

    /// Contents of many blobs in one `git cat-file --batch` call. Objects may be ids or
    /// `<commit>:<path>`; with `allowingMissing` an object that does not exist is left out.
    package func blobs(_ objects: [String], allowingMissing: Bool = false) throws(GitError) -> [String: Data] {
        guard !objects.isEmpty else { return [:] }
        let unique = Array(Set(objects)).sorted()
        let data = try run(["cat-file", "--batch"], input: Data((unique.joined(separator: "\n") + "\n").utf8))
        // One record per input line, in order: "<id> <type> <size>\n<content>\n" or "<name> missing\n".
        var result: [String: Data] = [:]
        var index = data.startIndex
        for name in unique {
            guard index < data.endIndex, let newline = data[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: data[index..<newline], as: UTF8.self)
            index = newline + 1
            if header.hasSuffix(" missing") || header.hasSuffix(" ambiguous") {
                if allowingMissing { continue }
                throw .missingObject(name)
            }
            guard let size = header.split(separator: " ").last.flatMap({ Int($0) }), index + size <= data.endIndex else {
                throw .failed(command: "git cat-file --batch", status: 0, message: "unexpected output '\(header)'")
            }
            result[name] = data.subdata(in: index..<(index + size))
            index += size + 1
        }
        return result
    }

    /// Tags that look like versions (`v1.2.3`, `1.2.3`, with pre-release parts), oldest first.
    package func versionTags() throws(GitError) -> [String] {
        try text(["tag", "--list"]).split(separator: "\n").map(String.init)
            .compactMap { tag in SemanticVersion(tag).map { (tag, $0) } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    /// Paths that differ between two refs (renames count as delete plus add).
    package func changedPaths(from: String, to: String) throws(GitError) -> [String] {
        let data = try run(["diff", "--name-only", "-z", "--no-renames", from, to, "--"])
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Commit time of a ref as ISO 8601.
    package func commitDate(of ref: String) throws(GitError) -> String {
        try text(["log", "-1", "--format=%cI", ref])
    }
}

package enum GitError: Error, Equatable, CustomStringConvertible {
    case cannotRun(reason: String)
    case failed(command: String, status: Int32, message: String)
    case missingObject(String)

    package var description: String {
        switch self {
        case .cannotRun(let reason):
            "Cannot run git (\(reason)); install git and make sure it is on PATH."
        case .failed(let command, let status, let message):
            "'\(command)' failed (\(status)): \(message)"
        case .missingObject(let object):
            "git object \(object) is missing from the repository."
        }
    }
}
