import Foundation
@testable import SyncCore
import Testing

/// Compares `Glob` with bash's own expansion over a real tree. Known, deliberate differences are
/// listed by name in `knownDifferences` and checked to still hold, so the list stays true.
@Suite("Glob against bash", .enabled(if: BashGlobOracle.isAvailable, "needs bash 5 at /bin/bash"))
struct GlobBashDifferentialTests {
    static let tree = [
        "README.md", "CHANGELOG.md", ".hidden.md", ".env", "notes.txt",
        "docs/a.md", "docs/b.txt", "docs/.draft.md", "docs/[ab.md", "docs/a[1].md", "docs/{lit}.md",
        "docs/star*.md", "docs/é.md", "docs/ê.txt", "docs/Upper.md",
        "docs/guide/intro.md", "docs/guide/deep/x.md", "docs/guide/deep/y.yaml", "docs/guide/deep/.z.md",
        "docs/.private/secret.md", "docs/.private/sub/more.md",
        ".github/workflows/ci.yml", ".github/CODEOWNERS",
        "core/orchestrator/agents/planner.md", "core/orchestrator/readme.md",
        "core/orchestrator/rules/r1.yaml", "core/orchestrator/rules/r2.yml",
        "core/file1.txt", "core/file2.txt", "core/filex.txt", "core/file10.txt",
        "a/b", "a/x/b", "a/x/y/b", "a/x/y/c", "a/.h/b",
    ]

    static let patterns = [
        "*", "*.md", "**", "**/*.md", "**/*", ".*", ".*/*", ".*/**", "**/.*",
        "docs/*", "docs/*.md", "docs/**", "docs/**/*.md", "docs/**/*", "docs/.*", "docs/.private/**",
        "docs/**/.*", "docs/**/deep/*", "**/deep/**", "**/guide/**/*.yaml",
        "core/file?.txt", "core/file[0-9].txt", "core/file[!0-9].txt", "core/file[^x].txt",
        "core/file[0-9]*.txt", "core/file[[:digit:]].txt", "core/*/*", "core/*/*/*.y*ml",
        "core/orchestrator/**/*.md", "core/orchestrator/{agents,rules}/*",
        "core/orchestrator/rules/*.{yml,yaml}", "{docs,core}/**/*.md", "{README,CHANGELOG}.md",
        "{docs/guide/**,*.txt}", "x{,y}", "docs/{a,b}.{md,txt}",
        "a/**/b", "a/**", "a/*/b", "a/**/y/*", "**/b", "a/?/b",
        "docs/\\[ab.md", "docs/a\\[1\\].md", "docs/star\\*.md", "docs/\\{lit\\}.md", "docs/{lit}.md",
        "docs/?.md", "docs/[é-ë].*", "docs/[[:upper:]]*", "\\.env", ".github/**", ".github/*",
        "docs/.draft.md", "README.md", "**/README.md", "nothing/**", "*/*/*/*", "docs\\/a.md", "!*.md", "docs/*[!.md]",
        "core/file[[:word:]].txt", "core/file[[:graph:]]*", "core/file[[:print:]][[:alnum:]].txt", "core/file[[:cntrl:]].txt",
        "docs/*[[:punct:]]*.md", "docs/[[:lower:][:digit:]]*", "docs/[![:upper:]].md",
    ]

    @Test("Every pattern selects exactly the files bash expands it to")
    func sameAsBash() throws {
        let oracle = try BashGlobOracle(files: Self.tree)
        defer { oracle.removeTree() }
        let expected = try oracle.expand(Self.patterns)
        for (pattern, bashFiles) in zip(Self.patterns, expected) {
            let glob = try Glob(pattern)
            let ours = Set(Self.tree.filter(glob.matches))
            #expect(ours == bashFiles, "pattern \(pattern): only ours \(ours.subtracting(bashFiles).sorted()), only bash \(bashFiles.subtracting(ours).sorted())")
        }
    }

    @Test("The oracle itself finds files, so an empty comparison cannot pass by accident")
    func oracleIsAlive() throws {
        let oracle = try BashGlobOracle(files: Self.tree)
        defer { oracle.removeTree() }
        let results = try oracle.expand(["**/*.md", "docs/a.md"])
        #expect(results[0].count > 10)
        #expect(results[1] == ["docs/a.md"])
    }

