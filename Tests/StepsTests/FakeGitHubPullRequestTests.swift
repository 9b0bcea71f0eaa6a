import Foundation
import TestSupport
import Testing

/// The fake's pull requests, issues and GraphQL auto-merge, as GitHub answers them.
@Suite("FakeGitHub pull requests")
struct FakeGitHubPullRequestTests {
    /// The fake with a branch `sync` one commit ahead of main.
    static func startWithBranch() async throws -> (FakeGitHub, FakeGitHubHTTP) {
        let (github, api) = try await FakeGitHubHTTP.start(files: ["a.txt": "a1\n", "b.txt": "b1\n"])
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": main]).status == 201)
        try github.commitDirectly(FakeGitHubHTTP.repository, branch: "sync", changes: ["a.txt": Data("a2\n".utf8)], message: "sync a")
        return (github, api)
    }

    static func open(_ api: FakeGitHubHTTP, head: String = "example-org:sync", base: String = "main") async throws -> FakeGitHubHTTP.Answer {
        try await api.send("POST", FakeGitHubHTTP.path("/pulls"), ["title": "Sync", "head": head, "base": base, "body": "From upstream"])
    }

    @Test("a second pull request for the same head, one without commits, or one from a missing branch answers 422")
    func openingRules() async throws {
        let (github, api) = try await Self.startWithBranch()
        github.addIssue(.init(number: 1, title: "an earlier issue"), in: FakeGitHubHTTP.repository)
        let opened = try await Self.open(api)
        #expect(opened.status == 201)
        #expect(opened.object["number"] as? Int == 2, "issues and pull requests share one number sequence")
        #expect((opened.object["head"] as? [String: Any])?["sha"] as? String == github.head(FakeGitHubHTTP.repository, branch: "sync"))

        let duplicate = try await Self.open(api)
        #expect(duplicate.status == 422 && duplicate.message == "Validation Failed")
        #expect(duplicate.errorMessage == "A pull request already exists for example-org:sync.")
        let empty = try await Self.open(api, head: "main")
        #expect(empty.status == 422 && empty.errorMessage == "No commits between main and main")
        #expect(try await Self.open(api, head: "example-org:gone").status == 422)

        let listed = try await api.get(FakeGitHubHTTP.path("/pulls?state=open&head=example-org:sync"))
        #expect(listed.array.compactMap { $0["number"] as? Int } == [2])
        #expect(try await api.get(FakeGitHubHTTP.path("/pulls?head=example-org:other")).array.isEmpty)
        let issues = try await api.get(FakeGitHubHTTP.path("/issues?state=all")).array
        #expect(issues.map { $0["pull_request"] != nil } == [true, false])
        await github.server.stop()
    }

    @Test("merging makes a commit with the base and head as parents, applies the head's changes, and marks the pull request merged")
    func mergeHelper() async throws {
        let (github, api) = try await Self.startWithBranch()
        let number = try #require(try await Self.open(api).object["number"] as? Int)
        let downstream = try github.commitDirectly(FakeGitHubHTTP.repository, branch: "main", changes: ["b.txt": Data("b2\n".utf8)], message: "team edit")
        #expect(try await api.get(FakeGitHubHTTP.path("/pulls/\(number)")).object["mergeable_state"] as? String == "behind")
        let head = try #require(github.head(FakeGitHubHTTP.repository, branch: "sync"))

        let merge = try github.mergePullRequest(FakeGitHubHTTP.repository, number: number)
        #expect(github.head(FakeGitHubHTTP.repository, branch: "main") == merge)
        let commit = try await api.get(FakeGitHubHTTP.path("/git/commits/\(merge)")).object
        #expect((commit["parents"] as? [[String: Any]])?.compactMap { $0["sha"] as? String } == [downstream, head])
        #expect(try github.files(FakeGitHubHTTP.repository, branch: "main") == ["a.txt": Data("a2\n".utf8), "b.txt": Data("b2\n".utf8)])
        let pull = try await api.get(FakeGitHubHTTP.path("/pulls/\(number)")).object
        #expect(pull["state"] as? String == "closed")
        #expect(pull["merged_at"] is String)
        #expect(pull["merge_commit_sha"] as? String == merge)
        #expect(try await api.get(FakeGitHubHTTP.path("/pulls?state=open")).array.isEmpty)
        #expect(throws: FakeGitHub.HelperError.self) { try github.mergePullRequest(FakeGitHubHTTP.repository, number: number) }
        await github.server.stop()
    }

