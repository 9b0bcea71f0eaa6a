import Foundation
import SyncKit

/// Checks on what files contain and how large they are.
enum ContentChecks {
    /// At most this many matches are reported per file for a must-not-match pattern.
    static let matchesPerFile = 20

    static func mustMatch(_ pattern: ContentPattern, files: [String], in snapshot: RepositorySnapshot) throws -> [Problem] {
        let regex = try pattern.compiled()
        return files.compactMap { path in
            guard let text = snapshot.text(of: path) else { return nil }
            let search = regex.matches(in: text, limit: 1)
            if let stopped = search.stopped, search.matches.isEmpty {
                return Problem("'\(path)' could not be checked against /\(pattern.pattern)/: \(stopped.description).", file: path, line: 1)
            }
            guard search.matches.isEmpty else { return nil }
            return Problem("'\(path)' does not contain a match of /\(pattern.pattern)/.", file: path, line: 1)
        }
    }

    static func mustNotMatch(_ pattern: ContentPattern, files: [String], in snapshot: RepositorySnapshot) throws -> [Problem] {
        let regex = try pattern.compiled()
        var problems: [Problem] = []
        for path in files {
            guard let text = snapshot.text(of: path) else { continue }
            let search = regex.matches(in: text, limit: 10_000)
            let matches = search.matches
            if let stopped = search.stopped {
                problems.append(Problem("'\(path)' could not be fully checked against /\(pattern.pattern)/: \(stopped.description).", file: path, line: 1))
            }
            for match in matches.prefix(matchesPerFile) {
                let line = RepositorySnapshot.line(ofUTF16Offset: match.location, in: text)
                let column = column(ofUTF16Offset: match.location, in: text)
                problems.append(Problem("'\(path)' line \(line) matches /\(pattern.pattern)/, which is not allowed.", file: path, line: line, column: column))
            }
            if matches.count > matchesPerFile {
                problems.append(Problem("'\(path)' has \(matches.count - matchesPerFile) more matches of /\(pattern.pattern)/ not listed.", file: path, line: 1))
            }
        }
        return problems
    }

    static func largeFiles(maxBytes: Int, files: [String], in snapshot: RepositorySnapshot) -> [Problem] {
        files.compactMap { path in
            let size = snapshot.size(of: path)
            guard size > maxBytes else { return nil }
            return Problem("'\(path)' is \(size) bytes; the limit is \(maxBytes) bytes.", file: path, line: 1)
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
