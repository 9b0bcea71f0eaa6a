/// One piece of a wildcard path segment.
enum SegmentToken: Sendable, Hashable {
    /// Exact UTF-8 bytes.
    case literal([UInt8])
    /// `?`: exactly one Unicode scalar.
    case anyCharacter
    /// `*`: any run of scalars, possibly empty.
    case anyRun
    /// `[...]`: one scalar in (or, negated, not in) the class.
    case characterClass(GlobCharacterClass)
}

/// What one `/`-separated piece of a compiled pattern matches.
enum SegmentPattern: Sendable, Hashable {
    /// A name spelled out exactly.
    case literal([UInt8])
    /// A name with wildcards. `namesDot` is true when the pattern itself starts with a literal `.`.
    case wildcard([SegmentToken], namesDot: Bool)
    /// Zero or more whole segments (`**`).
    case anySegments
    /// Exactly one segment with any name, including an empty one.
    case anyName

    var isAnySegments: Bool {
        if case .anySegments = self { true } else { false }
    }

    /// Whether the name `path[start..<end]` matches this single-segment pattern.
    /// `hiddenNeedsDot` applies the shell rule that a name starting with `.` only matches a
    /// pattern that starts with a literal `.`.
    func matchesName(_ path: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hiddenNeedsDot: Bool) -> Bool {
        switch self {
        case .literal(let bytes):
            guard bytes.count == end - start else { return false }
            var index = 0
            while index < bytes.count {
                if bytes[index] != path[start + index] { return false }
                index += 1
            }
            return true
        case .wildcard(let tokens, let namesDot):
            if hiddenNeedsDot, !namesDot, start < end, path[start] == UInt8(ascii: ".") { return false }
            return SegmentPattern.matchTokens(tokens, path, start, end)
        case .anyName:
            return !(hiddenNeedsDot && start < end && path[start] == UInt8(ascii: "."))
        case .anySegments:
            return false
        }
    }

    /// Wildcard matching inside one name. `*` keeps a single resumption point (the most recent
    /// star), which is enough because every other token consumes a fixed amount: linear in practice,
    /// at worst name length × token count, never exponential.
    static func matchTokens(_ tokens: [SegmentToken], _ path: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var token = 0
        var position = start
        var starToken = -1
        var starPosition = start
        while true {
            if token < tokens.count {
                switch tokens[token] {
                case .anyRun:
                    starToken = token
                    starPosition = position
                    token += 1
                    continue
                case .literal(let bytes):
                    if position + bytes.count <= end, hasPrefix(bytes, path, position) {
                        position += bytes.count
                        token += 1
                        continue
                    }
                case .anyCharacter:
                    if position < end {
                        position += UTF8Scalars.length(leading: path[position])
                        token += 1
                        continue
                    }
                case .characterClass(let characterClass):
                    if position < end {
                        let (value, length) = UTF8Scalars.decode(path, position, end)
                        if characterClass.contains(value) {
                            position += length
                            token += 1
                            continue
                        }
                    }
                }
            } else if position == end {
                return true
            }
            guard starToken >= 0, starPosition < end else { return false }
            starPosition += UTF8Scalars.length(leading: path[starPosition])
            position = starPosition
            token = starToken + 1
        }
    }

    private static func hasPrefix(_ bytes: [UInt8], _ path: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] != path[position + index] { return false }
            index += 1
        }
        return true
    }
}
