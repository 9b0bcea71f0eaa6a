import Diagnostics
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

    /// An alias used as a mapping key, found in the text before parsing: the parser compares
    /// keys by their whole expanded value, so one such key can cost as much as expanding a bomb
    /// before any bound is checked. Returns its line; nil when there is none.
    package static func aliasKeyLine(_ text: String) -> Int? {
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            guard line.contains("*") else { continue }
            var rest = line.drop(while: { $0 == " " || $0 == "\t" })
            while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop(while: { $0 == " " }) }
            if rest.hasPrefix("? *") || rest.hasPrefix("?\t*") { return number }
            // `*name:` as a block key, or after `{` or `,` in a flow mapping.
            let starts = [rest.startIndex] + rest.indices.filter { rest[$0] == "{" || rest[$0] == "," }.map { rest.index(after: $0) }
            for start in starts where start < rest.endIndex {
                let token = rest[start...].drop(while: { $0 == " " })
                guard token.first == "*" else { continue }
                let name = token.dropFirst().prefix { !" \t,[]{}:".contains($0) }
                let after = token.dropFirst(1 + name.count).drop(while: { $0 == " " })
                if !name.isEmpty, after.first == ":" { return number }
            }
        }
        return nil
    }

    /// Throws a `Diagnostic` naming `file` and the line when the text uses an alias as a key.
    package static func checkText(_ text: String, file: String) throws(Diagnostic) {
        if let line = aliasKeyLine(text) {
            throw Diagnostic.configuration(file: file, line: line, message: "an alias is used as a mapping key, which flash-sync does not read (it can make parsing take exponential time).",
                              hint: "Write the key out.")
        }
    }

    /// Throws a `Diagnostic` naming `file` and the line when `node` is past the bounds.
    package static func check(_ node: Node, file: String) throws(Diagnostic) {
        if let problem = problem(node) {
            throw Diagnostic.configuration(file: file, line: problem.line, message: problem.message + ".", hint: "Write the values out, or use fewer aliases.")
        }
    }
}
