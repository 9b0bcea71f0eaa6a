/// The text's UTF-8 bytes split into lines, keeping each line ending's bytes.
struct MarkdownLines: Sendable {
    struct Line: Sendable {
        /// Offset of the first byte.
        let start: Int
        /// Offset just past the content (before `\n` or `\r\n`).
        let contentEnd: Int
        /// Offset just past the line ending.
        let end: Int
    }

    let bytes: [UInt8]
    let lines: [Line]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let contentEnd = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                lines.append(Line(start: start, contentEnd: contentEnd, end: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count || lines.isEmpty {
            let contentEnd = bytes.count > start && bytes[bytes.count - 1] == UInt8(ascii: "\r") ? bytes.count - 1 : bytes.count
            lines.append(Line(start: start, contentEnd: contentEnd, end: bytes.count))
        }
        self.lines = lines
    }

    /// 0-based index of the line holding byte `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func position(of offset: Int) -> MarkdownPosition {
        let index = lineIndex(of: offset)
        var column = 1
        var cursor = lines[index].start
        while cursor < offset {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return MarkdownPosition(line: index + 1, column: column)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func isBlank(_ line: Line) -> Bool {
        bytes[line.start..<line.contentEnd].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

extension UInt8 {
    var isMarkdownSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    var isMarkdownPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
    var isMarkdownLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isMarkdownDigit: Bool { (0x30...0x39).contains(self) }
}
