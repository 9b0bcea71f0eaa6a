/// GitHub's heading anchors (the github-slugger algorithm): lowercase the text, drop characters
/// that are neither letters, numbers, marks, connector punctuation, `-` nor space, and turn each
/// space into `-`. Repeated slugs get `-1`, `-2`, … in the order they are seen; a suffixed slug
/// is itself remembered, so a later heading that spells it out gets a further suffix.
///
/// The character set is the one github-slugger generated from Unicode 13.0: characters assigned
/// after 13.0 count as unassigned and are dropped, whatever this Swift runtime's Unicode version.
package struct HeadingSlugger: Sendable {
    private var occurrences: [String: Int] = [:]

    package init() {}

    /// The anchor for the next heading with `text`, accounting for headings seen before.
    package mutating func slug(_ text: String) -> String {
        let original = Self.baseSlug(text)
        var result = original
        while occurrences[result] != nil {
            let count = occurrences[original, default: 0] + 1
            occurrences[original] = count
            result = "\(original)-\(count)"
        }
        occurrences[result] = 0
        return result
    }

    /// Forgets every slug seen so far (one slugger per document).
    package mutating func reset() {
        occurrences = [:]
    }

    /// The slug of `text` on its own, without duplicate suffixes.
    package static func baseSlug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in JavaScriptLowercasing.lowercased(text) {
            if scalar == " " {
                result.append("-")
            } else if !isDropped(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether github-slugger's character class removes `scalar` (after lowercasing).
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" { return false }
        let properties = scalar.properties
        guard let age = properties.age, age.major < 13 || (age.major == 13 && age.minor == 0) else {
            return true
        }
        if properties.isAlphabetic { return false }
        switch properties.generalCategory {
        case .otherNumber,
             .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .dashPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .privateUse, .format, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}

/// `String.prototype.toLowerCase` as JavaScript defines it: each scalar's full lowercase mapping,
/// plus the one context-sensitive rule (capital sigma at the end of a word becomes `ς`).
enum JavaScriptLowercasing {
    static func lowercased(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}", isFinalSigma(at: index, in: scalars) {
                result.append("\u{03C2}")
            } else if scalar.isASCII {
                result.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                result += scalar.properties.lowercaseMapping.unicodeScalars
            }
        }
        return result
    }

    /// Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorable
    /// characters) and none after.
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
        return !(after < scalars.count && scalars[after].properties.isCased)
    }
}
