import Diagnostics
import Yams

/// A YAML node with its file and position, and typed accessors whose errors say
/// file:line:column, what was expected and what was found.
package struct ConfigNode: @unchecked Sendable {
    package let node: Node
    package let file: String
    /// Where the node sits in the document, e.g. `sync_rule.filters.include[1]`.
    package let path: String

    package init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses a YAML document; nil for an empty document.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> ConfigNode? {
        do {
            try YAMLBounds.checkText(text, file: file)
            guard let node = try Yams.compose(yaml: text) else { return nil }
            try YAMLBounds.check(node, file: file)
            return ConfigNode(node: node, file: file, path: "")
        } catch let error as Diagnostic {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw Diagnostic.configuration(file: file, message: "cannot read YAML: \(error)")
        }
    }

    package var line: Int? { node.mark?.line }
    package var column: Int? { node.mark?.column }

    package func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.configuration(file: file, line: line, column: column, message: message, hint: hint)
    }

    private var shownPath: String { path.isEmpty ? "the document" : "'\(path)'" }

    /// Whether the node is YAML's null: an unquoted empty value, `~`, `null`, `Null` or `NULL`
    /// (a quoted "null" is the text).
    package var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    package var kindName: String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" ? "null" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The keys and values of a mapping, refusing keys outside `allowed` with a did-you-mean.
    package func mapping(allowed: [String]) throws(Diagnostic) -> ConfigMapping {
        let result = try mapping()
        for (name, value) in result.entries where !allowed.contains(name) {
            let keyNode = ConfigNode(node: result.keyNodes[name] ?? value.node, file: file, path: value.path)
            let suggestion = Suggestion.closest(to: name, in: allowed)
            throw keyNode.error(
                "unknown key '\(name)' in \(shownPath)." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                hint: "Allowed keys: \(allowed.joined(separator: ", "))."
            )
        }
        return result
    }

    /// The keys and values of a mapping whose keys are names chosen by the user.
    package func mapping() throws(Diagnostic) -> ConfigMapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(shownPath) must be a mapping; found \(kindName).")
        }
        var entries: [(String, ConfigNode)] = []
        var keyNodes: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw ConfigNode(node: key, file: file, path: path).error("keys in \(shownPath) must be plain strings.")
            }
            let name = scalar.string
            entries.append((name, ConfigNode(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")))
            keyNodes[name] = key
        }
        return ConfigMapping(owner: self, entries: entries, keyNodes: keyNodes)
    }

    package func string() throws(Diagnostic) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("\(shownPath) must be a string; found \(kindName).")
        }
        return scalar.string
    }

    package func bool() throws(Diagnostic) -> Bool {
        guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
            throw error("\(shownPath) must be true or false; found \(describeValue).")
        }
        return value
    }

    package func int() throws(Diagnostic) -> Int {
        guard case .scalar(let scalar) = node, let value = Int.construct(from: scalar) else {
            throw error("\(shownPath) must be a whole number; found \(describeValue).")
        }
        return value
    }

    package func sequence() throws(Diagnostic) -> [ConfigNode] {
        guard case .sequence(let sequence) = node else {
            throw error("\(shownPath) must be a list; found \(kindName).")
        }
        return sequence.enumerated().map { ConfigNode(node: $0.element, file: file, path: "\(path)[\($0.offset)]") }
    }

    /// A list of strings; a single string is accepted as a list of one.
    package func stringList() throws(Diagnostic) -> [String] {
        if case .scalar = node { return [try string()] }
        var result: [String] = []
        for item in try sequence() { result.append(try item.string()) }
        return result
    }

    private var describeValue: String {
        if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
        return kindName
    }

    package static func describe(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { $0.text + ": " } ?? ""
            return Diagnostic.configuration(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(prefix)\(problem).")
        case .reader(let problem, _, _, _):
            return Diagnostic.configuration(file: file, message: "malformed YAML: \(problem) (the file must be UTF-8 text).")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic.configuration(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping.",
                hint: "Each key may appear once."
            )
        default:
            return Diagnostic.configuration(file: file, message: "malformed YAML: \(error).")
        }
    }
}

/// The entries of a YAML mapping, in document order.
package struct ConfigMapping: @unchecked Sendable {
    package let owner: ConfigNode
    package let entries: [(key: String, value: ConfigNode)]
    let keyNodes: [String: Node]

    package subscript(key: String) -> ConfigNode? {
        entries.first { $0.key == key }?.value
    }

    package func required(_ key: String) throws(Diagnostic) -> ConfigNode {
        guard let value = self[key] else {
            throw owner.error("'\(owner.path.isEmpty ? key : owner.path + "." + key)' is required.")
        }
        return value
    }
}
