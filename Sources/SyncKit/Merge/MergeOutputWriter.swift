/// One input of the merge: its bytes and where its lines start.
struct MergeInput {
    let bytes: UnsafeBufferPointer<UInt8>
    let lines: LineIndex

    /// Whether the line ending at `line` is CRLF, as git judges it for conflict markers: a line
    /// without a newline at the end of the file takes the previous line's ending; nil when unknown.
    func usesCRLF(around line: Int) -> Bool? {
        let count = lines.lineCount
        if line < count - 1 { return lines.endsInCRLF(line, in: bytes) }
        if count == 0 { return nil }
        if lines.endsInNewline(line, in: bytes) { return lines.endsInCRLF(line, in: bytes) }
        if line == 0 { return nil }
        return lines.endsInCRLF(line - 1, in: bytes)
    }
}

/// Writes the merged file from the merge regions: unchanged and one-sided stretches as they are,
/// conflicts as diff3-style marker blocks (or one side, for `.ours` / `.theirs`), byte for byte as
/// `git merge-file -p --diff3` does, and notes each conflict's output lines.
struct MergeOutputWriter {
    private let base: MergeInput
    private let ours: MergeInput
    private let theirs: MergeInput
    private let options: MergeOptions
    private(set) var bytes: [UInt8] = []
    private(set) var conflicts: [MergeConflict] = []
    private var linesWritten = 0

    init(base: MergeInput, ours: MergeInput, theirs: MergeInput, options: MergeOptions) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.options = options
        bytes.reserveCapacity(ours.bytes.count + theirs.bytes.count / 8 + 64)
    }

    mutating func write(_ regions: [MergeRegion]) {
        var nextOursLine = 0
        for region in regions {
            copy(ours, lines: nextOursLine..<region.oursStart)
            switch region.kind {
            case .oursOnly:
                copy(ours, lines: region.oursStart..<region.oursEnd)
            case .theirsOnly:
                copy(theirs, lines: region.theirsStart..<(region.theirsStart + region.theirsCount))
            case .conflict:
                writeConflict(region)
            }
            nextOursLine = region.oursEnd
        }
        copy(ours, lines: nextOursLine..<ours.lines.lineCount)
    }

    private mutating func writeConflict(_ region: MergeRegion) {
        let oursLines = region.oursStart..<region.oursEnd
        let baseLines = region.baseStart..<(region.baseStart + region.baseCount)
        let theirsLines = region.theirsStart..<(region.theirsStart + region.theirsCount)
        let firstLine = linesWritten + 1
        switch options.resolution {
        case .ours:
            copy(ours, lines: oursLines)
        case .theirs:
            copy(theirs, lines: theirsLines)
        case .markers:
            let crlf = needsCRLF(region)
            writeMarker("<", label: options.labels.ours, crlf: crlf)
            copyCompletingLastLine(ours, lines: oursLines, crlf: crlf)
            writeMarker("|", label: options.labels.base, crlf: crlf)
            copyCompletingLastLine(base, lines: baseLines, crlf: crlf)
            writeMarker("=", label: nil, crlf: crlf)
            copyCompletingLastLine(theirs, lines: theirsLines, crlf: crlf)
            writeMarker(">", label: options.labels.theirs, crlf: crlf)
        }
        conflicts.append(MergeConflict(
            outputLines: LineSpan(start: firstLine, count: linesWritten + 1 - firstLine),
            oursLines: LineSpan(start: oursLines.lowerBound + 1, count: oursLines.count),
            baseLines: LineSpan(start: baseLines.lowerBound + 1, count: baseLines.count),
            theirsLines: LineSpan(start: theirsLines.lowerBound + 1, count: theirsLines.count)
        ))
    }

    /// Markers end in CRLF when the lines before the conflict in ours and in theirs, and the
    /// base's first line, do (an undecidable one does not veto; the base's must say CRLF).
    private func needsCRLF(_ region: MergeRegion) -> Bool {
        var verdict = ours.usesCRLF(around: max(region.oursStart - 1, 0))
        if verdict != false { verdict = theirs.usesCRLF(around: max(region.theirsStart - 1, 0)) }
        if verdict != false { verdict = base.usesCRLF(around: 0) }
        return verdict == true
    }

    private mutating func writeMarker(_ character: Character, label: String?, crlf: Bool) {
        bytes.append(contentsOf: repeatElement(character.asciiValue!, count: options.markerSize))
        if let label {
            bytes.append(0x20)
            bytes.append(contentsOf: label.utf8)
        }
        if crlf { bytes.append(0x0D) }
        bytes.append(0x0A)
        linesWritten += 1
    }

    /// Copies whole lines as they are.
    private mutating func copy(_ input: MergeInput, lines: Range<Int>) {
        guard !lines.isEmpty else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input.bytes[input.lines.byteRange(ofLines: lines)]))
        linesWritten += lines.count
    }

    /// Copies whole lines and ends the last one with a newline (CRLF or LF) if it has none, so a
    /// marker never joins a file's unterminated last line.
    private mutating func copyCompletingLastLine(_ input: MergeInput, lines: Range<Int>, crlf: Bool) {
        copy(input, lines: lines)
        if !lines.isEmpty && !input.lines.endsInNewline(lines.upperBound - 1, in: input.bytes) {
            if crlf { bytes.append(0x0D) }
            bytes.append(0x0A)
        }
    }
}
