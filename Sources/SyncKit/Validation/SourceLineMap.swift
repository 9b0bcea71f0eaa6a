/// Maps a line of a rendered file back to the upstream source file, so annotations land on the
/// line a maintainer edits. Rendering adds lines at one place (the version stamp); lines after the
/// first difference shift by the difference in line counts.
package struct SourceLineMap: Sendable {
    private let firstDifference: Int
    private let shift: Int

    package init(rendered: String, source: String?) {
        guard let source else {
            firstDifference = 0
            shift = 0
            return
        }
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < min(renderedLines.count, sourceLines.count), renderedLines[index] == sourceLines[index] { index += 1 }
        firstDifference = index + 1
        shift = renderedLines.count - sourceLines.count
    }

    package func sourceLine(_ renderedLine: Int) -> Int {
        guard renderedLine > firstDifference, shift > 0 else { return renderedLine }
        return max(firstDifference, renderedLine - shift)
    }
}
