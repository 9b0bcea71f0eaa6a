import Diagnostics
import SyncCore
/// Decodes one rule file: exactly the spec's `sync_rule` schema plus flash-sync's extensions.
enum RuleDecoding {
    static let specKeys = ["id", "source", "target_repo", "target_path", "strategy", "frequency", "filters", "transforms", "validation"]
    static let extensionKeys = ["name", "variables", "depends_on", "target_branch", "labels", "reviewers", "auto_merge", "delete_orphaned", "adopt", "pull_request", "schemas", "target_repos"]

    static func decode(_ root: ConfigNode) throws(Diagnostic) -> SyncRule {
        let top = try root.mapping(allowed: ["sync_rule"])
        let node = try top.required("sync_rule")
        let fields = try node.mapping(allowed: specKeys + extensionKeys)

        let idNode = try fields.required("id")
        let id = try idNode.string()
        guard SyncRule.isValidID(id) else {
            throw idNode.error("rule id '\(id)' must be letters, digits, '.', '_' and '-' (it names a branch).")
        }
        let sourceNode = try fields.required("source")
        let source = try RulePaths.glob(try sourceNode.string(), node: sourceNode, what: "source")

        let (repository, entries) = try targets(fields, rule: node)
        let pathNode = try fields.required("target_path")
        let targetPath = try RulePaths.targetFolder(try pathNode.string(), node: pathNode)

        var rule = SyncRule(
            id: id, source: source, targetRepository: repository, targetPath: targetPath,
            strategy: try choice(try fields.required("strategy"), SyncStrategy.self, what: "strategy"),
            frequency: try choice(try fields.required("frequency"), SyncFrequency.self, what: "frequency"),
            include: [], exclude: [], transforms: [], checksum: true, schemaCheck: true,
            variables: [:], dependsOn: [], labels: [], reviewers: [], deleteOrphaned: false, schemas: [],
            file: root.file, line: node.line
        )
        rule.targetEntries = entries
        rule.name = try fields["name"]?.string()
        if let filters = fields["filters"] {
            let entries = try filters.mapping(allowed: ["include", "exclude"])
            rule.include = try globs(entries["include"], what: "filters.include")
            rule.exclude = try globs(entries["exclude"], what: "filters.exclude")
        }
        if let transforms = fields["transforms"] {
            rule.transforms = try decodeTransforms(transforms)
        }
        if let validation = fields["validation"] {
            let entries = try validation.mapping(allowed: ["checksum", "schema_check"])
            rule.checksum = try entries["checksum"]?.bool() ?? true
            rule.schemaCheck = try entries["schema_check"]?.bool() ?? true
        }
        if let variables = fields["variables"] {
            for (key, value) in try variables.mapping().entries {
                rule.variables[key] = try value.string()
            }
        }
        rule.dependsOn = try fields["depends_on"]?.stringList() ?? []
        if let branch = fields["target_branch"] {
            let name = try branch.string()
            if let problem = GitRefName.problem(name) {
                throw branch.error("target_branch '\(name)' is not a valid branch name: \(problem).")
            }
            rule.targetBranch = name
        }
        rule.labels = try fields["labels"]?.stringList() ?? []
        rule.reviewers = try fields["reviewers"]?.stringList() ?? []
        rule.autoMerge = try fields["auto_merge"]?.bool()
        rule.deleteOrphaned = try fields["delete_orphaned"]?.bool() ?? false
        if let adopt = fields["adopt"] { rule.adopt = try choice(adopt, AdoptPolicy.self, what: "adopt policy") }
        if let grouping = fields["pull_request"] { rule.pullRequest = try choice(grouping, PullRequestGrouping.self, what: "pull_request") }
        if let schemas = fields["schemas"] {
            for (pattern, schema) in try schemas.mapping().entries {
                let path = try schema.string()
                try RulePaths.validateRelative(path, node: schema, what: "schema")
                rule.schemas.append((try RulePaths.glob(pattern, node: schema, what: "schemas key"), path))
            }
        }
        return rule
    }

