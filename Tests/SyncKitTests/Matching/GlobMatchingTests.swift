@testable import SyncCore
import Testing

@Suite("Glob matching")
struct GlobMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let path: String
        let matches: Bool
        var testDescription: String { "\(pattern) \(matches ? "matches" : "does not match") \(path)" }
    }

    static let cases: [Case] = [
        // `*` stays inside one segment and skips dotfiles.
        Case(pattern: "*.md", path: "README.md", matches: true),
        Case(pattern: "*.md", path: "docs/README.md", matches: false),
        Case(pattern: "*.md", path: ".hidden.md", matches: false),
        Case(pattern: ".*.md", path: ".hidden.md", matches: true),
        Case(pattern: "*", path: "a", matches: true),
        Case(pattern: "*", path: "a/b", matches: false),
        Case(pattern: "a*b*c", path: "aXbYbZc", matches: true),
        Case(pattern: "a*b*c", path: "aXbYbZ", matches: false),
        Case(pattern: "*a", path: "bbba", matches: true),
        // `?` is one character, never `/`, and counts Unicode scalars.
        Case(pattern: "?.txt", path: "a.txt", matches: true),
        Case(pattern: "?.txt", path: "ab.txt", matches: false),
        Case(pattern: "a?b", path: "a/b", matches: false),
        Case(pattern: "?.txt", path: "é.txt", matches: true),
        Case(pattern: "?.txt", path: ".a", matches: false),
        // Character classes.
        Case(pattern: "file[0-9].txt", path: "file7.txt", matches: true),
        Case(pattern: "file[0-9].txt", path: "filex.txt", matches: false),
        Case(pattern: "file[!0-9].txt", path: "filex.txt", matches: true),
        Case(pattern: "file[^0-9].txt", path: "file7.txt", matches: false),
        Case(pattern: "[]x]", path: "]", matches: true),
        Case(pattern: "[!]x]", path: "]", matches: false),
        Case(pattern: "[a-]", path: "-", matches: true),
        Case(pattern: "[[:digit:]]x", path: "5x", matches: true),
        Case(pattern: "[[:upper:]]*", path: "Readme", matches: true),
        Case(pattern: "[[:upper:]]*", path: "readme", matches: false),
        Case(pattern: "[é-ë]", path: "ê", matches: true),
        Case(pattern: "[.]x", path: ".x", matches: false),
        Case(pattern: "[!a]x", path: ".x", matches: false),
        // `**` spans zero or more directories, but not hidden ones.
        Case(pattern: "a/**/b", path: "a/b", matches: true),
        Case(pattern: "a/**/b", path: "a/x/y/b", matches: true),
        Case(pattern: "a/**/b", path: "a/x/.y/b", matches: false),
        Case(pattern: "a/**", path: "a/x", matches: true),
        Case(pattern: "a/**", path: "a/x/y/z.md", matches: true),
        Case(pattern: "a/**", path: "a", matches: false),
        Case(pattern: "a/**", path: "a/.git/config", matches: false),
        Case(pattern: "**", path: "x/y", matches: true),
        Case(pattern: "**", path: ".github/x", matches: false),
        Case(pattern: "**/*.md", path: "top.md", matches: true),
        Case(pattern: "**/*.md", path: "a/b/c.md", matches: true),
        Case(pattern: "**/*.md", path: "a/.b/c.md", matches: false),
        Case(pattern: "**/.b/*.md", path: "a/.b/c.md", matches: true),
        Case(pattern: ".github/**", path: ".github/workflows/ci.yml", matches: true),
        Case(pattern: "**/x/**/y", path: "p/x/q/x/r/y", matches: true),
        Case(pattern: "**/x/**/y", path: "p/x/q/y/r", matches: false),
        Case(pattern: "core/orchestrator/**/*.md", path: "core/orchestrator/agents/a.md", matches: true),
        Case(pattern: "core/orchestrator/**/*.md", path: "core/orchestrator/a.md", matches: true),
        Case(pattern: "core/orchestrator/**/*.md", path: "core/other/a.md", matches: false),
        // Braces, nested, with empty alternatives, and literal when they hold no comma.
        Case(pattern: "{a,b}/x", path: "b/x", matches: true),
        Case(pattern: "{a,b}/x", path: "c/x", matches: false),
        Case(pattern: "x.{md,{yml,yaml}}", path: "x.yaml", matches: true),
        Case(pattern: "x{,.bak}", path: "x", matches: true),
        Case(pattern: "x{,.bak}", path: "x.bak", matches: true),
        Case(pattern: "{a}", path: "{a}", matches: true),
        Case(pattern: "{a}", path: "a", matches: false),
        Case(pattern: "{docs/**,*.md}", path: "docs/a/b", matches: true),
        Case(pattern: "a}", path: "a}", matches: true),
        // Escapes make wildcard characters literal.
        Case(pattern: "\\*.md", path: "*.md", matches: true),
        Case(pattern: "\\*.md", path: "a.md", matches: false),
        Case(pattern: "a\\[1]", path: "a[1]", matches: true),
        Case(pattern: "\\{a,b}", path: "{a,b}", matches: true),
        Case(pattern: "\\.x", path: ".x", matches: true),
        Case(pattern: "docs\\/a.md", path: "docs/a.md", matches: true),
        // Literal patterns and case sensitivity.
        Case(pattern: "docs/README.md", path: "docs/README.md", matches: true),
        Case(pattern: "docs/README.md", path: "docs/readme.md", matches: false),
        Case(pattern: "docs/README.md", path: "docs/README.md/x", matches: false),
        Case(pattern: "caf\u{E9}.md", path: "caf\u{E9}.md", matches: true),
    ]

    @Test("Matches each path as the table says", arguments: cases)
    func matchesTable(_ example: Case) throws {
        let glob = try Glob(example.pattern)
        #expect(glob.matches(example.path) == example.matches)
    }

    @Test("A pattern without wildcards or groups takes the literal fast path")
    func literalFastPath() throws {
        #expect(try Glob("docs/guide/intro.md").isLiteral)
        #expect(try Glob("a\\*b").isLiteral)
        #expect(try !Glob("docs/*.md").isLiteral)
        #expect(try !Glob("{a,b}").isLiteral)
    }

    @Test("Static prefix is the leading directories free of wildcards", arguments: [
        ("core/orchestrator/**/*.md", "core/orchestrator/"),
        ("*.md", ""),
        ("**/x", ""),
        ("docs/guide.md", "docs/"),
        ("README.md", ""),
        ("a/b{c,d}/e", "a/"),
        ("a/b[0-9]/e", "a/"),
        ("a\\*/b/*", "a*/b/"),
    ])
    func staticPrefix(pattern: String, prefix: String) throws {
        #expect(try Glob(pattern).staticPrefix == prefix)
    }

    @Test("Placement path drops the static prefix of a matching path")
    func placementPath() throws {
        let glob = try Glob("core/orchestrator/**/*.md")
        #expect(glob.placementPath(of: "core/orchestrator/agents/planner.md") == "agents/planner.md")
        #expect(glob.placementPath(of: "core/orchestrator/top.md") == "top.md")
        #expect(glob.placementPath(of: "core/other/top.md") == nil)
        #expect(try Glob("docs/guide.md").placementPath(of: "docs/guide.md") == "guide.md")
    }

    @Test("A filter applies source, then includes, then excludes")
    func filterSelection() throws {
        let filter = try GlobFilter(source: "core/**", include: ["**/*.md", "**/*.yaml"], exclude: ["**/drafts/**"])
        let paths = ["core/a.md", "core/b.txt", "core/x/c.yaml", "core/drafts/d.md", "other/e.md"]
        #expect(filter.select(paths) == ["core/a.md", "core/x/c.yaml"])
        let noIncludes = try GlobFilter(source: "core/*")
        #expect(noIncludes.select(paths) == ["core/a.md", "core/b.txt"])
    }

    @Test("Pathological patterns match in linear time")
    func noBacktrackingBlowUp() throws {
        let name = String(repeating: "a", count: 200)
        let glob = try Glob("*a*a*a*a*a*a*a*a*a*a*a*b")
        #expect(!glob.matches(name))
        let deep = Array(repeating: "d", count: 60).joined(separator: "/")
        let globstars = try Glob("**/d/**/d/**/d/**/d/**/d/**/x")
        #expect(!globstars.matches(deep))
        #expect(globstars.matches(deep + "/x"))
    }
}
