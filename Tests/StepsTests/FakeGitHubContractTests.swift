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
        let violations = github.takeContractViolations()
        #expect(violations.count == 4, "\(violations)")
        #expect(violations.allSatisfy { !$0.isEmpty })
    }

    @Test("GraphQL: unknown fields, undeclared, unused and missing variables, wrong input objects, previews without their header, deprecated fields and syntax errors are refused")
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

        let outside = "Outside GitHub's public GraphQL schema: "
        #expect(try await post("{ repository(owner: \"example-org\", name: \"app\") { stars } }").errorMessage == outside + "GraphQL: Cannot query field 'stars' on type 'Repository'.")
        #expect(try await post("query { repository(owner: $o, name: \"app\") { name } }").errorMessage == outside + "GraphQL: Variable '$o' is not defined.")
        #expect(try await post("query Q($o: String!) { repository(owner: \"example-org\", name: \"app\") { name } }", ["o": "x"]).errorMessage
            == outside + "GraphQL: Variable '$o' is never used in operation 'Q'.")
        #expect(try await post("query Q($o: String!) { repository(owner: $o, name: \"app\") { name } }").errorMessage
            == outside + "GraphQL variables: Variable '$o' has invalid value: Expected a value of non-null type 'String!' to be provided.")
        #expect(try await post("query Q($o: String!) { repository(owner: $o, name: \"app\") { name } }", ["o": "example-org", "n": "app"]).errorMessage
            == outside + "GraphQL variables: $n is sent but not declared by the operation")
        // A mutation's input object is held to its type: a missing required field, a field it lacks.
        let commit = "mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }"
        var input: [String: Any] = ["branch": ["repositoryNameWithOwner": "example-org/app", "branchName": "main"], "message": ["headline": "h"],
                                    "fileChanges": ["additions": [["path": "a.md", "contents": "YQ=="]]]]
        #expect(try await post(commit, ["input": input]).errorMessage?
            .contains("Expected value of type 'CreateCommitOnBranchInput' to include required field 'expectedHeadOid'") == true)
        input["expectedHeadOid"] = String(repeating: "a", count: 40)
        input["fileChanges"] = ["additions": [["path": "a.md", "contents": "YQ==", "mode": "100755"]]]
        #expect(try await post(commit, ["input": input]).errorMessage?
            .contains("at .fileChanges.additions[0]: Expected value of type 'FileAddition' not to include unknown field 'mode'") == true)
        // A field GitHub serves only under a preview needs the preview's Accept header.
        let preview = "{ repository(owner: \"example-org\", name: \"app\") { pullRequests(first: 1) { nodes { mergeStateStatus } } } }"
        #expect(try await post(preview).errorMessage == outside
            + "GraphQL: field PullRequest.mergeStateStatus is a preview GitHub serves only with 'Accept: application/vnd.github.merge-info-preview+json'")
        #expect(try await post("{ node(id: \"x\") { ... on DependencyGraphManifest { filename } } }").errorMessage == outside
            + "GraphQL: type DependencyGraphManifest is a preview GitHub serves only with 'Accept: application/vnd.github.hawkgirl-preview+json'")
        let violations = github.contractViolations.count
        _ = try await api.send("POST", "/graphql", ["query": preview], headers: ["Accept": "application/vnd.github.merge-info-preview+json"])
        #expect(github.contractViolations.count == violations, "\(github.contractViolations.last ?? "")")
        // A field GitHub has deprecated is removed on a date: a client using it breaks then.
        #expect(try await post("{ repository(owner: \"example-org\", name: \"app\") { defaultBranchRef { target { ... on Commit { pushedDate } } } } }").errorMessage
            == outside + "GraphQL: field Commit.pushedDate is deprecated by GitHub: `pushedDate` is no longer supported. Removal on 2023-07-01 UTC.")
        // In a variable too: the value is held to its type's marks as a literal is.
        let packages = "query($t: PackageType) { repository(owner: \"example-org\", name: \"app\") { packages(first: 1, packageType: $t) { nodes { name } } } }"
        #expect(try await post(packages, ["t": "DOCKER"]).errorMessage?.hasPrefix(outside + "GraphQL: enum value PackageType.DOCKER (in $t) is deprecated by GitHub") == true)
        #expect(try await post("query { repository(owner: \"a\"").errorMessage?.hasPrefix(outside + "GraphQL syntax: Syntax Error") == true)
        // The fake's own rules stay behind the schema's: GitHub's connection arguments at run time.
        #expect(try await post("query { repository(owner: \"example-org\" name: \"app\") { issues(states: OPEN) { nodes { number } } } }").errorMessage?
            .contains("You must provide a `first` or `last` value") == true)
        let missing = try await post("{ r: repository(owner: \"example-org\", name: \"gone\") { name } }")
        #expect((missing.object["data"] as? [String: Any])?["r"] is NSNull)
        #expect(missing.errorMessage == "Could not resolve to a Repository with the name 'example-org/gone'.")
        #expect(github.takeContractViolations().count == 12)
    }
}
