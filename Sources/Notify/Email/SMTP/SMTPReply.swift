import NIOCore

/// One server reply: a three-digit code and its text lines (`250-PIPELINING` ... `250 SMTPUTF8`).
package struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    package var code: Int
    package var lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    package var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: try again later.
    package var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: this will not work without a change.
    package var isPermanent: Bool { code >= 500 }

    /// The server's text, lines joined.
    package var text: String { lines.joined(separator: " ").trimmingCharacters(in: .whitespaces) }

    package var description: String { "\(code) \(text)" }

    /// EHLO keywords after the greeting line, upper-cased: `STARTTLS`, `AUTH PLAIN LOGIN`, `SIZE 1000`.
    package var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            result[keyword, default: []] += words.dropFirst()
        }
        return result
    }
}

/// Splits the byte stream into replies: lines end in CRLF (a bare LF is accepted), `NNN-`
/// continues a reply, `NNN ` or `NNN` ends it. Overlong lines and garbage are errors.
final class SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    static let maxLineLength = 4_096
    private var code: Int?
    private var lines: [String] = []

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineLength { throw SMTPError.malformedReply("a line longer than \(Self.maxLineLength) bytes") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard var bytes = buffer.readBytes(length: length) else { return .needMoreData }
        // Bytes, not Characters: "\r\n" is one Character in Swift.
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes.prefix(3), as: UTF8.self)), (200...599).contains(code) else {
            throw SMTPError.malformedReply(String(line.prefix(80)))
        }
        if let current = self.code, current != code { throw SMTPError.malformedReply(String(line.prefix(80))) }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        self.code = code
        lines.append(bytes.count > 4 ? String(decoding: bytes.dropFirst(4), as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") { return .continue }
        let reply = SMTPReply(code: code, lines: lines)
        self.code = nil
        lines = []
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while buffer.readableBytes > 0, try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
