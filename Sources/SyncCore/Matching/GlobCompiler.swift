/// Turns parsed `GlobNode`s into segment matchers: expands `{a,b}` groups, splits at `/`,
/// and checks the rules that make a pattern a valid repository-relative file pattern.
struct GlobCompiler {
    static let maximumAlternatives = 1024

    let pattern: String

    /// Every brace alternative as a flat node list (no `.alternation` left).
    func expand(_ nodes: [GlobNode]) throws(GlobError) -> [[GlobNode]] {
        var results: [[GlobNode]] = [[]]
        for node in nodes {
            guard case .alternation(let alternatives) = node else {
                for index in results.indices { results[index].append(node) }
                continue
            }
            var expandedAlternatives: [[GlobNode]] = []
            for alternative in alternatives {
                expandedAlternatives += try expand(alternative)
            }
            guard results.count * expandedAlternatives.count <= Self.maximumAlternatives else {
                throw .tooManyAlternatives(pattern: pattern, limit: Self.maximumAlternatives)
            }
            results = results.flatMap { prefix in expandedAlternatives.map { prefix + $0 } }
        }
        return results
    }

    /// Compiles one expanded alternative into the segments the matcher runs.
    func segments(of nodes: [GlobNode]) throws(GlobError) -> [SegmentPattern] {
        var pieces: [[GlobNode]] = [[]]
        var slashColumns: [Int] = []
        for node in nodes {
            if case .slash(let column) = node {
                pieces.append([])
                slashColumns.append(column)
            } else {
                pieces[pieces.count - 1].append(node)
            }
        }
        var segments: [SegmentPattern] = []
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty {
                if index == 0 { throw .absolutePattern(pattern: pattern) }
                if index == pieces.count - 1 { throw .trailingSlash(pattern: pattern, column: slashColumns[index - 1]) }
                throw .emptySegment(pattern: pattern, column: slashColumns[index - 1])
            }
            let isLast = index == pieces.count - 1
            segments += try compileSegment(piece, isLast: isLast)
        }
        guard segments.count <= SegmentSequence.maximumSegments else {
            throw .tooManySegments(pattern: pattern, limit: SegmentSequence.maximumSegments)
        }
        return segments
    }

    private func compileSegment(_ piece: [GlobNode], isLast: Bool) throws(GlobError) -> [SegmentPattern] {
        if piece.count == 2, case .star = piece[0], case .star = piece[1] {
            // A trailing `**` stands for every file below the directory, at any depth.
            return isLast ? [.anySegments, .anyName] : [.anySegments]
        }
        var tokens: [SegmentToken] = []
        var literal: [UInt8] = []
        var previousWasStar = false
        func flushLiteral() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal = []
        }
        for node in piece {
            switch node {
            case .character(let scalar, _):
                literal += Array(String(scalar).utf8)
                previousWasStar = false
            case .star(let column):
                if previousWasStar { throw .globstarInsideSegment(pattern: pattern, column: column - 1) }
                flushLiteral()
                tokens.append(.anyRun)
                previousWasStar = true
            case .question:
                flushLiteral()
                tokens.append(.anyCharacter)
                previousWasStar = false
            case .characterClass(let characterClass):
                flushLiteral()
                tokens.append(.characterClass(characterClass))
                previousWasStar = false
            case .slash, .alternation:
                preconditionFailure("segments are split and expanded before compiling")
            }
        }
        flushLiteral()
        if tokens.count == 1, case .literal(let bytes) = tokens[0] {
            if bytes == Array(".".utf8) || bytes == Array("..".utf8) {
                throw .relativeSegment(pattern: pattern, column: firstColumn(of: piece))
            }
            return [.literal(bytes)]
        }
        var namesDot = false
        if case .literal(let bytes) = tokens.first, bytes.first == UInt8(ascii: ".") { namesDot = true }
        return [.wildcard(tokens, namesDot: namesDot)]
    }

    private func firstColumn(of piece: [GlobNode]) -> Int {
        for node in piece {
            if case .character(_, let column) = node { return column }
        }
        return 1
    }

    /// The directory part that every match shares: leading segments free of wildcards and groups.
    static func staticPrefix(of nodes: [GlobNode]) -> String {
        var prefix = ""
        var segment = ""
        for node in nodes {
            switch node {
            case .character(let scalar, _):
                segment.unicodeScalars.append(scalar)
            case .slash:
                prefix += segment + "/"
                segment = ""
            case .star, .question, .characterClass, .alternation:
                return prefix
            }
        }
        return prefix
    }
}
