@testable import SyncCore
import TestSupport
import Testing

/// Random patterns built from pieces that exercise every feature, compared with bash over the
/// same tree as `GlobBashDifferentialTests`. The generator is seeded, so a failure reproduces.
@Suite("Glob against bash, seeded random patterns", .enabled(if: BashGlobOracle.isAvailable, "needs bash 5 at /bin/bash"))
struct GlobRandomDifferentialTests {
    static let pieces = [
        "docs", "guide", "deep", "core", "orchestrator", "rules", "agents", "a", "x", "y", "b", ".github",
        "workflows", ".private", ".h", "sub", "*", "*", "*.md", "*.y*ml", "?", "?.md", "[a-d]*", "[!a]*",
        "file[0-9].txt", "f*[0-9x].txt", ".*", "{a,x}", "{docs,core}", "*{.md,.txt}", "**", "**", "{guide,deep}/**",
        "[[:lower:]]*", "*[!.]?", "{,.}*", "r?.y{,a}ml",
    ]

    @Test("Four hundred seeded random patterns select the same files as bash")
    func randomPatterns() throws {
        var generator = SeededGenerator(seed: 0x5EED_F1A5)
        var patterns: [String] = []
        while patterns.count < 200 {
            let count = Int.random(in: 1...4, using: &generator)
            let pattern = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined(separator: "/")
            if !patterns.contains(pattern) { patterns.append(pattern) }
        }
        while patterns.count < 400 {
            let path = GlobBashDifferentialTests.tree.randomElement(using: &generator)!
            let pattern = path.split(separator: "/").map { Self.mutate(String($0), using: &generator) }.joined(separator: "/")
            if !patterns.contains(pattern) { patterns.append(pattern) }
        }
        let oracle = try BashGlobOracle(files: GlobBashDifferentialTests.tree)
        defer { oracle.removeTree() }
        let expected = try oracle.expand(patterns)
        var nonEmpty = 0
        for (pattern, bashFiles) in zip(patterns, expected) {
            let glob = try Glob(pattern)
            let ours = Set(GlobBashDifferentialTests.tree.filter(glob.matches))
            if !bashFiles.isEmpty { nonEmpty += 1 }
            #expect(ours == bashFiles, "pattern \(pattern): only ours \(ours.subtracting(bashFiles).sorted()), only bash \(bashFiles.subtracting(ours).sorted())")
        }
        #expect(nonEmpty >= 100, "too few patterns select anything for the comparison to mean much")
    }
}

extension GlobRandomDifferentialTests {
    /// One segment of a real path, kept or turned into a wildcard form that may still match it.
    static func mutate(_ segment: String, using generator: inout SeededGenerator) -> String {
        let escaped = segment.map { "*?[]{}\\".contains($0) ? "\\\($0)" : String($0) }
        let characters = Array(segment)
        switch Int.random(in: 0..<10, using: &generator) {
        case 0, 1: return escaped.joined()
        case 2: return segment.hasPrefix(".") ? ".*" : "*"
        case 3: return escaped[0] + "*"
        case 4: return "*" + escaped.suffix(2).joined()
        case 5:
            var copy = escaped
            copy[Int.random(in: 0..<copy.count, using: &generator)] = "?"
            return copy.joined()
        case 6:
            let first = characters[0]
            return first.isASCII && first.isLowercase ? "[\(first)-z]" + escaped.dropFirst().joined() : escaped.joined()
        case 7: return "{\(escaped.joined()),zz}"
        case 8: return "**/" + escaped.joined()
        default: return "**"
        }
    }
}
