import Diagnostics
import SyncCore

/// The upstream changes a downstream team declined, kept by the team in
/// `.agent33-overrides/declined.yml`:
///
/// ```yaml
/// declined:
///   - path: docs/agent33/guide.md          # the synced file, as it is in this repository
///     reason: We keep our own onboarding guide.
///   - path: docs/agent33/api.md
///     upstream_sha256: 3f1c9a0b27de        # only this upstream version (12 or more hex digits)
///     reason: Waiting for our v2 client.
/// ```
///
/// A declined file is left as it is: later syncs do not propose it, and drift detection does not
/// report it, until the entry is removed, or (for an entry naming one upstream version by its
/// SHA-256) until upstream changes the file again.
package struct DeclinedFiles: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var reason: String
        /// A prefix of the declined upstream content's SHA-256; nil declines every version.
        package var upstreamSHA256: String?
        package var line: Int?

        package init(path: String, reason: String, upstreamSHA256: String? = nil, line: Int? = nil) {
            self.path = path
            self.reason = reason
            self.upstreamSHA256 = upstreamSHA256
            self.line = line
        }

        /// Whether the entry declines the upstream content with this SHA-256.
        package func declines(upstreamSHA256 sha: String) -> Bool {
            upstreamSHA256.map { sha.lowercased().hasPrefix($0) } ?? true
        }
    }

    package static let maximumEntries = 10_000
    package static let shortestChecksumPrefix = 12

    package var entries: [Entry]
    package var file: String

    package init(entries: [Entry] = [], file: String) {
        self.entries = entries
        self.file = file
    }

    /// The entry that declines `path` at the given upstream content, if any.
    package func entry(for path: String, upstreamSHA256 sha: String) -> Entry? {
        entries.first { $0.path == path && $0.declines(upstreamSHA256: sha) }
    }

    /// The entry that names `path`, whatever version it declines.
    package func entry(for path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// Reads the file. Every problem names the file and line: the file is written by hand in
    /// another team's repository, so it is checked as strictly as the upstream configuration.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> DeclinedFiles {
        guard let root = try ConfigNode.parse(text, file: file) else { return DeclinedFiles(file: file) }
        guard let list = try root.mapping(allowed: ["declined"])["declined"] else { return DeclinedFiles(file: file) }
        let items = try list.sequence()
        guard items.count <= maximumEntries else {
            throw list.error("lists \(items.count) declined files; at most \(maximumEntries) are read.")
        }
        var entries: [Entry] = []
        var seen: [String: Int?] = [:]
        for item in items {
            let fields = try item.mapping(allowed: ["path", "reason", "upstream_sha256"])
            let pathNode = try fields.required("path")
            let raw = try pathNode.string()
            let path: String
            do {
                path = try RepositoryPath(raw).value
            } catch {
                throw pathNode.error("'\(raw)' is not a path in this repository: \(error.description).")
            }
            if let earlier = seen[path] {
                throw pathNode.error("'\(path)' is declined twice (first at line \(earlier.map(String.init) ?? "?")); keep one entry per file.")
            }
            let reasonNode = try fields.required("reason")
            let reason = try reasonNode.string().trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                throw reasonNode.error("the reason is empty; say why the change is declined, so the upstream owners and the next reader know.")
            }
            var sha: String?
            if let shaNode = fields["upstream_sha256"] {
                let value = try shaNode.string().lowercased()
                guard value.count >= shortestChecksumPrefix, value.count <= 64, value.allSatisfy(\.isHexDigit) else {
                    throw shaNode.error("upstream_sha256 '\(value)' must be \(shortestChecksumPrefix) to 64 hexadecimal digits of the upstream file's SHA-256.",
                                        hint: "The sync pull request lists the value for each file it changes; leave the key out to decline every version.")
                }
                sha = value
            }
            seen[path] = item.line
            entries.append(Entry(path: path, reason: reason, upstreamSHA256: sha, line: item.line))
        }
        return DeclinedFiles(entries: entries, file: file)
    }
}
