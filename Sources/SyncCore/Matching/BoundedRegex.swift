import Foundation

/// A regular expression from configuration (a policy's content pattern, a secret's format), run
/// with bounds, because a backtracking engine can take exponential time on a pattern like
/// `(x+x+)+y`:
/// - shape: a repeated group that itself holds a repetition (`(a+)+`, `(\w*)*`, `(x+x+)+`) is
///   refused when the pattern is loaded, naming it;
/// - time: a search stops after `timeBudget` seconds and says so, whatever the pattern;
/// - size: text longer than `maximumTextLength` characters is not searched.
package struct BoundedRegex: @unchecked Sendable {
    package static let maximumPatternLength = 1_000
    package static let maximumTextLength = 4 << 20
    package static let defaultTimeBudget = 2.0

    package let pattern: String
    private let regex: NSRegularExpression

    package init(_ pattern: String, options: NSRegularExpression.Options = []) throws(BoundedRegexError) {
        guard pattern.count <= Self.maximumPatternLength else { throw .tooLong(pattern.count) }
        if let shape = Self.nestedRepetition(in: pattern) { throw .nestedRepetition(shape) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw .invalid
        }
        self.pattern = pattern
    }

    /// The outcome of one search: the matches found, and whether a bound stopped it early.
    package struct Search: Sendable {
        package var matches: [NSRange]
        package var stopped: BoundedRegexError?
    }

    /// Every match in `text` (at most `limit`), within the time budget.
    package func matches(in text: String, limit: Int = .max, timeBudget: Double = defaultTimeBudget) -> Search {
        let length = text.utf16.count
        guard length <= Self.maximumTextLength else { return Search(matches: [], stopped: .textTooLong(length)) }
        let deadline = Date().addingTimeInterval(timeBudget)
        var found: [NSRange] = []
        var stopped: BoundedRegexError?
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { result, _, stop in
            if let result {
                found.append(result.range)
                if found.count >= limit { stop.pointee = true }
            }
            if Date() > deadline {
                stopped = .timedOut(timeBudget)
                stop.pointee = true
            }
        }
        return Search(matches: found, stopped: stopped)
    }

    /// Whether `text` has a match, within the budget; nil when a bound stopped the search.
    package func hasMatch(in text: String, timeBudget: Double = defaultTimeBudget) -> Bool? {
        let search = matches(in: text, limit: 1, timeBudget: timeBudget)
        if !search.matches.isEmpty { return true }
        return search.stopped == nil ? false : nil
    }

    /// The first group that repeats and holds a repetition, as written; nil when there is none.
    static func nestedRepetition(in pattern: String) -> String? {
        let characters = Array(pattern)
        // For each open group: where it starts, and whether it holds a repetition.
        var groups: [(start: Int, repeats: Bool)] = []
        var index = 0
        var inClass = false
        func isRepetition(at position: Int) -> Bool {
            guard position < characters.count else { return false }
            switch characters[position] {
            case "*", "+": return true
            case "{":
                // {n,} and {n,m} with m > 1 repeat; {n} does not.
                var end = position + 1
                while end < characters.count, characters[end] != "}" { end += 1 }
                guard end < characters.count else { return false }
                let body = String(characters[(position + 1)..<end])
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                if parts.count == 2 { return parts[1].isEmpty || (Int(parts[1]) ?? 0) > 1 }
                return false
            default: return false
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                if index - 1 < characters.count, isRepetition(at: index), !groups.isEmpty { groups[groups.count - 1].repeats = true }
                continue
            }
            if inClass {
                if character == "]" {
                    inClass = false
                    if isRepetition(at: index + 1), !groups.isEmpty { groups[groups.count - 1].repeats = true }
                }
                index += 1
                continue
            }
            switch character {
            case "[":
                inClass = true
            case "(":
                groups.append((index, false))
            case ")":
                guard let group = groups.popLast() else { break }
                if isRepetition(at: index + 1), group.repeats {
                    var end = index + 2
                    if end - 1 < characters.count, characters[end - 1] == "{" {
                        while end < characters.count, characters[end - 1] != "}" { end += 1 }
                    }
                    return String(characters[group.start..<min(end, characters.count)])
                }
                if !groups.isEmpty, group.repeats || isRepetition(at: index + 1) { groups[groups.count - 1].repeats = true }
            default:
                if isRepetition(at: index + 1), !groups.isEmpty { groups[groups.count - 1].repeats = true }
            }
            index += 1
        }
        return nil
    }
}

package enum BoundedRegexError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid
    case tooLong(Int)
    case nestedRepetition(String)
    case timedOut(Double)
    case textTooLong(Int)

    package var description: String {
        switch self {
        case .invalid: "it is not a valid regular expression (ICU syntax)"
        case .tooLong(let count): "it is \(count) characters long; the limit is \(BoundedRegex.maximumPatternLength)"
        case .nestedRepetition(let group): "the group \(group) repeats something that repeats, which can take exponential time on some text; rewrite it without the nested repetition (for example (x+x+)+ as x{2,})"
        case .timedOut(let seconds): "the search ran past its \(String(format: "%g", seconds)) s budget and was stopped"
        case .textTooLong(let length): "the text is \(length) characters long; patterns search at most \(BoundedRegex.maximumTextLength)"
        }
    }
}
