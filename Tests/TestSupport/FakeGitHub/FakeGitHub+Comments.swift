import Foundation

/// `/repos/{owner}/{repo}/issues/comments/{comment_id}`: read, edit and delete one comment by its
/// id, whichever issue or pull request it is on (a pull request's conversation comments are issue
/// comments). Listing and creating are `/issues/{number}/comments` (`serveIssues`).
extension FakeGitHub.State {
    mutating func serveIssueComment(_ request: FakeGitHub.APIRequest, repository: String, path: [String]) -> LoopbackServer.Reply {
        guard path.count == 1, let id = Int(path[0]), let location = commentLocation(id, in: repository) else { return .notFound }
        let (issueIndex, commentIndex) = (location.issue, location.comment)
        guard let issue = issues[repository]?[issueIndex] else { return .notFound }
        switch request.method {
        case "GET":
            return .json(200, commentJSON(issue.comments[commentIndex], repository: repository, number: issue.number))
        case "PATCH":
            guard let text = request.body["body"] as? String, !text.isEmpty else {
                return .validationFailed([["resource": "IssueComment", "field": "body", "code": "missing_field"]])
            }
            issues[repository]?[issueIndex].comments[commentIndex].body = text
            issues[repository]?[issueIndex].comments[commentIndex].updatedAt = Date()
            touchPull(issue.number, in: repository)
            guard let edited = issues[repository]?[issueIndex].comments[commentIndex] else { return .notFound }
            return .json(200, commentJSON(edited, repository: repository, number: issue.number))
        case "DELETE":
            issues[repository]?[issueIndex].comments.remove(at: commentIndex)
            touchPull(issue.number, in: repository)
            return LoopbackServer.Reply(status: 204)
        default:
            return .notFound
        }
    }

    /// Where a comment is: the index of its issue in the repository's list, and its own index there.
    func commentLocation(_ id: Int, in repository: String) -> (issue: Int, comment: Int)? {
        for (issueIndex, issue) in (issues[repository] ?? []).enumerated() {
            if let commentIndex = issue.comments.firstIndex(where: { $0.id == id }) { return (issueIndex, commentIndex) }
        }
        return nil
    }
}
