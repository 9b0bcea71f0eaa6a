/// A compiled glob for sync rules (`source`, `filters.include`, `filters.exclude`), matched
/// against repository-relative paths with `/` separators. The exact semantics are in docs/globs.md.
///
///     let glob = try Glob("core/orchestrator/**/*.md")
///     glob.matches("core/orchestrator/agents/planner.md")      // true
///     glob.staticPrefix                                         // "core/orchestrator/"
///     glob.placementPath(of: "core/orchestrator/agents/planner.md")  // "agents/planner.md"
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    package let pattern: String
    /// Leading directory segments without wildcards, with a trailing `/` (or empty).
    package let staticPrefix: String
    /// Set when the pattern names exactly one path: matching is a byte comparison.
    private let literalPath: [UInt8]?
    private let alternatives: [SegmentSequence]

    package init(_ pattern: String) throws(GlobError) {
        guard !pattern.isEmpty else { throw .emptyPattern }
        let nodes = try GlobParser(pattern: pattern).parse()
        let compiler = GlobCompiler(pattern: pattern)
        var alternatives: [SegmentSequence] = []
        for expanded in try compiler.expand(nodes) {
            let sequence = SegmentSequence(try compiler.segments(of: expanded), hiddenNeedsDot: true)
            if !alternatives.contains(sequence) { alternatives.append(sequence) }
        }
        self.pattern = pattern
        self.alternatives = alternatives
        staticPrefix = GlobCompiler.staticPrefix(of: nodes)
        literalPath = Self.literalPath(of: alternatives)
    }

    /// True when the pattern contains no wildcard and no `{a,b}` group.
    package var isLiteral: Bool { literalPath != nil }

    package var description: String { pattern }

    /// Whether the repository-relative `path` (no leading `/`) matches.
    package func matches(_ path: String) -> Bool {
        path.withPathBytes { bytes in
            if let literalPath {
                return literalPath.count == bytes.count && literalPath.elementsEqual(bytes)
            }
            for alternative in alternatives where alternative.matches(bytes) {
                return true
            }
            return false
        }
    }

    /// Where a matched file lands below a rule's `target_path`: the path with the static prefix
    /// removed. Nil when `path` does not match.
    package func placementPath(of path: String) -> String? {
        guard matches(path), path.hasPrefix(staticPrefix) else { return nil }
        return String(path.dropFirst(staticPrefix.count))
    }

    package static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    package func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    private static func literalPath(of alternatives: [SegmentSequence]) -> [UInt8]? {
        guard alternatives.count == 1 else { return nil }
        var path: [UInt8] = []
        for segment in alternatives[0].segments {
            guard case .literal(let bytes) = segment else { return nil }
            if !path.isEmpty { path.append(UInt8(ascii: "/")) }
            path += bytes
        }
        return path
    }
}
