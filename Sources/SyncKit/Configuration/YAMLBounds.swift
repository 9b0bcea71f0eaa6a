import Yams

/// Bounds on what a YAML document may expand to. Anchors and aliases let 1 KB of YAML stand for
/// billions of nodes (a "billion laughs" document); every YAML read by flash-sync (configuration,
/// frontmatter, synced files checked against a schema) is measured against these bounds right
/// after parsing, with the walk stopping at the bound, so no input costs more than the bound.
package enum YAMLBounds {
    /// Most nodes a document may expand to, aliases counted at every use.
    package static let maximumNodes = 100_000
    /// Deepest nesting of sequences and mappings.
    package static let maximumDepth = 256

    /// Why `node` is too large, with the line where the bound was reached; nil when it fits.
    package static func problem(_ node: Node) -> (line: Int?, message: String)? {
        var visited = 0
        var stack: [(node: Node, depth: Int)] = [(node, 1)]
        while let (current, depth) = stack.popLast() {
            visited += 1
            if visited > maximumNodes {
                return (current.mark?.line, "the YAML expands to more than \(maximumNodes) values (anchors and aliases are counted at every use); it is refused as a possible alias bomb")
            }
            if depth > maximumDepth {
                return (current.mark?.line, "the YAML nests deeper than \(maximumDepth) levels")
            }
            switch current {
            case .scalar, .alias:
                continue
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            }
        }
        return nil
    }

    /// Throws a `ConfigError` naming `file` and the line when `node` is past the bounds.
    package static func check(_ node: Node, file: String) throws(ConfigError) {
        if let problem = problem(node) {
            throw ConfigError(file: file, line: problem.line, message: problem.message + ".", hint: "Write the values out, or use fewer aliases.")
        }
    }
}
