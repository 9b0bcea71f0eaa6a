/// Quoted-printable body encoding (RFC 2045 §6.7): CRLF line breaks, encoded lines of at most
/// 76 characters with soft breaks, trailing spaces and every non-ASCII byte as `=XX`.
package enum QuotedPrintable {
    package static let maxLineLength = 76

    package static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var output = ""
            var current = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                // A leading dot is encoded too, so no relay's dot handling can touch it.
                let escaped = "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
                var token = literal && !(current == 0 && byte == 46) ? String(UnicodeScalar(byte)) : escaped
                // Leave room for the soft-break "=" unless this is the line's last token.
                let room = isLast ? maxLineLength : maxLineLength - 1
                if current + token.count > room {
                    output += "=\r\n"
                    current = 0
                    if byte == 46 { token = escaped }
                }
                output += token
                current += token.count
            }
            lines.append(output)
        }
        return lines.joined(separator: "\r\n")
    }
}
