/// A file's path inside a repository, checked where it enters flash-sync (the source tree, a rule,
/// the settings, the plan artifact, a sync state, a downstream tree) and the only way a commit
/// names a file. A valid path is relative and normalised (`a/b.md`: no leading `/`, no empty,
/// `.` or `..` segment, no trailing `/`), has no control character and no backslash, and has no
/// `.git` segment in any letter case (nor the forms Windows and macOS read as `.git`).
package struct RepositoryPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let value: String

    /// Git's and the file systems' limits: 4,096 bytes a path, 255 a segment.
    package static let maximumBytes = 4_096
    package static let maximumSegmentBytes = 255

    package init(_ text: String) throws(RepositoryPathError) {
        try Self.check(text)
        value = text
    }

    package var description: String { value }

    package static func < (lhs: RepositoryPath, rhs: RepositoryPath) -> Bool { lhs.value < rhs.value }

    /// The path's segments.
    package var segments: [Substring] { value.split(separator: "/") }

    /// Whether the path is `folder` itself or below it; `folder` ends in `/` (`""` is the root).
    /// Compared without regard to letter case, as case-insensitive checkouts would see it.
    package func isInside(folder: String) -> Bool {
        guard !folder.isEmpty else { return true }
        let lowered = value.lowercased()
        let prefix = folder.lowercased()
        return lowered.hasPrefix(prefix) || lowered + "/" == prefix
    }

    /// Why `text` is not a repository path, or nil when it is one.
    package static func problem(_ text: String) -> RepositoryPathError? {
        do {
            try check(text)
            return nil
        } catch {
            return error
        }
    }

    private static func check(_ text: String) throws(RepositoryPathError) {
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= maximumBytes else { throw .tooLong(text.utf8.count) }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                throw .controlCharacter(scalar.value, offset: offset)
            }
            if scalar == "\\" { throw .backslash }
            // Bidirectional controls make a name read differently from what it is ("Trojan source").
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E || scalar.value == 0x200F {
                throw .controlCharacter(scalar.value, offset: offset)
            }
        }
        if text.hasPrefix("/") { throw .absolute }
        for segment in text.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "": throw .emptySegment
            case ".": throw .dotSegment
            case "..": throw .parentSegment
            default:
                if segment.utf8.count > maximumSegmentBytes { throw .segmentTooLong(String(segment.prefix(40))) }
                if isGitFolderName(segment) { throw .gitFolder(String(segment)) }
            }
        }
    }

    /// `.git` in any letter case, with the trailing dots and spaces Windows drops, the NTFS short
    /// name `git~1`, and the ignorable code points macOS's HFS+ drops when comparing names.
    package static func isGitFolderName(_ segment: Substring) -> Bool {
        let ignorable: Set<UInt32> = [0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                      0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F, 0xFEFF]
        var name = String(String.UnicodeScalarView(segment.unicodeScalars.filter { !ignorable.contains($0.value) })).lowercased()
        while let last = name.last, last == "." || last == " " { name.removeLast() }
        return name == ".git" || name == "git~1"
    }
}

package enum RepositoryPathError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case absolute
    case backslash
    case controlCharacter(UInt32, offset: Int)
    case emptySegment
    case dotSegment
    case parentSegment
    case gitFolder(String)
    case tooLong(Int)
    case segmentTooLong(String)

    package var description: String {
        switch self {
        case .empty: "the path is empty"
        case .absolute: "the path is absolute; paths are relative to the repository root"
        case .backslash: "the path contains a backslash; folders are separated by /"
        case .controlCharacter(let value, let offset): "the path contains the control character U+\(String(value, radix: 16, uppercase: true).leftPadded(4)) at character \(offset + 1)"
        case .emptySegment: "the path has an empty folder name ('//', or a leading or trailing '/')"
        case .dotSegment: "the path has a '.' segment; write it without './'"
        case .parentSegment: "the path contains '..' and could leave the repository"
        case .gitFolder(let segment): "the path goes through '\(segment)', which git reads as its own .git folder"
        case .tooLong(let bytes): "the path is \(bytes) bytes long; the limit is \(RepositoryPath.maximumBytes)"
        case .segmentTooLong(let start): "the name starting '\(start)…' is longer than \(RepositoryPath.maximumSegmentBytes) bytes"
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
