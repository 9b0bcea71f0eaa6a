/// One CODEOWNERS path pattern, matched the way GitHub matches them (gitignore-like):
/// - a leading `/` anchors the pattern at the repository root; a pattern with a `/` inside is
///   anchored too, while a single name (`docs`, `*.md`, `docs/`) matches at any depth;
/// - a trailing `/` matches only what is inside the directory;
/// - a pattern whose last segment is a name (not a lone `*`) also matches everything below it;
/// - `*` and `?` never cross `/`; `**` spans whole directories; `\` escapes the next character;
/// - `[`, `]`, `!`-less text, `^` and `:` are ordinary characters (GitHub has no classes here);
/// - names starting with `.` are ordinary names (no shell dotfile rule).
package struct CodeOwnersPattern: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    private let sequence: SegmentSequence

    package init(_ pattern: String) throws(CodeOwnersPatternError) {
        guard !pattern.isEmpty else { throw .empty }
        if pattern.hasPrefix("!") { throw .negation }
        if pattern.contains("***") { throw .tripleAsterisk }
        var pieces = Self.splitAtUnescapedSlashes(pattern)
        let isAnchored = pieces.first == ""
        if isAnchored { pieces.removeFirst() }
        let isDirectoryOnly = pieces.count > 1 && pieces.last == ""
        if isDirectoryOnly { pieces.removeLast() }
        guard !pieces.isEmpty, !pieces.contains("") else {
            throw pieces.isEmpty || pieces == [""] ? .rootOnly : .emptySegment
        }
        var segments: [SegmentPattern] = []
        if !isAnchored, pieces.count == 1, pieces[0] != "**" {
            segments.append(.anySegments)
        }
        for (index, piece) in pieces.enumerated() {
            let isLast = index == pieces.count - 1 && !isDirectoryOnly
            switch piece {
            case "**":
                // `**/` at the end is "any folder": at least one name, then what is inside it.
                let endsDirectoryOnly = isDirectoryOnly && index == pieces.count - 1
                segments += isLast || endsDirectoryOnly ? [.anySegments, .anyName] : [.anySegments]
            case "*":
                // A lone `*` is exactly one non-empty name, and does not reach below it.
                segments.append(.wildcard([.anyCharacter, .anyRun], namesDot: true))
            default:
                segments.append(Self.compileName(piece))
                if isLast { segments.append(.anySegments) }
            }
        }
        if isDirectoryOnly { segments += [.anySegments, .anyName] }
        guard segments.count <= SegmentSequence.maximumSegments else { throw .tooManySegments }
        self.pattern = pattern
        sequence = SegmentSequence(segments, hiddenNeedsDot: false)
    }

    package var description: String { pattern }

    package func matches(_ path: String) -> Bool {
        path.withPathBytes { sequence.matches($0) }
    }

    private static func splitAtUnescapedSlashes(_ pattern: String) -> [String] {
        var pieces: [String] = [""]
        var isEscaped = false
        for character in pattern {
            if character == "/", !isEscaped {
                pieces.append("")
                continue
            }
            isEscaped = character == "\\" && !isEscaped
            pieces[pieces.count - 1].append(character)
        }
        return pieces
    }

    private static func compileName(_ piece: String) -> SegmentPattern {
        var tokens: [SegmentToken] = []
        var literal: [UInt8] = []
        var isEscaped = false
        for scalar in piece.unicodeScalars {
            if isEscaped {
                literal += Array(String(scalar).utf8)
                isEscaped = false
                continue
            }
            switch scalar {
            case "\\":
                isEscaped = true
            case "*", "?":
                if !literal.isEmpty { tokens.append(.literal(literal)) }
                literal = []
                tokens.append(scalar == "*" ? .anyRun : .anyCharacter)
            default:
                literal += Array(String(scalar).utf8)
            }
        }
        if isEscaped { literal.append(UInt8(ascii: "\\")) }
        if tokens.isEmpty { return .literal(literal) }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return .wildcard(tokens, namesDot: true)
    }
}

/// Why a CODEOWNERS pattern was rejected.
package enum CodeOwnersPatternError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty
    case negation
    case tripleAsterisk
    case emptySegment
    case rootOnly
    case tooManySegments

    package var description: String {
        switch self {
        case .empty: "the pattern is empty"
        case .negation: "'!' negation is not supported in CODEOWNERS; list the paths that should have owners instead"
        case .tripleAsterisk: "'***' is not a valid wildcard; use '**' for any number of directories"
        case .emptySegment: "'//' makes an empty path segment; use a single '/'"
        case .rootOnly: "'/' alone matches nothing; use '*' for every file"
        case .tooManySegments: "the pattern has more than \(SegmentSequence.maximumSegments) segments"
        }
    }
}
