import SyncCore
import Yams

/// Reads one YAML mapping with typed accessors, rejecting unknown keys and reporting `file:line` on errors.
struct YAMLFields {
    let file: String
    let line: Int
    private let values: [String: Node]

    /// Parses `text` into its root node; an empty document is an empty mapping.
    static func root(of text: String, file: String) throws -> Node {
        do {
            if let line = YAMLBounds.aliasKeyLine(text) {
                throw SecretScanError.unreadableYAML(file: file, line: line, detail: "an alias is used as a mapping key")
            }
            let node = try Yams.compose(yaml: text) ?? Node.mapping([:])
            if let bound = YAMLBounds.problem(node) {
                throw SecretScanError.unreadableYAML(file: file, line: bound.line, detail: bound.message)
            }
            return node
        } catch let error as YamlError {
            return try rethrow(error, file: file)
        }
    }

    private static func rethrow(_ error: YamlError, file: String) throws -> Node {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            throw SecretScanError.unreadableYAML(file: file, line: mark.line, detail: problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            throw SecretScanError.unreadableYAML(
                file: file, line: context.mark.line, detail: "duplicated key(s) \(duplicates.sorted().joined(separator: ", "))")
        default:
            throw SecretScanError.unreadableYAML(file: file, line: nil, detail: "\(error)")
        }
    }

    init(_ node: Node, file: String, name: String, allowed: [String]) throws {
        self.file = file
        self.line = node.mark?.line ?? 1
        guard case let .mapping(mapping) = node else {
            throw SecretScanError.unexpectedShape(file: file, line: line, key: name, expected: "a mapping")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            guard allowed.contains(name) else {
                throw SecretScanError.unknownKey(file: file, line: key.mark?.line ?? line, key: name, allowed: allowed)
            }
            values[name] = value
        }
        self.values = values
    }

    func line(of key: String) -> Int {
        values[key]?.mark?.line ?? line
    }

    func node(_ key: String) -> Node? {
        values[key]
    }

    func string(_ key: String) throws -> String? {
        guard let node = values[key] else { return nil }
        guard case let .scalar(scalar) = node else {
            throw SecretScanError.unexpectedShape(file: file, line: line(of: key), key: key, expected: "a string")
        }
        return scalar.string
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key) else {
            throw SecretScanError.missingKey(file: file, line: line, key: key)
        }
        return value
    }

    func double(_ key: String) throws -> Double? {
        guard let text = try string(key) else { return nil }
        guard let value = Double(text) else {
            throw SecretScanError.unexpectedShape(file: file, line: line(of: key), key: key, expected: "a number")
        }
        return value
    }

    func int(_ key: String) throws -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else {
            throw SecretScanError.unexpectedShape(file: file, line: line(of: key), key: key, expected: "a whole number")
        }
        return value
    }

    /// A list of strings, each with its own line; a single string counts as a list of one.
    func strings(_ key: String) throws -> [(value: String, line: Int)] {
        guard let node = values[key] else { return [] }
        switch node {
        case let .scalar(scalar):
            return [(scalar.string, scalar.mark?.line ?? line(of: key))]
        case let .sequence(sequence):
            return try sequence.map { item in
                guard case let .scalar(scalar) = item else {
                    throw SecretScanError.unexpectedShape(
                        file: file, line: item.mark?.line ?? line(of: key), key: key, expected: "a list of strings")
                }
                return (scalar.string, scalar.mark?.line ?? line(of: key))
            }
        default:
            throw SecretScanError.unexpectedShape(file: file, line: line(of: key), key: key, expected: "a list of strings")
        }
    }

    /// The items of a sequence under `key` (missing means empty).
    func sequence(_ key: String) throws -> [Node] {
        guard let node = values[key] else { return [] }
        guard case let .sequence(sequence) = node else {
            throw SecretScanError.unexpectedShape(file: file, line: line(of: key), key: key, expected: "a list")
        }
        return Array(sequence)
    }
}
