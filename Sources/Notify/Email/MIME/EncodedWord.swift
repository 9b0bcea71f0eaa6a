import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII (the subject's emoji),
/// as `=?UTF-8?B?...?=` pieces of at most 75 characters, never splitting a character.
package enum EncodedWord {
    package static let maxWordLength = 75

    /// The header text as it is written: unchanged when it is short printable ASCII,
    /// otherwise encoded words joined by folding whitespace (CRLF + space).
    /// `nameLength` is the length of `Name: ` before the value, so the first line stays within 76.
    package static func header(_ text: String, nameLength: Int = 0) -> String {
        let asciiPrintable = text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }
        if asciiPrintable && text.utf8.count <= 900 && !text.contains("=?") { return text }
        return encode(text, nameLength: nameLength)
    }

    /// Always encodes; each word holds whole characters, each line at most 76 characters.
    package static func encode(_ text: String, nameLength: Int = 0) -> String {
        let prefix = "=?UTF-8?B?"
        let suffix = "?="
        // Base64 of n bytes takes 4 * ceil(n / 3) characters; 75 - 12 = 63 leaves room for 45 bytes.
        let maxBytes = (maxWordLength - prefix.count - suffix.count) / 4 * 3
        let firstMaxBytes = max(3, (min(maxWordLength, 76 - nameLength) - prefix.count - suffix.count) / 4 * 3)
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > (words.isEmpty ? firstMaxBytes : maxBytes), !chunk.isEmpty {
                words.append(prefix + chunk.base64EncodedString() + suffix)
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(prefix + chunk.base64EncodedString() + suffix) }
        return words.joined(separator: "\r\n ")
    }
}
