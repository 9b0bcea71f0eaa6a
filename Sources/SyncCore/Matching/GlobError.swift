/// Why a glob pattern could not be compiled. Every case names the pattern and, where it
/// points at one place, the 1-based column (counted in Unicode scalars) of the offending character.
package enum GlobError: Error, CustomStringConvertible, Equatable, Sendable {
    case emptyPattern
    case absolutePattern(pattern: String)
    case unclosedBracket(pattern: String, column: Int)
    case unclosedBrace(pattern: String, column: Int)
    case danglingEscape(pattern: String, column: Int)
    case globstarInsideSegment(pattern: String, column: Int)
    case emptySegment(pattern: String, column: Int)
    case trailingSlash(pattern: String, column: Int)
    case relativeSegment(pattern: String, column: Int)
    case slashInCharacterClass(pattern: String, column: Int)
    case reversedRange(pattern: String, column: Int)
    case unknownCharacterClass(pattern: String, name: String, column: Int)
    case tooManyAlternatives(pattern: String, limit: Int)
    case tooManySegments(pattern: String, limit: Int)

    /// The 1-based column the error points at, when it points at one character.
    package var column: Int? {
        switch self {
        case .emptyPattern, .tooManyAlternatives, .tooManySegments: nil
        case .absolutePattern: 1
        case .unclosedBracket(_, let column), .unclosedBrace(_, let column), .danglingEscape(_, let column),
             .globstarInsideSegment(_, let column), .emptySegment(_, let column), .trailingSlash(_, let column),
             .relativeSegment(_, let column), .slashInCharacterClass(_, let column), .reversedRange(_, let column),
             .unknownCharacterClass(_, _, let column):
            column
        }
    }

    package var description: String {
        switch self {
        case .emptyPattern:
            "glob pattern is empty; write a repository-relative pattern such as 'docs/**/*.md'"
        case .absolutePattern(let pattern):
            "glob '\(pattern)' column 1: starts with '/'; patterns are relative to the repository root, drop the leading '/'"
        case .unclosedBracket(let pattern, let column):
            "glob '\(pattern)' column \(column): '[' opens a character class that is never closed; add ']' or write '\\[' for a literal bracket"
        case .unclosedBrace(let pattern, let column):
            "glob '\(pattern)' column \(column): '{' opens a group that is never closed; add '}' or write '\\{' for a literal brace"
        case .danglingEscape(let pattern, let column):
            "glob '\(pattern)' column \(column): the pattern ends with a lone '\\'; remove it or write '\\\\' for a literal backslash"
        case .globstarInsideSegment(let pattern, let column):
            "glob '\(pattern)' column \(column): '**' must be a whole path segment (as in 'a/**/b'); use '*' inside a name"
        case .emptySegment(let pattern, let column):
            "glob '\(pattern)' column \(column): '//' makes an empty path segment; use a single '/'"
        case .trailingSlash(let pattern, let column):
            "glob '\(pattern)' column \(column): ends with '/', but globs match files; write 'dir/**' to match everything under a directory"
        case .relativeSegment(let pattern, let column):
            "glob '\(pattern)' column \(column): '.' and '..' segments are not allowed; write the path from the repository root"
        case .slashInCharacterClass(let pattern, let column):
            "glob '\(pattern)' column \(column): a character class cannot contain '/'; a class matches one character inside a name"
        case .reversedRange(let pattern, let column):
            "glob '\(pattern)' column \(column): range ends before it starts; write the lower bound first, as in 'a-z'"
        case .unknownCharacterClass(let pattern, let name, let column):
            "glob '\(pattern)' column \(column): unknown class '[:\(name):]'; use one of \(GlobNamedClass.allCases.map { "[:\($0.rawValue):]" }.joined(separator: " "))"
        case .tooManyAlternatives(let pattern, let limit):
            "glob '\(pattern)': its '{a,b}' groups expand to more than \(limit) patterns; split it into several patterns"
        case .tooManySegments(let pattern, let limit):
            "glob '\(pattern)': more than \(limit) path segments; shorten the pattern"
        }
    }
}
