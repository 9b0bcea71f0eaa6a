/// The parsed form of a glob before `{a,b}` groups are expanded. Columns are 1-based Unicode
/// scalar positions in the original pattern, kept so errors can point at the right character.
enum GlobNode: Sendable {
    case character(Unicode.Scalar, column: Int)
    case slash(column: Int)
    case star(column: Int)
    case question
    case characterClass(GlobCharacterClass)
    case alternation([[GlobNode]])
}

/// Reads a glob pattern into `GlobNode`s: escapes, character classes and brace groups.
struct GlobParser {
    let pattern: String
    private let scalars: [Unicode.Scalar]

    init(pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    func parse() throws(GlobError) -> [GlobNode] {
        try parse(scalars.startIndex, scalars.endIndex)
    }

    private func parse(_ start: Int, _ end: Int) throws(GlobError) -> [GlobNode] {
        var nodes: [GlobNode] = []
        var index = start
        while index < end {
            let scalar = scalars[index]
            let column = index + 1
            switch scalar {
            case "\\":
                guard index + 1 < end else { throw .danglingEscape(pattern: pattern, column: column) }
                // An escaped `/` is still a separator: a name can never contain one.
                let escaped = scalars[index + 1]
                nodes.append(escaped == "/" ? .slash(column: column + 1) : .character(escaped, column: column + 1))
                index += 2
            case "/":
                nodes.append(.slash(column: column))
                index += 1
            case "*":
                nodes.append(.star(column: column))
                index += 1
            case "?":
                nodes.append(.question)
                index += 1
            case "[":
                let (characterClass, next) = try parseClass(at: index, end)
                nodes.append(.characterClass(characterClass))
                index = next
            case "{":
                guard let group = try braceGroup(at: index, end) else {
                    nodes.append(.character(scalar, column: column))
                    index += 1
                    continue
                }
                var alternatives: [[GlobNode]] = []
                var from = index + 1
                for separator in group.commas + [group.close] {
                    alternatives.append(try parse(from, separator))
                    from = separator + 1
                }
                nodes.append(.alternation(alternatives))
                index = group.close + 1
            default:
                nodes.append(.character(scalar, column: column))
                index += 1
            }
        }
        return nodes
    }

    /// Finds the `}` closing the `{` at `open` and the top-level commas between them.
    /// Returns nil for a group without commas (`{a}` stays literal, as in the shell).
    private func braceGroup(at open: Int, _ end: Int) throws(GlobError) -> (close: Int, commas: [Int])? {
        var depth = 0
        var commas: [Int] = []
        var index = open
        while index < end {
            switch scalars[index] {
            case "\\": index += 1
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return commas.isEmpty ? nil : (index, commas) }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            index += 1
        }
        throw .unclosedBrace(pattern: pattern, column: open + 1)
    }

    private func parseClass(at open: Int, _ end: Int) throws(GlobError) -> (GlobCharacterClass, Int) {
        var characterClass = GlobCharacterClass()
        var index = open + 1
        if index < end, scalars[index] == "!" || scalars[index] == "^" {
            characterClass.isNegated = true
            index += 1
        }
        var isFirst = true
        while index < end {
            var scalar = scalars[index]
            if scalar == "]", !isFirst { return (characterClass, index + 1) }
            isFirst = false
            if scalar == "/" { throw .slashInCharacterClass(pattern: pattern, column: index + 1) }
            if scalar == "[", index + 1 < end, scalars[index + 1] == ":" {
                let (named, next) = try parseNamedClass(at: index, end)
                characterClass.namedClasses.append(named)
                index = next
                continue
            }
            if scalar == "\\" {
                guard index + 1 < end else { throw .danglingEscape(pattern: pattern, column: index + 1) }
                index += 1
                scalar = scalars[index]
            }
            if index + 2 < end, scalars[index + 1] == "-", scalars[index + 2] != "]" {
                var upper = scalars[index + 2]
                var upperIndex = index + 2
                if upper == "\\", upperIndex + 1 < end {
                    upperIndex += 1
                    upper = scalars[upperIndex]
                }
                if upper == "/" { throw .slashInCharacterClass(pattern: pattern, column: upperIndex + 1) }
                guard upper.value >= scalar.value else { throw .reversedRange(pattern: pattern, column: index + 1) }
                characterClass.scalars.append(scalar.value...upper.value)
                index = upperIndex + 1
            } else {
                characterClass.scalars.append(scalar.value...scalar.value)
                index += 1
            }
        }
        throw .unclosedBracket(pattern: pattern, column: open + 1)
    }

    private func parseNamedClass(at open: Int, _ end: Int) throws(GlobError) -> (GlobNamedClass, Int) {
        var index = open + 2
        var name = ""
        while index + 1 < end, !(scalars[index] == ":" && scalars[index + 1] == "]") {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index + 1 < end else { throw .unclosedBracket(pattern: pattern, column: open + 1) }
        guard let named = GlobNamedClass(rawValue: name) else {
            throw .unknownCharacterClass(pattern: pattern, name: name, column: open + 1)
        }
        return (named, index + 2)
    }
}