    @Test("labels add up, comments are kept, and a review request for a non-collaborator answers 422")
    func labelsCommentsAndReviewers() async throws {
        let (github, api) = try await Self.startWithBranch()
        let number = try #require(try await Self.open(api).object["number"] as? Int)
        _ = try await api.send("POST", FakeGitHubHTTP.path("/issues/\(number)/labels"), ["labels": ["sync"]])
        let labels = try await api.send("POST", FakeGitHubHTTP.path("/issues/\(number)/labels"), ["labels": ["sync", "automated"]])
        #expect(labels.array.compactMap { $0["name"] as? String } == ["sync", "automated"])
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/issues/\(number)/comments"), ["body": "Conflicts: none"]).status == 201)
        #expect(try await api.get(FakeGitHubHTTP.path("/issues/\(number)/comments")).array.compactMap { $0["body"] as? String } == ["Conflicts: none"])

        github.addUnknownReviewer("outsider")
        let refused = try await api.send("POST", FakeGitHubHTTP.path("/pulls/\(number)/requested_reviewers"), ["reviewers": ["outsider"]])
        #expect(refused.status == 422)
        #expect(refused.message?.hasSuffix("is not a collaborator of the example-org/app repository.") == true)
        let requested = try await api.send("POST", FakeGitHubHTTP.path("/pulls/\(number)/requested_reviewers"), ["reviewers": ["octocat"], "team_reviewers": ["platform"]])
        #expect(requested.status == 201)
        let pull = try #require(github.pullRequests(in: FakeGitHubHTTP.repository).first)
        #expect(pull.requestedReviewers == ["octocat"] && pull.requestedTeams == ["platform"])
        #expect(pull.labels == ["sync", "automated"] && pull.comments.map(\.body) == ["Conflicts: none"])
        await github.server.stop()
    }

    /// A repository or pull request state, and what GitHub's GraphQL answers to enabling auto-merge.
    enum AutoMergeCase: String, CaseIterable, Sendable {
        case allowed, autoMergeOff, clean, mergeCommitsOff, unknownNode

        var expectedError: (type: String, message: String)? {
            switch self {
            case .allowed: nil
            case .autoMergeOff: ("UNPROCESSABLE", "Auto merge is not allowed for this repository")
            case .clean: ("UNPROCESSABLE", "Pull request is in clean status")
            case .mergeCommitsOff: ("UNPROCESSABLE", "Merge method merge commit is not allowed on this repository")
            case .unknownNode: ("NOT_FOUND", "Could not resolve to a node with the global id of 'PR_kwNOPE'.")
            }
        }
    }

    static let mutation = """
        mutation($id: ID!) {
          enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: MERGE}) { pullRequest { number autoMergeRequest { enabledAt } } }
        }
        """

    @Test("enabling auto-merge through GraphQL answers data, or errors with a null field", arguments: AutoMergeCase.allCases)
    func autoMerge(_ situation: AutoMergeCase) async throws {
        let (github, api) = try await FakeGitHubHTTP.start(allowsAutoMerge: situation != .autoMergeOff, allowsMergeCommit: situation != .mergeCommitsOff)
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        #expect(try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": main]).status == 201)
        try github.commitDirectly(FakeGitHubHTTP.repository, branch: "sync", changes: ["new.txt": Data("n".utf8)], message: "new")
        let pull = try await Self.open(api).object
        let number = try #require(pull["number"] as? Int)
        if situation == .clean { github.markClean(FakeGitHubHTTP.repository, number: number) }
        let id = situation == .unknownNode ? "PR_kwNOPE" : try #require(pull["node_id"] as? String)

        let answer = try await api.send("POST", "/graphql", ["query": Self.mutation, "variables": ["id": id]])
        #expect(answer.status == 200)
        let field = (answer.object["data"] as? [String: Any])?["enablePullRequestAutoMerge"]
        if let (type, message) = situation.expectedError {
            #expect(field is NSNull)
            let error = try #require((answer.object["errors"] as? [[String: Any]])?.first)
            #expect(error["type"] as? String == type && error["message"] as? String == message)
            #expect(github.pullRequests(in: FakeGitHubHTTP.repository).first?.autoMerge == nil)
        } else {
            let request = ((field as? [String: Any])?["pullRequest"] as? [String: Any])?["autoMergeRequest"] as? [String: Any]
            #expect(request?["enabledAt"] is String)
            #expect(github.pullRequests(in: FakeGitHubHTTP.repository).first?.autoMerge == .merge)
            let rest = try await api.get(FakeGitHubHTTP.path("/pulls/\(number)")).object
            #expect((rest["auto_merge"] as? [String: Any])?["merge_method"] as? String == "merge")
        }
        await github.server.stop()
    }

    @Test("the pull request id and merge method are read inline from the query or from an input variable")
    func graphQLArgumentForms() async throws {
        let (github, api) = try await Self.startWithBranch()
        let id = try #require(try await Self.open(api).object["node_id"] as? String)
        let inline = #"mutation { enablePullRequestAutoMerge(input: {pullRequestId: "\#(id)", mergeMethod: REBASE}) { pullRequest { number } } }"#
        #expect(try await api.send("POST", "/graphql", ["query": inline]).object["errors"] == nil)
        #expect(github.pullRequests(in: FakeGitHubHTTP.repository).first?.autoMerge == .rebase)
        let viaInput = "mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { number } } }"
        let answer = try await api.send("POST", "/graphql", ["query": viaInput, "variables": ["input": ["pullRequestId": id, "mergeMethod": "SQUASH"]]])
        #expect(answer.object["errors"] == nil)
        #expect(github.pullRequests(in: FakeGitHubHTTP.repository).first?.autoMerge == .squash)
        await github.server.stop()
    }
}
