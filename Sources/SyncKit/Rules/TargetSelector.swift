import Diagnostics
import SyncCore

/// One entry of a rule's `target_repos`: a repository by name, or a selector that chooses every
/// repository of an owner by topic, name glob and archived/fork flags (resolved through the
/// forge when a step runs).
package enum TargetEntry: Sendable, Equatable {
    case repository(String, line: Int?)
    case selector(TargetSelector)
}

/// `{owner, topics, name, archived, forks}`: the repositories of `owner` that carry every topic,
/// whose name matches the glob, archived ones and forks only when asked for.
package struct TargetSelector: Sendable, Equatable {
    package var owner: String
    package var topics: [String]
    package var name: Glob?
    package var archived: Bool
    package var forks: Bool
    package var line: Int?
    package var column: Int?

    package init(owner: String, topics: [String] = [], name: Glob? = nil, archived: Bool = false, forks: Bool = false, line: Int? = nil, column: Int? = nil) {
        self.owner = owner
        self.topics = topics.map { $0.lowercased() }
        self.name = name
        self.archived = archived
        self.forks = forks
        self.line = line
        self.column = column
    }

    package static func == (lhs: TargetSelector, rhs: TargetSelector) -> Bool {
        lhs.description == rhs.description && lhs.line == rhs.line
    }

    /// Whether a repository of the listing is chosen (`name` is `owner/repo`).
    package func selects(name repository: String, topics repositoryTopics: [String], archived isArchived: Bool, fork isFork: Bool) -> Bool {
        let parts = repository.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == owner.lowercased() else { return false }
        if isArchived && !archived { return false }
        if isFork && !forks { return false }
        let have = Set(repositoryTopics.map { $0.lowercased() })
        guard topics.allSatisfy(have.contains) else { return false }
        return name.map { $0.matches(String(parts[1])) } ?? true
    }

    /// How the plan summary names it: `owner example-org, topics agent33, name svc-*`.
    package var description: String {
        var parts = ["owner \(owner)"]
        if !topics.isEmpty { parts.append("topic\(topics.count == 1 ? "" : "s") \(topics.joined(separator: ", "))") }
        if let name { parts.append("name \(name.pattern)") }
        if archived { parts.append("archived included") }
        if forks { parts.append("forks included") }
        return parts.joined(separator: "; ")
    }

    static let keys = ["owner", "topics", "name", "archived", "forks"]

    static func decode(_ node: ConfigNode) throws(Diagnostic) -> TargetSelector {
        let fields = try node.mapping(allowed: keys)
        let ownerNode = try fields.required("owner")
        let owner = try ownerNode.string()
        guard RepositoryNames.isValid(owner + "/x") else {
            throw ownerNode.error("owner '\(owner)' is not an organisation or user name.")
        }
        var topics: [String] = []
        if let topicsNode = fields["topics"] {
            for topic in try topicsNode.stringList() {
                // GitHub topics: lower-case letters, digits and hyphens, at most 50.
                guard topic.range(of: #"^[a-z0-9][a-z0-9-]{0,49}\z"#, options: .regularExpression) != nil else {
                    throw topicsNode.error("topic '\(topic)' is not a GitHub topic (lower-case letters, digits and hyphens, at most 50).")
                }
                topics.append(topic)
            }
        }
        var name: Glob?
        if let nameNode = fields["name"] {
            let pattern = try nameNode.string()
            guard !pattern.contains("/") else { throw nameNode.error("name '\(pattern)' is a glob of repository names; it has no '/'.") }
            name = try RulePaths.glob(pattern, node: nameNode, what: "name")
        }
        return TargetSelector(owner: owner, topics: topics, name: name, archived: try fields["archived"]?.bool() ?? false,
                              forks: try fields["forks"]?.bool() ?? false, line: node.line, column: node.column)
    }
}
