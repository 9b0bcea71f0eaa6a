import Foundation

/// The `createCommitOnBranch` mutation as GitHub answers it: the input checked field by field, the
/// branch's head compared with `expectedHeadOid` (a commit is never made on a head the client did
/// not expect), the files added as regular files (mode 100644) and deleted, a signed commit, and the
/// commit's fields answered through the query executor.
extension FakeGitHub.State {
    mutating func createCommitOnBranch(_ document: GraphQLDocument, _ operation: GraphQLDocument.Operation, variables: [String: Any]) -> LoopbackServer.Reply {
        let field = "createCommitOnBranch"
        func failure(_ type: String, _ message: String) -> LoopbackServer.Reply {
            .json(200, ["data": [field: NSNull()], "errors": [["type": type, "path": [field], "message": message]]])
        }
        func invalid(_ detail: String) -> LoopbackServer.Reply {
            .json(200, ["errors": [["message": "Variable $input of type CreateCommitOnBranchInput! was provided invalid value for \(detail)"]]])
        }
        guard let input = variables["input"] as? [String: Any] else {
            return .json(200, ["errors": [["message": "Variable $input of type CreateCommitOnBranchInput! was provided invalid value"]]])
        }
        for key in input.keys.sorted() where !["branch", "expectedHeadOid", "message", "fileChanges", "clientMutationId"].contains(key) {
            return invalid("\(key) (Field is not defined on CreateCommitOnBranchInput)")
        }
        guard let branchInput = input["branch"] as? [String: Any], let branch = branchInput["branchName"] as? String,
              let repository = branchInput["repositoryNameWithOwner"] as? String else { return invalid("branch (Expected value to not be null)") }
        guard let expected = input["expectedHeadOid"] as? String else { return invalid("expectedHeadOid (Expected value to not be null)") }
        guard let message = input["message"] as? [String: Any], let headline = message["headline"] as? String, !headline.isEmpty else {
            return invalid("message.headline (Expected value to not be null)")
        }
        let changes = input["fileChanges"] as? [String: Any] ?? [:]
        let additions = changes["additions"] as? [[String: Any]] ?? []
        let deletions = changes["deletions"] as? [[String: Any]] ?? []
        guard let settings = repositories[repository] else { return failure("NOT_FOUND", "Could not resolve to a Repository with the name '\(repository)'.") }
        guard settings.canPush else { return failure("FORBIDDEN", "Resource not accessible by integration") }
        guard let head = stores[repository]?.branches[branch] else {
            return failure("NOT_FOUND", "A ref named \"refs/heads/\(branch)\" does not exist in the repository \(repository).")
        }
        guard head == expected else {
            return failure("STALE_DATA", "Expected branch to point to \"\(expected)\" but it did not. Pull and try again.")
        }
        guard !(protectedBranches[repository]?.contains(branch) ?? false) else {
            return failure("UNPROCESSABLE", "Protected branch update failed for refs/heads/\(branch).")
        }
        var store = stores[repository, default: FakeGitStore()]
        var files = store.files(atCommit: head)
        for deletion in deletions {
            guard let path = deletion["path"] as? String, files[path] != nil else {
                return failure("UNPROCESSABLE", "A path was requested for deletion which does not exist as of commit oid `\(head)`")
            }
            files[path] = nil
        }
        for addition in additions {
            guard let path = addition["path"] as? String, let contents = addition["contents"] as? String,
                  let data = Data(base64Encoded: contents) else { return invalid("fileChanges.additions (contents must be Base64)") }
            files[path] = FakeGitStore.File(mode: "100644", sha: store.storeBlob(data))
        }
        let body = message["body"] as? String ?? ""
        let tree = store.storeTree(files)
        let sha = store.storeCommit(tree: tree, parents: [head], message: body.isEmpty ? headline : headline + "\n\n" + body, verified: true)
        store.branches[branch] = sha
        stores[repository] = store

        // The answer: the selection under createCommitOnBranch { commit { ... } }, resolved on the new commit.
        var resolver = FakeGraphQLResolver(state: self, document: document, declared: operation.variables, variables: variables)
        var payload: [String: Any] = ["clientMutationId": input["clientMutationId"] ?? NSNull()]
        for case .field(let alias, "createCommitOnBranch", _, let selections) in operation.selections {
            for case .field(let commitAlias, "commit", _, let commitSelections) in selections {
                payload[commitAlias ?? "commit"] = resolver.object(.commit(repository, sha: sha), commitSelections, path: [field, "commit"])
            }
            if let refusal = resolver.validationError { return .json(200, ["errors": [["message": refusal]]]) }
            return .json(200, ["data": [alias ?? field: payload]])
        }
        return .json(200, ["data": [field: payload]])
    }
}
