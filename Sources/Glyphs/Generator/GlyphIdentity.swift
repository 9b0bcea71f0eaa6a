/// What a glyph is drawn from: the name its files carry and the seed its design comes from.
package struct GlyphIdentity: Sendable, Equatable {
    /// The file stem: `assets/glyphs/<name>.svg`. Lower-case letters, digits, `.`, `_` and `-`.
    package var name: String
    /// The text hashed into the design: `glyph_seed`, else `id`, else the name.
    package var seed: String

    /// - Throws: `GlyphIdentityError.invalidName` when the name cannot be a file stem.
    package init(name: String, seed: String? = nil) throws(GlyphIdentityError) {
        guard Self.isValidName(name) else { throw .invalidName(name) }
        self.name = name
        let trimmed = seed?.trimmingSVGWhitespace() ?? ""
        self.seed = trimmed.isEmpty ? name : trimmed
    }

    /// Reads `glyph_seed` or `id` from a Markdown file's YAML frontmatter (top-level scalar keys
    /// between the opening and closing `---`); the name is the agent's or module's file stem.
    package init(name: String, frontmatterOf document: String) throws(GlyphIdentityError) {
        let values = Self.frontmatterScalars(document)
        try self.init(name: name, seed: values["glyph_seed"] ?? values["id"])
    }

    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", first != "-", name.count <= 128 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    static func frontmatterScalars(_ document: String) -> [String: String] {
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }[...]
        guard lines.first?.trimmingSVGWhitespace() == "---" else { return [:] }
        lines = lines.dropFirst()
        var values: [String: String] = [:]
        for line in lines {
            if line.trimmingSVGWhitespace() == "---" || line.trimmingSVGWhitespace() == "..." { return values }
            guard let first = line.first, first != " ", first != "\t", first != "#",
                  let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSVGWhitespace()
            var value = line[line.index(after: colon)...].trimmingSVGWhitespace()
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if let comment = value.range(of: " #") {
                value = value[..<comment.lowerBound].trimmingSVGWhitespace()
            }
            if !value.isEmpty { values[key] = value }
        }
        return [:]
    }
}

package enum GlyphIdentityError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)

    package var description: String {
        switch self {
        case .invalidName(let name):
            "glyph name '\(name)' cannot be a file name; use lower-case letters, digits, '.', '_' and '-' "
                + "(not starting with '.' or '-'), at most 128 characters"
        }
    }
}
