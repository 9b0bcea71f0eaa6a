import SyncCore
import Testing
@testable import SyncKit

/// The one path type every boundary constructs: each class of crafted name is refused with why.
@Suite("Repository paths")
struct RepositoryPathTests {
    @Test("ordinary paths are repository paths", arguments: ["README.md", "docs/agent33/a.md", ".github/workflows/ci.yml", "a b/c-d_e.f", "日本/文書.md", ".gitignore", ".github", "x.git/y", "git/x"])
    func valid(_ path: String) throws {
        #expect(try RepositoryPath(path).value == path)
    }

    @Test("crafted names are refused, each with its reason")
    func refused() {
        let cases: [(String, RepositoryPathError)] = [
            ("", .empty),
            ("/etc/passwd", .absolute),
            ("docs\\x.md", .backslash),
            ("docs/a.md\n100644 0000000000000000000000000000000000000000\tREADME.md", .controlCharacter(0x0A, offset: 9)),
            ("a\u{0}b", .controlCharacter(0, offset: 1)),
            ("a\u{7F}", .controlCharacter(0x7F, offset: 1)),
            ("docs//x", .emptySegment),
            ("docs/", .emptySegment),
            ("docs/./x", .dotSegment),
            ("docs/../README.md", .parentSegment),
            ("..", .parentSegment),
            (".git/hooks/pre-commit", .gitFolder(".git")),
            (".GIT/config", .gitFolder(".GIT")),
            ("sub/.Git/hooks/x", .gitFolder(".Git")),
            (".git./x", .gitFolder(".git.")),
            (".git /x", .gitFolder(".git ")),
            ("GIT~1/config", .gitFolder("GIT~1")),
            (".g\u{200C}it/config", .gitFolder(".g\u{200C}it")),
        ]
        for (path, expected) in cases {
            #expect(RepositoryPath.problem(path) == expected, "\(path.debugDescription)")
        }
        #expect(RepositoryPath.problem(String(repeating: "a/", count: 2_100) + "b") == .tooLong(4_201))
        #expect(RepositoryPath.problem(String(repeating: "a", count: 256)) == .segmentTooLong(String(repeating: "a", count: 40)))
    }

    @Test("the namespace's own folders are reserved, in any letter case; DECISIONS.md too")
    func reserved() throws {
        let layout = SyncLayout(namespace: "agent33", sourceRoot: "core/")
        #expect(layout.reservedPlace(of: try RepositoryPath(".agent33-sync-state/other.json")) == ".agent33-sync-state/")
        #expect(layout.reservedPlace(of: try RepositoryPath(".Agent33-Overrides/x.md")) == ".agent33-overrides/")
        #expect(layout.reservedPlace(of: try RepositoryPath("decisions.md")) == "DECISIONS.md")
        #expect(layout.reservedPlace(of: try RepositoryPath("docs/.agent33-overrides/x.md")) == nil)
        #expect(layout.destinationProblem("docs/a.md", targetFolder: "docs/") == nil)
        #expect(layout.destinationProblem("README.md", targetFolder: "docs/")?.contains("outside the rule's target_path") == true)
        #expect(layout.destinationProblem(".agent33-sync-state/x.json", targetFolder: "")?.contains("only flash-sync's own state writer") == true)
        #expect(layout.destinationProblem(".agent33-overrides/x.md", targetFolder: "")?.contains("where the downstream team keeps its overrides") == true)
        #expect(layout.destinationProblem("docs/../README.md", targetFolder: "docs/")?.contains("'..'") == true)
    }

    @Test("git branch names are checked as git does")
    func branchNames() {
        #expect(GitRefName.problem("agent33-sync/v1.2.3/rule-a") == nil)
        for bad in ["../rule", "a..b", "a b", "a\nb", "-x", "x/", "/x", "a//b", "x.lock", "a/.b", "a@{b", "a~b", "a^b", "a:b", "a?b", "a*b", "a[b", "a\\b", "x."] {
            #expect(GitRefName.problem(bad) != nil, "\(bad.debugDescription)")
        }
    }
}
