import Diagnostics
import Foundation
import SyncCore

/// Checks on what files contain and how large they are.
enum ContentChecks {
    /// At most this many matches are reported per file for a must-not-match pattern.
    static let matchesPerFile = 20

    /// Seconds one pattern may search in all the files of an audit (each file gets what is left,
    /// at most `BoundedRegex.defaultTimeBudget`): many files cannot add up to an unbounded run.
    static let patternBudget = 10.0

    /// The time budget left for the pattern now, per file.
    private struct Budget {
        let deadline = Date().addingTimeInterval(ContentChecks.patternBudget)
        var forNextFile: Double? {
            let left = deadline.timeIntervalSinceNow
            return left > 0.01 ? min(BoundedRegex.defaultTimeBudget, left) : nil
        }
    }

    private static func spent(_ pattern: ContentPattern, unchecked: Int) -> Diagnostic {
        Diagnostic(.error, "\(unchecked) file\(unchecked == 1 ? " was" : "s were") not checked against /\(pattern.pattern)/: the pattern's \(Int(patternBudget)) s budget for the whole audit is spent. Simplify the pattern.")
    }

    static func mustMatch(_ pattern: ContentPattern, files: [String], in snapshot: RepositorySnapshot) throws -> [Diagnostic] {
        let regex = try pattern.compiled()
        let budget = Budget()
        var unchecked = 0
        let problems = files.compactMap { path -> Diagnostic? in
            guard let text = snapshot.text(of: path) else { return nil }
            guard let seconds = budget.forNextFile else {
                unchecked += 1
                return nil
            }
            let search = regex.matches(in: text, limit: 1, timeBudget: seconds)
            if let stopped = search.stopped, search.matches.isEmpty {
                return Diagnostic(.error, "'\(path)' could not be checked against /\(pattern.pattern)/: \(stopped.description).", file: path, line: 1)
            }
            guard search.matches.isEmpty else { return nil }
            return Diagnostic(.error, "'\(path)' does not contain a match of /\(pattern.pattern)/.", file: path, line: 1)
        }
        return problems + (unchecked > 0 ? [spent(pattern, unchecked: unchecked)] : [])
    }

    static func mustNotMatch(_ pattern: ContentPattern, files: [String], in snapshot: RepositorySnapshot) throws -> [Diagnostic] {
        let regex = try pattern.compiled()
        var problems: [Diagnostic] = []
        let budget = Budget()
        var unchecked = 0
        for path in files {
            guard let text = snapshot.text(of: path) else { continue }
            guard let seconds = budget.forNextFile else {
                unchecked += 1
                continue
            }
            let search = regex.matches(in: text, limit: 10_000, timeBudget: seconds)
            let matches = search.matches
            if let stopped = search.stopped {
                problems.append(Diagnostic(.error, "'\(path)' could not be fully checked against /\(pattern.pattern)/: \(stopped.description).", file: path, line: 1))
            }
            for match in matches.prefix(matchesPerFile) {
                let line = RepositorySnapshot.line(ofUTF16Offset: match.location, in: text)
                let column = column(ofUTF16Offset: match.location, in: text)
                problems.append(Diagnostic(.error, "'\(path)' line \(line) matches /\(pattern.pattern)/, which is not allowed.", file: path, line: line, column: column))
            }
            if matches.count > matchesPerFile {
                problems.append(Diagnostic(.error, "'\(path)' has \(matches.count - matchesPerFile) more matches of /\(pattern.pattern)/ not listed.", file: path, line: 1))
            }
        }
        if unchecked > 0 { problems.append(spent(pattern, unchecked: unchecked)) }
        return problems
    }

    static func largeFiles(maxBytes: Int, files: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        files.compactMap { path in
            let size = snapshot.size(of: path)
            guard size > maxBytes else { return nil }
            return Diagnostic(.error, "'\(path)' is \(size) bytes; the limit is \(maxBytes) bytes.", file: path, line: 1)
        }
    }

    /// The 1-based column (in Unicode scalars) of a UTF-16 offset.
    static func column(ofUTF16Offset offset: Int, in text: String) -> Int {
        let utf16 = text.utf16
        let target = utf16.index(utf16.startIndex, offsetBy: min(offset, utf16.count))
        let lineStart = text[..<target].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return text.unicodeScalars[lineStart..<target].count + 1
    }
}
