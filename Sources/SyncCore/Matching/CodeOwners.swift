/// A parsed CODEOWNERS file. Owners of a path come from the last rule whose pattern matches it;
/// a matching rule with no owners means the path has none.
package struct CodeOwners: Sendable {
    package struct Rule: Sendable {
        package let pattern: CodeOwnersPattern
        package let owners: [CodeOwner]
        /// 1-based line in the file.
        package let line: Int
    }

    package let rules: [Rule]
    /// Lines that were skipped, each with its line number and the fix.
    package let problems: [CodeOwnersProblem]

    /// Parses the text of a CODEOWNERS file. `file` names it in problem messages.
    package init(parsing text: String, file: String = "CODEOWNERS") {
        var rules: [Rule] = []
        var problems: [CodeOwnersProblem] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            guard let fields = Self.fields(of: rawLine) else { continue }
            let pattern: CodeOwnersPattern
            do {
                pattern = try CodeOwnersPattern(fields.pattern)
            } catch {
                problems.append(CodeOwnersProblem(file: file, line: lineNumber, reason: .invalidPattern(fields.pattern, error)))
                continue
            }
            let owners = fields.owners.map { (text: $0, owner: CodeOwner($0)) }
            if let invalid = owners.first(where: { $0.owner == nil }) {
                problems.append(CodeOwnersProblem(file: file, line: lineNumber, reason: .invalidOwner(invalid.text)))
                continue
            }
            rules.append(Rule(pattern: pattern, owners: owners.compactMap(\.owner), line: lineNumber))
        }
        self.rules = rules
        self.problems = problems
    }

    /// The rule that decides the owners of `path`, if any.
    package func rule(for path: String) -> Rule? {
        rules.last { $0.pattern.matches(path) }
    }

    package func owners(of path: String) -> [CodeOwner] {
        rule(for: path)?.owners ?? []
    }

    /// Everyone who owns at least one of `paths`, for requesting pull-request reviews.
    package func reviewers(for paths: some Sequence<String>) -> ReviewerRequest {
        var request = ReviewerRequest()
        for path in paths {
            for owner in owners(of: path) { request.insert(owner) }
        }
        return request.sorted()
    }

    /// Splits a line into its pattern and owner fields; nil for blank and comment lines.
    /// A `\` keeps the next character in the pattern (so `\#` and `\ ` are literal), and a `#`
    /// after whitespace starts a trailing comment.
    private static func fields(of line: Substring) -> (pattern: String, owners: [String])? {
        var words: [String] = []
        var current = ""
        var isEscaped = false
        var isInWord = false
        for character in line {
            if isEscaped {
                current.append(character)
                isEscaped = false
                continue
            }
            if character == "\\" {
                current.append(character)
                isEscaped = true
                isInWord = true
            } else if character.isWhitespace {
                if isInWord { words.append(current) }
                current = ""
                isInWord = false
            } else if character == "#", !isInWord {
                break
            } else {
                current.append(character)
                isInWord = true
            }
        }
        if isInWord { words.append(current) }
        guard let pattern = words.first else { return nil }
        return (pattern, Array(words.dropFirst()))
    }
}
