import Foundation

/// Text or binary, decided the way git does: a NUL in the first 8,000 bytes, or bytes that are not
/// UTF-8, make a file binary. Binary files are copied byte for byte, never transformed.
package enum TextContent {
    package static let probeLength = 8000

    package static func decode(_ data: Data) -> String? {
        if data.prefix(probeLength).contains(0) { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// The line ending a text uses: CRLF when most of its lines end with CRLF.
    package static func lineEnding(of text: String) -> String {
        var crlf = 0, lf = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if previous == UInt8(ascii: "\r") { crlf += 1 } else { lf += 1 }
            }
            previous = byte
        }
        return crlf > lf ? "\r\n" : "\n"
    }

    package static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx")
    }

    package static func isYAML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    package static func isJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }
}
