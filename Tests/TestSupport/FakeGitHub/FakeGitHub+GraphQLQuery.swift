import Foundation

/// GraphQL queries, executed from the parsed document over the fake's repositories: the part of
/// GitHub's schema flash-sync reads (Repository, Ref, Commit, TreeEntry, Tree, Blob, issues and
/// their labels, pull requests). A field outside it is the validation error GitHub gives for an unknown field,
/// and the whole query is refused; a repository that does not exist is null with a NOT_FOUND error.
extension FakeGitHub.State {
    func executeQuery(_ document: GraphQLDocument, _ operation: GraphQLDocument.Operation, variables: [String: Any]) -> LoopbackServer.Reply {
        // As GitHub validates before it executes: every declared variable is used, every
        // non-null one is given.
        let used = FakeGraphQLResolver.variables(in: operation.selections, document: document)
        for (name, type) in operation.variables.sorted(by: { $0.key < $1.key }) {
            if !used.contains(name) {
                return .json(200, ["errors": [["message": "Variable $\(name) is declared by \(operation.name ?? "anonymous query") but not used"]]])
            }
            if type.hasSuffix("!"), variables[name] == nil || variables[name] is NSNull {
                return .json(200, ["errors": [["message": "Variable $\(name) of type \(type) was provided invalid value"]]])
            }
        }
        var resolver = FakeGraphQLResolver(state: self, document: document, declared: operation.variables, variables: variables)
        let data = resolver.object(.query, operation.selections, path: [])
        if let refusal = resolver.validationError {
            return .json(200, ["errors": [["message": refusal, "extensions": ["code": "undefinedField"]]]])
        }
        var body: [String: Any] = ["data": data]
        if !resolver.errors.isEmpty { body["errors"] = resolver.errors }
        return .json(200, body)
    }
}

struct FakeGraphQLResolver {
    typealias Selection = GraphQLDocument.Selection

    enum Node {
        case query
        case repository(String)
        case ref(String, branch: String, sha: String)
        case commit(String, sha: String)
        case treeEntry(String, path: String, entry: FakeGitStore.TreeEntry)
        case tree(String, sha: String, path: String)
        case blob(String, sha: String)
        case issueConnection(String, [FakeGitHub.Issue], hasNextPage: Bool)
        case issue(String, FakeGitHub.Issue)
        case pullRequestConnection(String, [Int], hasNextPage: Bool)
        case pullRequest(String, Int)
        case labelConnection([String])
        case label(String)
        case commitConnection(String, [String])
        case pageInfo(hasNextPage: Bool)

        var typeName: String {
            switch self {
            case .query: "Query"
            case .repository: "Repository"
            case .ref: "Ref"
            case .commit: "Commit"
            case .treeEntry: "TreeEntry"
            case .tree: "Tree"
            case .blob: "Blob"
            case .issueConnection: "IssueConnection"
            case .issue: "Issue"
            case .pullRequestConnection: "PullRequestConnection"
            case .pullRequest: "PullRequest"
            case .labelConnection: "LabelConnection"
            case .label: "Label"
            case .commitConnection: "CommitConnection"
            case .pageInfo: "PageInfo"
            }
        }

        /// The abstract types a node's type belongs to, for fragments on interfaces and unions.
        var abstractTypes: Set<String> {
            switch self {
            case .commit, .tree, .blob: ["GitObject", "Node"]
            case .repository, .issue, .pullRequest, .ref: ["Node"]
            default: []
            }
        }
    }

    /// What a field resolved to: a scalar (JSON value), a node, a list of nodes, or null.
    enum Resolved {
        case scalar(Any)
        case node(Node)
        case nodes([Node])
        case null
    }

    let state: FakeGitHub.State
    let document: GraphQLDocument
    let declared: [String: String]
    let variables: [String: Any]
    var errors: [[String: Any]] = []
    var validationError: String?

    init(state: FakeGitHub.State, document: GraphQLDocument, declared: [String: String], variables: [String: Any]) {
        self.state = state
        self.document = document
        self.declared = declared
        self.variables = variables
    }