    /// A documented difference: what bash does with the pattern, and what `Glob` does instead.
    struct KnownDifference: CustomTestStringConvertible, Sendable {
        let name: String
        let pattern: String
        /// Files bash yields for the pattern over `tree`.
        let bashSelects: Set<String>
        /// The error `Glob` raises instead, or nil when `Glob` compiles it and selects `globSelects`.
        let globError: GlobError?
        let globSelects: Set<String>
        var testDescription: String { name }
    }

    static let knownDifferences: [KnownDifference] = [
        KnownDifference(
            name: "'**' inside a name is an error, bash reads it as '*'",
            pattern: "docs/**.md", bashSelects: ["docs/a.md", "docs/[ab.md", "docs/a[1].md", "docs/{lit}.md", "docs/star*.md", "docs/é.md", "docs/Upper.md"],
            globError: .globstarInsideSegment(pattern: "docs/**.md", column: 6), globSelects: []),
        KnownDifference(
            name: "an unclosed '[' is an error, bash matches it literally",
            pattern: "docs/[ab.md", bashSelects: ["docs/[ab.md"],
            globError: .unclosedBracket(pattern: "docs/[ab.md", column: 6), globSelects: []),
        KnownDifference(
            name: "an unclosed '{' is an error, bash keeps it literally",
            pattern: "{README,CHANGELOG.md", bashSelects: [],
            globError: .unclosedBrace(pattern: "{README,CHANGELOG.md", column: 1), globSelects: []),
        KnownDifference(
            name: "a trailing '/' is an error, bash selects the directory",
            pattern: "docs/", bashSelects: [],
            globError: .trailingSlash(pattern: "docs/", column: 5), globSelects: []),
        KnownDifference(
            name: "'..' segments are an error, bash walks up the tree",
            pattern: "docs/../README.md", bashSelects: ["docs/../README.md"],
            globError: .relativeSegment(pattern: "docs/../README.md", column: 6), globSelects: []),
        KnownDifference(
            name: "a leading '/' is an error, bash globs from the file-system root",
            pattern: "/nonexistent-flash-sync/*.md", bashSelects: [],
            globError: .absolutePattern(pattern: "/nonexistent-flash-sync/*.md"), globSelects: []),
        KnownDifference(
            name: "an empty segment is an error, bash reads '//' as '/'",
            pattern: "docs//a.md", bashSelects: ["docs//a.md"],
            globError: .emptySegment(pattern: "docs//a.md", column: 5), globSelects: []),
        KnownDifference(
            name: "'/' inside a class is an error, bash leaves the word unexpanded",
            pattern: "docs/[a/b].md", bashSelects: [],
            globError: .slashInCharacterClass(pattern: "docs/[a/b].md", column: 8), globSelects: []),
        KnownDifference(
            name: "a reversed range is an error, bash matches nothing",
            pattern: "core/file[9-0].txt", bashSelects: [],
            globError: .reversedRange(pattern: "core/file[9-0].txt", column: 11), globSelects: []),
        KnownDifference(
            name: "an unknown named class is an error, bash matches nothing",
            pattern: "core/file[[:bogus:]].txt", bashSelects: [],
            globError: .unknownCharacterClass(pattern: "core/file[[:bogus:]].txt", name: "bogus", column: 11), globSelects: []),
        KnownDifference(
            name: "more than 1,024 brace expansions is an error, bash has no limit",
            pattern: String(repeating: "{a,b}", count: 11), bashSelects: [],
            globError: .tooManyAlternatives(pattern: String(repeating: "{a,b}", count: 11), limit: 1024), globSelects: []),
        KnownDifference(
            name: "'{1..2}' sequence expressions stay literal, bash expands them",
            pattern: "core/file{1..2}.txt", bashSelects: ["core/file1.txt", "core/file2.txt"],
            globError: nil, globSelects: []),
    ]

    @Test("Known differences from bash still hold", arguments: knownDifferences)
    func knownDifference(_ difference: KnownDifference) throws {
        let oracle = try BashGlobOracle(files: Self.tree)
        defer { oracle.removeTree() }
        #expect(try oracle.expand([difference.pattern])[0] == difference.bashSelects)
        if let error = difference.globError {
            #expect(throws: error) { try Glob(difference.pattern) }
        } else {
            let glob = try Glob(difference.pattern)
            #expect(Set(Self.tree.filter(glob.matches)) == difference.globSelects)
        }
    }
}
