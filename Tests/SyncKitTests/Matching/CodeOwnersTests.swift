@testable import SyncCore
import Testing

@Suite("CODEOWNERS file")
struct CodeOwnersTests {
    static let file = """
        # Default owners
        *       @acme/maintainers

        # Docs, with a trailing comment
        docs/   @alice @acme/docs-team   # writers
        *.md    docs@example.com
        /core/orchestrator/ @bob @Alice
        \\#hash.txt @carol
        file\\ with\\ space.txt @dave
        /generated/
        bad-owner.txt @alice not-an-owner
        !negated.txt @alice
        ***/x @alice
        scripts/** @erin\r
        """

    @Test("Comments, blank lines, escapes and ownerless rules parse; bad lines are reported by number")
    func parsing() {
        let owners = CodeOwners(parsing: Self.file)
        #expect(owners.rules.map(\.line) == [2, 5, 6, 7, 8, 9, 10, 14])
        #expect(owners.problems.map(\.line) == [11, 12, 13])
        #expect(owners.problems[0].reason == .invalidOwner("not-an-owner"))
        #expect(owners.problems[1].reason == .invalidPattern("!negated.txt", .negation))
        #expect(owners.problems[2].reason == .invalidPattern("***/x", .tripleAsterisk))
        #expect(owners.problems[0].description.hasPrefix("CODEOWNERS:11: "))
    }

    @Test("The last matching rule wins", arguments: [
        ("src/main.swift", ["@acme/maintainers"]),
        ("docs/guide.txt", ["@alice", "@acme/docs-team"]),
        ("docs/guide.md", ["docs@example.com"]),
        ("core/orchestrator/plan.md", ["@bob", "@Alice"]),
        ("#hash.txt", ["@carol"]),
        ("file with space.txt", ["@dave"]),
        ("generated/code.swift", []),
        ("bad-owner.txt", ["@acme/maintainers"]),
        ("scripts/a/b.sh", ["@erin"]),
    ])
    func ownersOfPath(path: String, expected: [String]) {
        let owners = CodeOwners(parsing: Self.file)
        #expect(owners.owners(of: path).map(\.description) == expected)
    }

    @Test("Reviewers for changed paths are deduplicated case-insensitively and sorted, users apart from teams")
    func reviewers() {
        let owners = CodeOwners(parsing: Self.file)
        let request = owners.reviewers(for: ["docs/a.txt", "core/orchestrator/x.yaml", "src/y", "docs/b.md", "generated/z"])
        #expect(request.users == ["alice", "bob"])
        #expect(request.teams == ["acme/docs-team", "acme/maintainers"])
        #expect(request.teamSlugs == ["docs-team", "maintainers"])
        #expect(request.emails == ["docs@example.com"])
        #expect(owners.reviewers(for: ["generated/only"]).isEmpty)
    }

    @Test("Owner syntax", arguments: [
        ("@octocat", CodeOwner.user("octocat")),
        ("@my-org/team_name.x", CodeOwner.team(organization: "my-org", name: "team_name.x")),
        ("someone@example.com", CodeOwner.email("someone@example.com")),
    ])
    func ownerSyntax(text: String, expected: CodeOwner) {
        #expect(CodeOwner(text) == expected)
    }

    @Test("Malformed owners are rejected", arguments: ["octocat", "@", "@-bad", "@a/b/c", "@org/", "user@nodot", "@bad--login"])
    func malformedOwners(text: String) {
        #expect(CodeOwner(text) == nil)
    }

    @Test("CRLF files parse with the same line numbers, and unowned paths have no owners")
    func crlfAndUnowned() {
        let owners = CodeOwners(parsing: "# top\r\n/docs/ @alice\r\n\r\nbad-line @\r\n*.swift @bob\r\n", file: ".github/CODEOWNERS")
        #expect(owners.rules.map(\.line) == [2, 5])
        #expect(owners.problems.map(\.description) == [
            ".github/CODEOWNERS:4: '@' is not an owner; write '@user', '@org/team' or an email address (the line is ignored until it is fixed)",
        ])
        #expect(owners.owners(of: "docs/x.swift").map(\.description) == ["@bob"])
        #expect(owners.owners(of: "README.md").isEmpty)
        #expect(owners.rule(for: "docs/readme.md")?.line == 2)
    }
}