    mutating func object(_ node: Node, _ selections: [Selection], path: [String]) -> [String: Any] {
        var result: [String: Any] = [:]
        for selection in selections {
            switch selection {
            case .field(let alias, let name, let arguments, let subselections):
                let key = alias ?? name
                guard validationError == nil else { return result }
                var values: [String: Any] = [:]
                for (argument, value) in arguments { values[argument] = resolve(value) }
                switch field(node, name, values, path: path + [key]) {
                case .scalar(let value): result[key] = value
                case .null: result[key] = NSNull()
                case .node(let child):
                    guard !subselections.isEmpty else { validationError = "Field '\(name)' of type '\(child.typeName)' must have a selection of subfields."; return result }
                    result[key] = object(child, subselections, path: path + [key])
                case .nodes(let children):
                    guard !subselections.isEmpty else { validationError = "Field '\(name)' must have a selection of subfields."; return result }
                    result[key] = children.map { object($0, subselections, path: path + [key]) }
                }
            case .inlineFragment(let type, let subselections):
                if type == nil || type == node.typeName || node.abstractTypes.contains(type!) {
                    result.merge(object(node, subselections, path: path)) { _, new in new }
                }
            case .fragmentSpread(let name):
                guard let fragment = document.fragments[name] else { validationError = "Fragment \(name) was used, but not defined"; return result }
                if fragment.typeCondition == node.typeName || node.abstractTypes.contains(fragment.typeCondition) {
                    result.merge(object(node, fragment.selections, path: path)) { _, new in new }
                }
            }
        }
        return result
    }

    /// An argument's value as JSON: variables are looked up (an undeclared one is an error).
    mutating func resolve(_ value: GraphQLDocument.Value) -> Any {
        switch value {
        case .variable(let name):
            guard declared[name] != nil else {
                validationError = "Variable $\(name) is used by anonymous query but not declared"
                return NSNull()
            }
            return variables[name] ?? NSNull()
        case .string(let text): return text
        case .int(let number): return number
        case .float(let number): return number
        case .bool(let flag): return flag
        case .null: return NSNull()
        case .enumValue(let name): return name
        case .list(let items): return items.map { resolve($0) }
        case .object(let fields): return fields.mapValues { resolve($0) }
        }
    }

    mutating func unknown(_ name: String, on node: Node) -> Resolved {
        validationError = "Field '\(name)' doesn't exist on type '\(node.typeName)'"
        return .null
    }

    /// `first` on a connection: required, 1...100, as GitHub enforces.
    mutating func first(_ arguments: [String: Any], connection: String) -> Int? {
        guard let first = arguments["first"] as? Int else {
            validationError = "You must provide a `first` or `last` value to properly paginate the `\(connection)` connection."
            return nil
        }
        guard (0...100).contains(first) else {
            validationError = "Requesting \(first) records on the `\(connection)` connection exceeds the `first` limit of 100 records."
            return nil
        }
        return first
    }

