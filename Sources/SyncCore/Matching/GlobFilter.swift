/// A rule's file selection: `source` plus optional `filters.include` / `filters.exclude`.
/// A path is selected when it matches `source`, matches at least one include (when any are
/// given), and matches no exclude.
package struct GlobFilter: Sendable, Hashable {
    package let source: Glob
    package let include: [Glob]
    package let exclude: [Glob]

    package init(source: Glob, include: [Glob] = [], exclude: [Glob] = []) {
        self.source = source
        self.include = include
        self.exclude = exclude
    }

    /// Compiles all three from pattern strings; the first invalid pattern throws.
    package init(source: String, include: [String] = [], exclude: [String] = []) throws(GlobError) {
        var includeGlobs: [Glob] = []
        for pattern in include { includeGlobs.append(try Glob(pattern)) }
        var excludeGlobs: [Glob] = []
        for pattern in exclude { excludeGlobs.append(try Glob(pattern)) }
        self.init(source: try Glob(source), include: includeGlobs, exclude: excludeGlobs)
    }

    package func selects(_ path: String) -> Bool {
        guard source.matches(path) else { return false }
        if !include.isEmpty, !include.contains(where: { $0.matches(path) }) { return false }
        return !exclude.contains { $0.matches(path) }
    }

    /// The selected paths, in the order given.
    package func select(_ paths: some Sequence<String>) -> [String] {
        paths.filter(selects)
    }
}
