import Foundation

/// A notification email: multipart/alternative with a plain-text and an HTML part, both
/// UTF-8 quoted-printable, with Date, Message-ID, MIME-Version and an encoded subject.
/// `rendered()` gives the message with CRLF line ends, ready for SMTP DATA (before dot-stuffing).
package struct EmailMessage: Sendable {
    package var from: EmailAddress
    package var to: [EmailAddress]
    package var subject: String
    package var text: String
    package var html: String
    package var date: Date
    /// Without angle brackets: `UUID@domain`.
    package var messageID: String
    package var boundary: String
    package var extraHeaders: [(name: String, value: String)]

    package init(
        from: EmailAddress, to: [EmailAddress], subject: String, text: String, html: String,
        date: Date, id: UUID, extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        messageID = "\(id.uuidString.lowercased())@\(from.domain)"
        boundary = "=_flash-sync_\(id.uuidString.replacingOccurrences(of: "-", with: ""))"
        self.extraHeaders = extraHeaders
    }

    package func rendered() -> String {
        var headers: [(String, String)] = [
            ("Date", Self.format(date)),
            ("From", from.headerValue),
            ("To", to.isEmpty ? "undisclosed-recipients:;" : Self.foldedList(to.map(\.headerValue), nameLength: 4)),
            ("Subject", EncodedWord.header(subject, nameLength: "Subject: ".count)),
            ("Message-ID", "<\(messageID)>"),
            ("MIME-Version", "1.0"),
        ]
        headers += extraHeaders.map { ($0.name, EncodedWord.header($0.value, nameLength: $0.name.count + 2)) }
        headers.append(("Content-Type", "multipart/alternative;\r\n boundary=\"\(boundary)\""))
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(QuotedPrintable.encode(body))
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Addresses joined by commas, folded onto continuation lines before a line passes 78 characters.
    static func foldedList(_ items: [String], nameLength: Int) -> String {
        var output = ""
        var lineLength = nameLength
        for (index, item) in items.enumerated() {
            let piece = index == 0 ? item : ", " + item
            if index > 0, lineLength + piece.count > 78 {
                output += ",\r\n " + item
                lineLength = 1 + item.count
            } else {
                output += piece
                lineLength += piece.count
            }
        }
        return output
    }

    /// RFC 5322 date-time in UTC: `Sat, 21 Nov 2026 22:48:43 +0000`.
    package static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss +0000"
        return formatter.string(from: date)
    }
}