    mutating func field(_ node: Node, _ name: String, _ arguments: [String: Any], path: [String]) -> Resolved {
        if name == "__typename" { return .scalar(node.typeName) }
        switch node {
        case .query:
            guard name == "repository" else { return unknown(name, on: node) }
            let owner = arguments["owner"] as? String ?? "", repository = arguments["name"] as? String ?? ""
            let full = "\(owner)/\(repository)"
            guard state.repositories[full] != nil else {
                errors.append(["type": "NOT_FOUND", "path": path, "message": "Could not resolve to a Repository with the name '\(full)'."])
                return .null
            }
            return .node(.repository(full))

        case .repository(let repository):
            let settings = state.repositories[repository]!
            let store = state.stores[repository]
            switch name {
            case "nameWithOwner": return .scalar(repository)
            case "name": return .scalar(String(repository.split(separator: "/")[1]))
            case "viewerPermission": return .scalar(settings.canPush ? "WRITE" : "READ")
            case "autoMergeAllowed": return .scalar(settings.allowsAutoMerge)
            case "isArchived": return .scalar(false)
            case "defaultBranchRef":
                guard let sha = store?.branches[settings.defaultBranch] else { return .null }
                return .node(.ref(repository, branch: settings.defaultBranch, sha: sha))
            case "object":
                guard let oid = arguments["oid"] as? String, store?.commits[oid] != nil else { return .null }
                return .node(.commit(repository, sha: oid))
            case "issues":
                guard let first = first(arguments, connection: "issues") else { return .null }
                let states = Set((arguments["states"] as? [String]) ?? ["OPEN", "CLOSED"])
                let labels = arguments["labels"] as? [String]
                let matching = (state.issues[repository] ?? []).filter { issue in
                    !issue.isPullRequest && states.contains(issue.isOpen ? "OPEN" : "CLOSED")
                        && (labels.map { !Set($0).isDisjoint(with: issue.labels) } ?? true)
                }.sorted { $0.number < $1.number }
                return .node(.issueConnection(repository, Array(matching.prefix(first)), hasNextPage: matching.count > first))
            case "pullRequests":
                return pullRequests(repository, arguments)
            default: return unknown(name, on: node)
            }

        case .ref(let repository, let branch, let sha):
            switch name {
            case "name": return .scalar(branch)
            case "prefix": return .scalar("refs/heads/")
            case "target": return .node(.commit(repository, sha: sha))
            default: return unknown(name, on: node)
            }

        case .commit(let repository, let sha):
            let store = state.stores[repository]!
            let commit = store.commits[sha]!
            switch name {
            case "oid": return .scalar(sha)
            case "message": return .scalar(commit.message)
            case "parents":
                guard let first = first(arguments, connection: "parents") else { return .null }
                return .node(.commitConnection(repository, Array(commit.parents.prefix(first))))
            case "tree": return .node(.tree(repository, sha: commit.tree, path: ""))
            case "file":
                let filePath = arguments["path"] as? String ?? ""
                guard let entry = entry(in: store, tree: commit.tree, path: filePath) else { return .null }
                return .node(.treeEntry(repository, path: filePath, entry: entry))
            default: return unknown(name, on: node)
            }

        case .treeEntry(let repository, let entryPath, let entry):
            switch name {
            case "name": return .scalar(entry.name)
            case "path": return .scalar(entryPath)
            case "oid": return .scalar(entry.sha)
            case "type": return .scalar(entry.kind.rawValue)
            case "mode": return .scalar(Int(entry.kind == .tree ? "40000" : entry.mode, radix: 8) ?? 0)
            case "object": return .node(entry.kind == .tree ? .tree(repository, sha: entry.sha, path: entryPath) : .blob(repository, sha: entry.sha))
            default: return unknown(name, on: node)
            }

        case .tree(let repository, let sha, let treePath):
            switch name {
            case "oid": return .scalar(sha)
            case "entries":
                let entries = state.stores[repository]!.trees[sha] ?? []
                return .nodes(entries.map { .treeEntry(repository, path: treePath.isEmpty ? $0.name : treePath + "/" + $0.name, entry: $0) })
            default: return unknown(name, on: node)
            }

        case .blob(let repository, let sha):
            let data = state.stores[repository]!.blobs[sha] ?? Data()
            let isBinary = data.contains(0) || String(data: data, encoding: .utf8) == nil
            switch name {
            case "oid": return .scalar(sha)
            case "byteSize": return .scalar(data.count)
            case "isBinary": return .scalar(isBinary)
            case "isTruncated": return .scalar(false)
            case "text": return isBinary ? .null : .scalar(String(decoding: data, as: UTF8.self))
            default: return unknown(name, on: node)
            }

        case .issueConnection(let repository, let issues, let hasNextPage):
            switch name {
            case "nodes": return .nodes(issues.map { .issue(repository, $0) })
            case "pageInfo": return .node(.pageInfo(hasNextPage: hasNextPage))
            case "totalCount": return .scalar(issues.count)
            default: return unknown(name, on: node)
            }

        case .issue(let repository, let issue):
            switch name {
            case "number": return .scalar(issue.number)
            case "title": return .scalar(issue.title)
            case "body": return .scalar(issue.body)
            case "url": return .scalar("https://github.com/\(repository)/issues/\(issue.number)")
            case "state": return .scalar(issue.isOpen ? "OPEN" : "CLOSED")
            case "labels":
                guard let first = first(arguments, connection: "labels") else { return .null }
                return .node(.labelConnection(Array(issue.labels.prefix(first))))
            default: return unknown(name, on: node)
            }

        case .pullRequestConnection(let repository, let numbers, let hasNextPage):
            switch name {
            case "nodes": return .nodes(numbers.map { .pullRequest(repository, $0) })
            case "pageInfo": return .node(.pageInfo(hasNextPage: hasNextPage))
            case "totalCount": return .scalar(numbers.count)
            default: return unknown(name, on: node)
            }

        case .pullRequest(let repository, let number):
            let record = state.pulls[repository]![number]!
            let issue = state.issue(number, in: repository)!
            func date(_ value: Date?) -> Resolved {
                guard let value else { return .null }
                return .scalar(FakeGitHub.State.timestamp(value))
            }
            switch name {
            case "number": return .scalar(number)
            case "title": return .scalar(issue.title)
            case "body": return .scalar(issue.body)
            case "url": return .scalar("https://github.com/\(repository)/pull/\(number)")
            case "state": return .scalar(record.mergedAt != nil ? "MERGED" : issue.isOpen ? "OPEN" : "CLOSED")
            case "merged": return .scalar(record.mergedAt != nil)
            case "headRefName": return .scalar(record.head)
            case "baseRefName": return .scalar(record.base)
            case "isCrossRepository": return .scalar(false)
            case "createdAt": return date(record.createdAt)
            case "updatedAt": return date(record.updatedAt)
            case "mergedAt": return date(record.mergedAt)
            case "closedAt": return date(record.closedAt)
            case "labels":
                guard let first = first(arguments, connection: "labels") else { return .null }
                return .node(.labelConnection(Array(issue.labels.prefix(first))))
            default: return unknown(name, on: node)
            }

        case .labelConnection(let labels):
            guard name == "nodes" else { return unknown(name, on: node) }
            return .nodes(labels.map { .label($0) })

        case .label(let label):
            guard name == "name" else { return unknown(name, on: node) }
            return .scalar(label)

        case .commitConnection(let repository, let shas):
            guard name == "nodes" else { return unknown(name, on: node) }
            return .nodes(shas.map { .commit(repository, sha: $0) })

        case .pageInfo(let hasNextPage):
            switch name {
            case "hasNextPage": return .scalar(hasNextPage)
            case "endCursor": return .null
            default: return unknown(name, on: node)
            }
        }
    }

