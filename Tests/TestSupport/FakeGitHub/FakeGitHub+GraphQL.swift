import Foundation

/// `POST /graphql`: the document is parsed; queries are executed (FakeGitHub+GraphQLQuery), and
/// the `enablePullRequestAutoMerge` mutation is answered as GitHub does: 200 with `data`, or 200
/// with `errors` and a null field.
extension FakeGitHub.State {
    mutating func serveGraphQL(_ request: FakeGitHub.APIRequest) -> LoopbackServer.Reply {
        guard let query = request.body["query"] as? String else {
            return .json(200, ["errors": [["message": "A query attribute must be specified and must be a string."]]])
        }
        let variables = request.body["variables"] as? [String: Any] ?? [:]
        let document: GraphQLDocument
        do {
            document = try GraphQLDocument(parsing: query)
        } catch {
            return .json(200, ["errors": [["message": "Parse error: \(error)"]]])
        }
        // The operation `operationName` names, as GitHub runs it; the only one otherwise.
        let named = (request.body["operationName"] as? String).flatMap { name in document.operations.first { $0.name == name } }
        if let operation = named ?? document.operations.first, operation.kind == "query" {
            return executeQuery(document, operation, variables: variables)
        }
        if let operation = named ?? document.operations.first, operation.kind == "mutation", query.contains("createCommitOnBranch") {
            return createCommitOnBranch(document, operation, variables: variables)
        }
        let field = "enablePullRequestAutoMerge"
        guard query.contains(field) else {
            return .json(200, ["errors": [["message": "This fake GitHub answers only the \(field) mutation."]]])
        }
        func failure(_ type: String, _ message: String) -> LoopbackServer.Reply {
            .json(200, ["data": [field: NSNull()], "errors": [["type": type, "path": [field], "message": message]]])
        }
        let id = Self.argument("pullRequestId", in: query, variables: variables) ?? ""
        let methodName = Self.argument("mergeMethod", in: query, variables: variables) ?? FakeGitHub.MergeMethod.merge.rawValue
        guard let method = FakeGitHub.MergeMethod(rawValue: methodName) else {
            return .json(200, ["errors": [["message": "Argument 'mergeMethod' on InputObject 'EnablePullRequestAutoMergeInput' has an invalid value (\(methodName)). Expected type 'PullRequestMergeMethod'."]]])
        }
        guard let (repository, number) = pullRequest(nodeID: id), let settings = repositories[repository] else {
            return failure("NOT_FOUND", "Could not resolve to a node with the global id of '\(id)'.")
        }
        guard settings.canPush else { return failure("FORBIDDEN", "Resource not accessible by integration") }
        guard settings.allowsAutoMerge else { return failure("UNPROCESSABLE", "Auto merge is not allowed for this repository") }
        guard isOpen(number, in: repository) else { return failure("UNPROCESSABLE", "Pull request is closed") }
        guard settings.allows(method) else {
            return failure("UNPROCESSABLE", "Merge method \(method.phrase) is not allowed on this repository")
        }
        guard pulls[repository]?[number]?.isClean == false else { return failure("UNPROCESSABLE", "Pull request is in clean status") }
        let enabledAt = Date()
        pulls[repository]?[number]?.autoMerge = method
        pulls[repository]?[number]?.autoMergeEnabledAt = enabledAt
        return .json(200, ["data": [field: [
            "clientMutationId": NSNull(),
            "pullRequest": ["id": id, "number": number, "autoMergeRequest": ["enabledAt": Self.timestamp(enabledAt), "mergeMethod": method.rawValue]],
        ] as [String: Any]]])
    }

    /// The repository and number of the pull request a GraphQL id names.
    func pullRequest(nodeID: String) -> (String, Int)? {
        for (repository, records) in pulls {
            for number in records.keys where Self.nodeID("PR", "\(repository)#\(number)") == nodeID {
                return (repository, number)
            }
        }
        return nil
    }

    /// An argument's value: inline (`name: "literal"`, `name: ENUM`), through a variable
    /// (`name: $var`), or in an `input` variable object (`input: $input`).
    static func argument(_ name: String, in query: String, variables: [String: Any]) -> String? {
        let pattern = #"\b"# + name + #"\s*:\s*(\$[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)"#
        if let regex = try? Regex(pattern), let match = query.firstMatch(of: regex), let value = match.output[1].substring {
            if value.hasPrefix("$") { return variables[String(value.dropFirst())] as? String }
            if value.hasPrefix("\"") { return String(value.dropFirst().dropLast()) }
            return String(value)
        }
        for value in variables.values {
            if let input = value as? [String: Any], let found = input[name] as? String { return found }
        }
        return variables[name] as? String
    }
}
