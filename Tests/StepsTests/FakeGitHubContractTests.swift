import Foundation
import TestSupport
import Testing

/// The fake GitHub holds every request to GitHub's published description: REST requests to the
/// OpenAPI models of githubkit-schemas-2022-11-28, GraphQL documents to the grammar and to the
/// schema's fields and variable rules. A request outside it is refused, so the test that sent it fails.
@Suite("FakeGitHub contract")
struct FakeGitHubContractTests {
    @Test("query parameters an endpoint does not have, fields its body model does not have, and unknown endpoints are refused with what is wrong")
    func restContract() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        _ = try await api.send("POST", FakeGitHubHTTP.path("/issues"), ["title": "t", "body": "b", "labels": ["x"]])
        // The defect the issue comment lookup once had: /issues/{n}/comments has no sort or direction.
        let sorted = try await api.get(FakeGitHubHTTP.path("/issues/1/comments?sort=created&direction=desc"))
        #expect(sorted.status == 422)
        #expect(sorted.message?.contains("query parameter 'direction' is not one of /repos/{owner}/{repo}/issues/{issue_number}/comments's (page, per_page, since)") == true,
                "\(sorted.message ?? "")")
        #expect(try await api.get(FakeGitHubHTTP.path("/issues/1/comments?since=2026-01-01T00:00:00Z&per_page=100")).status == 200)

        let tree = try await api.send("POST", FakeGitHubHTTP.path("/git/trees"), ["tree": [["path": "a.md", "mode": "100644", "type": "blob", "content": "a", "author": "me"]]])
        #expect(tree.status == 422)
        #expect(tree.message?.contains("tree[0].author: not a field of") == true, "\(tree.message ?? "")")
        let badMode = try await api.send("POST", FakeGitHubHTTP.path("/git/trees"), ["tree": [["path": "a.md", "mode": "644", "type": "blob", "content": "a"]]])
        #expect(badMode.status == 422)

        #expect(try await api.get(FakeGitHubHTTP.path("/no/such/endpoint")).status == 422)
        #expect(github.contractViolations.count == 4, "\(github.contractViolations)")
        #expect(github.contractViolations.allSatisfy { !$0.isEmpty })
    }

    @Test("GraphQL: unknown fields, undeclared, unused and missing variables, and syntax errors are refused as GitHub refuses them")
    func graphQLContract() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        defer { withExtendedLifetime(github) {} }
        func post(_ query: String, _ variables: [String: Any] = [:]) async throws -> FakeGitHubHTTP.Answer {
            try await api.send("POST", "/graphql", ["query": query, "variables": variables])
        }
        let good = try await post("query($o: String!, $n: String!) { r: repository(owner: $o, name: $n) { nameWithOwner defaultBranchRef { name target { ... on Commit { oid file(path: \"README.md\") { oid type } } } } } }",
                                  ["o": "example-org", "n": "app"])
        let repository = try #require((good.object["data"] as? [String: Any])?["r"] as? [String: Any])
        #expect(repository["nameWithOwner"] as? String == "example-org/app")

        #expect(try await post("{ repository(owner: \"example-org\", name: \"app\") { stars } }").errorMessage == "Field 'stars' doesn't exist on type 'Repository'")
        #expect(try await post("query { repository(owner: $o, name: \"app\") { name } }").errorMessage?.contains("Variable $o is used by") == true)
        #expect(try await post("query Q($o: String!) { repository(owner: \"example-org\", name: \"app\") { name } }", ["o": "x"]).errorMessage == "Variable $o is declared by Q but not used")
        #expect(try await post("query Q($o: String!) { repository(owner: $o, name: \"app\") { name } }").errorMessage == "Variable $o of type String! was provided invalid value")
        #expect(try await post("query { repository(owner: \"example-org\" name: \"app\") { issues(states: OPEN) { nodes { number } } } }").errorMessage?
            .contains("You must provide a `first` or `last` value") == true)
        #expect(try await post("query { repository(owner: \"a\"").errorMessage?.hasPrefix("Parse error") == true)
        let missing = try await post("{ r: repository(owner: \"example-org\", name: \"gone\") { name } }")
        #expect((missing.object["data"] as? [String: Any])?["r"] is NSNull)
        #expect(missing.errorMessage == "Could not resolve to a Repository with the name 'example-org/gone'.")
    }
}