    /// `Repository.pullRequests`: filtered by `states` (OPEN, CLOSED, MERGED; a single value is a
    /// list of one, as GraphQL coerces it), `labels` (any of them), `headRefName` and `baseRefName`;
    /// ordered by `orderBy` (CREATED_AT, UPDATED_AT or COMMENTS, ASC or DESC), by default oldest
    /// first. A value outside these enums is the validation error GitHub gives.
    mutating func pullRequests(_ repository: String, _ arguments: [String: Any]) -> Resolved {
        guard let first = first(arguments, connection: "pullRequests") else { return .null }
        let allStates = ["OPEN", "CLOSED", "MERGED"]
        let states = (arguments["states"] as? [String]) ?? (arguments["states"] as? String).map { [$0] } ?? allStates
        guard states.allSatisfy(allStates.contains) else {
            validationError = "Argument 'states' on Field 'pullRequests' has an invalid value (\(states)). Expected type '[PullRequestState!]'."
            return .null
        }
        let order = arguments["orderBy"] as? [String: Any]
        let field = order?["field"] as? String ?? "CREATED_AT"
        let direction = order?["direction"] as? String ?? "ASC"
        guard ["CREATED_AT", "UPDATED_AT", "COMMENTS"].contains(field), ["ASC", "DESC"].contains(direction) else {
            validationError = "Argument 'orderBy' on Field 'pullRequests' has an invalid value (\(order ?? [:])). Expected type 'IssueOrder'."
            return .null
        }
        let labels = arguments["labels"] as? [String]
        let head = arguments["headRefName"] as? String, base = arguments["baseRefName"] as? String
        let records = (state.pulls[repository] ?? [:]).values.filter { record in
            guard let issue = state.issue(record.number, in: repository) else { return false }
            let recordState = record.mergedAt != nil ? "MERGED" : issue.isOpen ? "OPEN" : "CLOSED"
            return states.contains(recordState)
                && (labels.map { !Set($0).isDisjoint(with: issue.labels) } ?? true)
                && head.map { $0 == record.head } ?? true
                && base.map { $0 == record.base } ?? true
        }
        var keys: [Int: Double] = [:]
        for record in records {
            switch field {
            case "UPDATED_AT": keys[record.number] = record.updatedAt.timeIntervalSince1970
            case "COMMENTS": keys[record.number] = Double(state.issue(record.number, in: repository)?.comments.count ?? 0)
            default: keys[record.number] = record.createdAt.timeIntervalSince1970
            }
        }
        let descending = direction == "DESC"
        let sorted = records.map(\.number).sorted { a, b in
            let (ka, kb) = (keys[a] ?? 0, keys[b] ?? 0)
            if ka == kb { return descending ? a > b : a < b }
            return descending ? ka > kb : ka < kb
        }
        return .node(.pullRequestConnection(repository, Array(sorted.prefix(first)), hasNextPage: sorted.count > first))
    }

    /// The variables a selection set uses, through the fragments it spreads.
    static func variables(in selections: [Selection], document: GraphQLDocument, visited: Set<String> = []) -> Set<String> {
        var found = Set<String>()
        func collect(_ value: GraphQLDocument.Value) {
            switch value {
            case .variable(let name): found.insert(name)
            case .list(let items): items.forEach(collect)
            case .object(let fields): fields.values.forEach(collect)
            default: break
            }
        }
        for selection in selections {
            switch selection {
            case .field(_, _, let arguments, let subselections):
                arguments.values.forEach(collect)
                found.formUnion(variables(in: subselections, document: document, visited: visited))
            case .inlineFragment(_, let subselections):
                found.formUnion(variables(in: subselections, document: document, visited: visited))
            case .fragmentSpread(let name):
                guard !visited.contains(name), let fragment = document.fragments[name] else { continue }
                found.formUnion(variables(in: fragment.selections, document: document, visited: visited.union([name])))
            }
        }
        return found
    }

    /// The entry at `path` below a tree, or nil.
    func entry(in store: FakeGitStore, tree: String, path: String) -> FakeGitStore.TreeEntry? {
        var current = tree
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !parts.contains("") else { return nil }
        for (index, part) in parts.enumerated() {
            guard let found = store.trees[current]?.first(where: { $0.name == part }) else { return nil }
            if index == parts.count - 1 { return found }
            guard found.kind == .tree else { return nil }
            current = found.sha
        }
        return nil
    }
}
