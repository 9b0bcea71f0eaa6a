/// Where each line of a byte buffer starts.
///
/// A line runs up to and including its `\n`; the last line may lack one. `starts` has one entry per
/// line plus a final entry equal to the buffer's length, so line `i` is `starts[i]..<starts[i + 1]`.
/// An empty buffer has no lines. `\r` is an ordinary byte: a CRLF line ends in `\r\n`.
struct LineIndex: Sendable {
    let starts: [Int]

    var lineCount: Int { starts.count - 1 }

    init(of bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 24 + 2)
        starts.append(0)
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            self.starts = starts
            return
        }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var offset = 0
        // Eight bytes at a time: flag the bytes equal to '\n' exactly (no carries between bytes).
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            var flags = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word) & 0x8080_8080_8080_8080
            while flags != 0 {
                starts.append(offset + flags.trailingZeroBitCount / 8 + 1)
                flags &= flags &- 1
            }
            offset += 8
        }
        while offset < count {
            if base[offset] == 0x0A { starts.append(offset + 1) }
            offset += 1
        }
        if starts.last != count { starts.append(count) }
        self.starts = starts
    }

    /// The byte range of lines `lines` (a half-open range of line numbers, 0-based).
    @inline(__always)
    func byteRange(ofLines lines: Range<Int>) -> Range<Int> {
        starts[lines.lowerBound]..<starts[lines.upperBound]
    }
}

extension LineIndex {
    /// Whether line `line` ends in `\n`.
    @inline(__always)
    func endsInNewline(_ line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = starts[line + 1]
        return end > starts[line] && bytes[end - 1] == 0x0A
    }

    /// Whether line `line` ends in `\r\n`.
    @inline(__always)
    func endsInCRLF(_ line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = starts[line + 1]
        return end - starts[line] > 1 && bytes[end - 1] == 0x0A && bytes[end - 2] == 0x0D
    }
}
