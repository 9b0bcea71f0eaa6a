/// A bracket expression such as `[a-z]`, `[!0-9]` or `[[:alpha:]_]`: matches one Unicode scalar.
struct GlobCharacterClass: Sendable, Hashable {
    var isNegated = false
    var scalars: [ClosedRange<UInt32>] = []
    var namedClasses: [GlobNamedClass] = []

    func contains(_ value: UInt32) -> Bool {
        var found = scalars.contains { $0.contains(value) }
        if !found, let scalar = Unicode.Scalar(value) {
            found = namedClasses.contains { $0.contains(scalar) }
        }
        return found != isNegated
    }
}

/// The POSIX classes accepted inside brackets, as in `[[:digit:]]`, plus bash's `word`.
enum GlobNamedClass: String, CaseIterable, Sendable, Hashable {
    case alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, word, xdigit

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch self {
        case .alnum: return GlobNamedClass.alpha.contains(scalar) || GlobNamedClass.digit.contains(scalar)
        case .alpha: return properties.isAlphabetic
        case .blank: return scalar == " " || scalar == "\t"
        case .cntrl: return properties.generalCategory == .control
        case .digit: return ("0"..."9").contains(scalar)
        case .graph: return GlobNamedClass.print.contains(scalar) && !properties.isWhitespace
        case .lower: return properties.isLowercase
        case .print:
            switch properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
            default: return true
            }
        case .punct: return scalar.isASCII && properties.generalCategory.isPunctuationOrSymbol
        case .space: return properties.isWhitespace
        case .upper: return properties.isUppercase
        case .word: return GlobNamedClass.alnum.contains(scalar) || scalar == "_"
        case .xdigit: return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
        }
    }
}
