/// The DATA payload of a message (RFC 5321 §4.5.2): every line ending in CRLF, a dot at the
/// start of a line doubled, and the terminating `CRLF . CRLF`.
package enum DotStuffing {
    package static func payload(_ message: String) -> String {
        let normalized = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.map { $0 + "\r\n" }.joined() + ".\r\n"
    }
}
