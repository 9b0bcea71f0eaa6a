/// The PR's changelog excerpt: the release's section of the notes (release body or CHANGELOG.md),
/// limited to the entries that mention a synced file.
package enum ChangelogExcerpt {
    package static let none = "_No changelog entry mentions the synced files._"

    package static func excerpt(releaseNotes: String?, changelog: String?, version: String, sources: [String]) -> String {
        let names = Set(sources.flatMap { path -> [String] in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            return [path, name, stem].filter { $0.count >= 3 }
        })
        var section = releaseNotes ?? ""
        if section.isEmpty, let changelog { section = Self.section(of: changelog, version: version) }
        let entries = section.split(separator: "\n").map(String.init).filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("-") || trimmed.hasPrefix("*") else { return false }
            return names.contains { trimmed.contains($0) }
        }
        return entries.isEmpty ? none : entries.joined(separator: "\n")
    }

    /// The lines under the heading that names the version, up to the next heading of that level.
    static func section(of changelog: String, version: String) -> String {
        let bare = version.hasPrefix("v") ? String(version.dropFirst()) : version
        var lines: [Substring] = []
        var level: Int?
        for line in changelog.split(separator: "\n", omittingEmptySubsequences: false) {
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0, line.dropFirst(hashes).hasPrefix(" ") {
                if let current = level {
                    if hashes <= current { break }
                } else if line.contains(bare) {
                    level = hashes
                    continue
                }
            }
            if level != nil { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }
}
