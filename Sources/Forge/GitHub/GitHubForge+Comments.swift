import Foundation

/// Comments on issues and pull requests, through the issue-comments endpoints (a pull request is an
/// issue: its conversation comments live there too). Writes take the same path as every other
/// write: metered and paced by the job's `RequestMeter`, a creation sent exactly once.
extension GitHubForge {
    /// Most pages of comments read (100 each): a pull request with more comments is read up to here.
    static let commentPageLimit = 50

    /// Every comment, oldest first (the endpoint orders by ascending id and takes no sort order):
    /// every page, each a conditional read, so an unchanged conversation costs 304s.
    package func comments(_ repository: String, number: Int) async throws -> [ForgeComment] {
        let path = try base(repository) + "/issues/\(number)/comments"
        guard let listed = try await pages(path, as: GitHubPayload.Comment.self, limit: Self.commentPageLimit * 100) else {
            throw GitHubError.notFound(path: path)
        }
        return listed.map(Self.forgeComment)
    }

    /// Posts a comment; after a lost answer (a 5xx, a dropped connection), looks among the comments
    /// since just before the first send for one with this body before sending it again, as
    /// `commentOnce` does.
    package func createComment(_ repository: String, number: Int, body: String) async throws -> ForgeComment {
        let path = try base(repository) + "/issues/\(number)/comments"
        let since = Self.timestamp(Date(timeIntervalSince1970: client.effects.now() - Self.commentLookupMargin))
        return try await createOnce({
            Self.forgeComment(try await write("POST", path, ["body": body], as: GitHubPayload.Comment.self, replay: .lookFirst))
        }, lookup: {
            let recent = try await pages(path + "?since=" + Self.escape(query: since), as: GitHubPayload.Comment.self, limit: Self.commentPageLimit * 100) ?? []
            return recent.last { $0.body == body }.map(Self.forgeComment)
        })
    }

    /// Replaces a comment's body: the same edit twice does no harm, so it is retried like a read.
    package func updateComment(_ repository: String, id: Int, body: String) async throws -> ForgeComment {
        let path = try base(repository) + "/issues/comments/\(id)"
        return Self.forgeComment(try await write("PATCH", path, ["body": body], as: GitHubPayload.Comment.self))
    }

    /// Deletes a comment (204). A 404 is a comment already gone: deleted by someone else, or by an
    /// earlier attempt whose answer was lost.
    package func deleteComment(_ repository: String, id: Int) async throws {
        let path = try base(repository) + "/issues/comments/\(id)"
        let response = try await client.send("DELETE", path)
        if response.status == 404 { return }
        try Self.require(response, path)
    }

    static func forgeComment(_ comment: GitHubPayload.Comment) -> ForgeComment {
        ForgeComment(id: comment.id, body: comment.body ?? "", url: comment.htmlURL ?? "")
    }
}
