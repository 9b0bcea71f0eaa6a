import Foundation

/// Text or binary, decided the way git does: a NUL in the first 8,000 bytes, or bytes that are not
/// UTF-8, make a file binary. Binary files are copied byte for byte, never transformed.
package enum TextContent {
    package static let probeLength = 8000

    package static func decode(_ data: Data) -> String? {
        if data.prefix(probeLength).contains(0) { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// The line ending a text uses: CRLF when most of its lines end with CRLF.
    package static func lineEnding(of text: String) -> String {
        var crlf = 0, lf = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if previous == UInt8(ascii: "\r") { crlf += 1 } else { lf += 1 }
            }
            previous = byte
        }
        return crlf > lf ? "\r\n" : "\n"
    }

    package static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx")
    }

    package static func isYAML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    package static func isJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }
}

/// Path arithmetic on repository paths (always `/`, never leaving the root).
package enum RepositoryPath {
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
