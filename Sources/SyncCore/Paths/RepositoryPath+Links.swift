/// Path arithmetic on repository paths (always `/`, never leaving the root), for links.
extension RepositoryPath {
    /// The folder of a path: `a/b/c.md` → `a/b/`.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Resolves `relative` against the folder of `file`; nil when it climbs above the root.
    package static func resolve(_ relative: String, from file: String) -> String? {
        var parts: [Substring] = relative.hasPrefix("/") ? [] : folder(of: file).split(separator: "/")
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// A link target that is a URL (`https:`, `mailto:`...) or only a fragment is not a path.
    package static func isPathReference(_ destination: String) -> Bool {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return false }
        if let colon = destination.firstIndex(of: ":") {
            let scheme = destination[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) { return false }
        }
        return true
    }
}
