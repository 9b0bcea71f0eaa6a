import SyncCore

/// The text GitHub's renderer would show for inline Markdown (the heading text its anchors are
/// made from): emphasis delimiters, link syntax, images, HTML tags and comments are dropped;
/// code spans keep their content; escapes and character references are decoded.
struct MarkdownPlainText {
    let bytes: [UInt8]
    let parser: InlineLinkParser

    private enum Piece {
        case text(String)
        case delimiter(UInt8, count: Int, canOpen: Bool, canClose: Bool)
    }

    func render(_ range: Range<Int>) -> String {
        var pieces: [Piece] = []
        var buffer: [UInt8] = []
        func flush() {
            if !buffer.isEmpty { pieces.append(.text(String(decoding: buffer, as: UTF8.self))) }
            buffer = []
        }
        var cursor = range.lowerBound
        let end = range.upperBound
        while cursor < end {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "\\") where cursor + 1 < end && bytes[cursor + 1].isMarkdownPunctuation:
                buffer.append(bytes[cursor + 1])
                cursor += 2
            case UInt8(ascii: "`"):
                if let code = parser.index.codeSpan(at: cursor, end: end) {
                    buffer += codeSpanText(code.contentStart..<code.contentEnd)
                    cursor = code.end
                } else {
                    let length = parser.index.runLength(at: cursor, end: end)
                    buffer += bytes[cursor..<cursor + length]
                    cursor += length
                }
            case UInt8(ascii: "<"):
                if let commentEnd = parser.index.commentEnd(openingAt: cursor, end: end) {
                    cursor = commentEnd
                } else if let inner = MarkdownAutolink.inner(bytes: bytes, start: cursor, end: end) {
                    buffer += bytes[inner]
                    cursor = inner.upperBound + 1
                } else if let tag = MarkdownHTMLTag(bytes: bytes, start: cursor, end: end, index: parser.index) {
                    cursor = tag.range.upperBound
                } else {
                    buffer.append(byte)
                    cursor += 1
                }
            case UInt8(ascii: "!") where cursor + 1 < end && bytes[cursor + 1] == UInt8(ascii: "["):
                if let image = parser.parse(open: cursor + 1, isImage: true, end: end) {
                    cursor = image.range.upperBound
                } else {
                    buffer.append(byte)
                    cursor += 1
                }
            case UInt8(ascii: "["):
                if let link = parser.parse(open: cursor, isImage: false, end: end) {
                    buffer += Array(render(link.textRange).utf8)
                    cursor = link.range.upperBound
                } else {
                    buffer.append(byte)
                    cursor += 1
                }
            case UInt8(ascii: "&"):
                if let (text, next) = MarkdownHTMLEntities.decode(bytes: bytes, start: cursor, end: end) {
                    buffer += Array(text.utf8)
                    cursor = next
                } else {
                    buffer.append(byte)
                    cursor += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                var runEnd = cursor
                while runEnd < end, bytes[runEnd] == byte { runEnd += 1 }
                flush()
                pieces.append(delimiter(byte, run: cursor..<runEnd, within: range))
                cursor = runEnd
            case 0x0D, 0x0A:
                while let last = buffer.last, last == 0x20 || last == 0x09 { buffer.removeLast() }
                buffer.append(0x0A)
                cursor += byte == 0x0D && cursor + 1 < end && bytes[cursor + 1] == 0x0A ? 2 : 1
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            default:
                buffer.append(byte)
                cursor += 1
            }
        }
        flush()
        return Self.resolveEmphasis(pieces)
    }

    private func codeSpanText(_ range: Range<Int>) -> [UInt8] {
        var content = bytes[range].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            content = Array(content.dropFirst().dropLast())
        }
        return content
    }

    /// CommonMark's flanking rules decide whether a `*`/`_` run can open or close emphasis.
    private func delimiter(_ byte: UInt8, run: Range<Int>, within range: Range<Int>) -> Piece {
        let before = run.lowerBound > range.lowerBound ? scalar(endingAt: run.lowerBound) : nil
        let after = run.upperBound < range.upperBound ? scalar(startingAt: run.upperBound) : nil
        let beforeIsSpace = before.map(Self.isWhitespace) ?? true
        let afterIsSpace = after.map(Self.isWhitespace) ?? true
        let beforeIsPunctuation = before.map(Self.isPunctuation) ?? false
        let afterIsPunctuation = after.map(Self.isPunctuation) ?? false
        let leftFlanking = !afterIsSpace && (!afterIsPunctuation || beforeIsSpace || beforeIsPunctuation)
        let rightFlanking = !beforeIsSpace && (!beforeIsPunctuation || afterIsSpace || afterIsPunctuation)
        let canOpen: Bool
        let canClose: Bool
        if byte == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforeIsPunctuation)
            canClose = rightFlanking && (!leftFlanking || afterIsPunctuation)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        return .delimiter(byte, count: run.count, canOpen: canOpen, canClose: canClose)
    }

    private static func resolveEmphasis(_ input: [Piece]) -> String {
        var pieces = input
        var openers: [Int] = []
        for index in pieces.indices {
            guard case .delimiter(let byte, var count, let canOpen, let canClose) = pieces[index] else { continue }
            if canClose {
                var stackIndex = openers.count - 1
                while count > 0, stackIndex >= 0 {
                    let opener = openers[stackIndex]
                    guard case .delimiter(let openerByte, var openerCount, let openerCanOpen, let openerCanClose) = pieces[opener],
                          openerByte == byte,
                          !((canOpen || openerCanClose) && (openerCount + count) % 3 == 0 && !(openerCount % 3 == 0 && count % 3 == 0)) else {
                        stackIndex -= 1
                        continue
                    }
                    let used = min(openerCount, count)
                    openerCount -= used
                    count -= used
                    pieces[opener] = .delimiter(openerByte, count: openerCount, canOpen: openerCanOpen, canClose: openerCanClose)
                    openers.removeSubrange((stackIndex + 1)...)
                    if openerCount == 0 { openers.removeLast() }
                    stackIndex = openers.count - 1
                }
                pieces[index] = .delimiter(byte, count: count, canOpen: canOpen, canClose: canClose)
            }
            if canOpen, count > 0 { openers.append(index) }
        }
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .delimiter(let byte, let count, _, _): result += String(repeating: Character(Unicode.Scalar(byte)), count: count)
            }
        }
        return result
    }

    private func scalar(startingAt position: Int) -> Unicode.Scalar {
        let length = UTF8Scalars.length(leading: bytes[position])
        let slice = bytes[position..<min(position + length, bytes.count)]
        return String(decoding: slice, as: UTF8.self).unicodeScalars.first ?? " "
    }

    private func scalar(endingAt position: Int) -> Unicode.Scalar {
        var start = position - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory.isPunctuationOrSymbol
    }
}
