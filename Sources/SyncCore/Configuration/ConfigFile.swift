import Diagnostics
import Foundation

/// Reads a text file that configures flash-sync, refusing what must never be read as
/// configuration: symlinks (they can point outside the repository), binary or huge files,
/// and invalid UTF-8. Errors name the file as the user wrote it.
package enum ConfigFile {
    package static let maximumBytes = 1 << 20

    package static func read(_ url: URL, shownAs name: String, maximumBytes: Int = maximumBytes) throws(Diagnostic) -> String {
        let manager = FileManager.default
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try manager.attributesOfItem(atPath: url.path)
        } catch {
            throw Diagnostic.configuration(file: name, message: "file not found.", hint: "Check the path, relative to the repository root.")
        }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw Diagnostic.configuration(file: name, message: "is a symbolic link; configuration files must be regular files in the repository.")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw Diagnostic.configuration(file: name, message: "is a folder, not a file.")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumBytes {
            throw Diagnostic.configuration(file: name, message: "is \(size) bytes; configuration files are limited to \(maximumBytes) bytes.")
        }
        guard let data = manager.contents(atPath: url.path) else {
            throw Diagnostic.configuration(file: name, message: "cannot be read (permissions?).")
        }
        return try decode(data, shownAs: name)
    }

    /// UTF-8 text without NUL bytes; the error gives the line of the first bad byte.
    package static func decode(_ data: Data, shownAs name: String) throws(Diagnostic) -> String {
        if let nul = data.firstIndex(of: 0) {
            throw Diagnostic.configuration(file: name, line: line(of: nul, in: data), message: "contains a NUL byte: this looks like a binary file, not YAML.")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let bad = firstInvalidUTF8Offset(data) ?? 0
            throw Diagnostic.configuration(file: name, line: line(of: data.startIndex + bad, in: data), message: "is not valid UTF-8 (first bad byte at offset \(bad)).", hint: "Save the file as UTF-8.")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func line(of index: Data.Index, in data: Data) -> Int {
        data[data.startIndex..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence (approximate by
    /// the decoder's look-ahead of at most three bytes).
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var counting = CountingIterator(base: data.makeIterator())
        var decoder = UTF8()
        var start = 0
        while true {
            switch decoder.decode(&counting) {
            case .scalarValue: start = counting.count
            case .emptyInput: return nil
            case .error: return start
            }
        }
    }

    private struct CountingIterator: IteratorProtocol {
        var base: Data.Iterator
        var count = 0
        mutating func next() -> UInt8? {
            guard let byte = base.next() else { return nil }
            count += 1
            return byte
        }
    }
}