    /// `target_repo: org/repo`, or `target_repos:` (repositories and selectors), never both.
    /// Returns the first listed repository (a placeholder until the rule is expanded) and the entries.
    private static func targets(_ fields: ConfigMapping, rule node: ConfigNode) throws(Diagnostic) -> (String, [TargetEntry]) {
        switch (fields["target_repo"], fields["target_repos"]) {
        case (let one?, nil):
            let repository = try one.string()
            guard RepositoryNames.isValid(repository) else {
                throw one.error("target_repo '\(repository)' is not a repository name; write it as org/repo.")
            }
            return (repository, [])
        case (nil, let many?):
            var entries: [TargetEntry] = []
            var seen: [String: Int?] = [:]
            let items = try many.sequence()
            guard !items.isEmpty else { throw many.error("target_repos is empty; list repositories (org/repo) or selectors ({owner, topics, name}).") }
            for item in items {
                if case .mapping = item.node {
                    entries.append(.selector(try TargetSelector.decode(item)))
                    continue
                }
                let repository = try item.string()
                guard RepositoryNames.isValid(repository) else {
                    throw item.error("'\(repository)' is not a repository name; write it as org/repo, or a selector {owner, topics, name}.")
                }
                if let earlier = seen[repository.lowercased()] {
                    throw item.error("'\(repository)' is listed twice in target_repos (first at line \(earlier.map(String.init) ?? "?")).")
                }
                seen[repository.lowercased()] = item.line
                entries.append(.repository(repository, line: item.line))
            }
            let first = entries.lazy.compactMap { entry -> String? in
                if case .repository(let name, _) = entry { return name }
                return nil
            }.first
            return (first ?? "", entries)
        case (_?, _?):
            throw node.error("the rule has both target_repo and target_repos; keep one.")
        case (nil, nil):
            throw node.error("'sync_rule.target_repo' is required (or target_repos, a list of repositories and selectors).")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ node: ConfigNode, _ type: T.Type, what: String) throws(Diagnostic) -> T
    where T.RawValue == String {
        let value = try node.string()
        if let choice = T(rawValue: value) { return choice }
        let allowed = T.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: value, in: allowed)
        throw node.error(
            "unknown \(what) '\(value)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
            hint: "Use one of: \(allowed.joined(separator: ", "))."
        )
    }

    private static func globs(_ node: ConfigNode?, what: String) throws(Diagnostic) -> [Glob] {
        guard let node else { return [] }
        var result: [Glob] = []
        for (index, item) in (try node.sequence()).enumerated() {
            result.append(try RulePaths.glob(try item.string(), node: item, what: "\(what)[\(index)]"))
        }
        return result
    }

    /// `- strip_internal_links: true` and `- rewrite_paths: {from, to}`, in order.
    private static func decodeTransforms(_ node: ConfigNode) throws(Diagnostic) -> [SyncTransform] {
        var transforms: [SyncTransform] = []
        for item in try node.sequence() {
            let entries = try item.mapping(allowed: ["strip_internal_links", "rewrite_paths"])
            guard entries.entries.count == 1, let (key, value) = entries.entries.first else {
                throw item.error("each transform is one of '- strip_internal_links: true' or '- rewrite_paths: {from, to}'.")
            }
            switch key {
            case "strip_internal_links":
                if try value.bool() { transforms.append(.stripInternalLinks) }
            default:
                let paths = try value.mapping(allowed: ["from", "to"])
                let fromNode = try paths.required("from"), toNode = try paths.required("to")
                let from = try fromNode.string(), to = try toNode.string()
                try RulePaths.validateRelative(from, node: fromNode, what: "rewrite_paths.from")
                try RulePaths.validateRelative(to, node: toNode, what: "rewrite_paths.to")
                guard !from.isEmpty else { throw fromNode.error("rewrite_paths.from must not be empty.") }
                transforms.append(.rewritePaths(from: from, to: to))
            }
        }
        return transforms
    }
}
