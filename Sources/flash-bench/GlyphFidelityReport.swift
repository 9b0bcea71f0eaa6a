import Foundation

/// The Markdown table and summary for a fidelity and speed comparison.
struct GlyphFidelityReport {
    let rows: [GlyphFidelityRow]
    let size: Int
    let iterations: Int
    let resvgStartupMilliseconds: Double

    static let shareGoal = 0.97
    static let madGoal = 2.0

    var markdown: String {
        var lines = [
            "## Glyph rasterizer vs resvg (\(rows.count) SVGs at \(size) px, median of \(iterations) runs)",
            "",
            "| file | within ±8 | MAD | ours parse+render ms | ours +PNG ms | resvg ms (whole process) | goal |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in rows {
            lines.append("| \(row.file) | \(percent(row.shareWithinTolerance)) | \(fixed(row.meanAbsoluteDifference, 3)) | "
                + "\(fixed(row.oursMilliseconds, 3)) | \(fixed(row.oursWithEncodeMilliseconds, 3)) | \(fixed(row.resvgMilliseconds, 3)) | "
                + "\(meetsGoal(row) ? "ok" : "BELOW") |")
        }
        let failing = rows.filter { !meetsGoal($0) }.map(\.file)
        let ours = rows.map(\.oursWithEncodeMilliseconds).reduce(0, +)
        let theirs = rows.map(\.resvgMilliseconds).reduce(0, +)
        let theirsNet = rows.map { max($0.resvgMilliseconds - resvgStartupMilliseconds, 0) }.reduce(0, +)
        lines += [
            "",
            "- files: \(rows.count); minimum share within ±8: \(percent(rows.map(\.shareWithinTolerance).min() ?? 0)); "
                + "maximum MAD: \(fixed(rows.map(\.meanAbsoluteDifference).max() ?? 0, 3))",
            "- below goal (≥ \(percent(Self.shareGoal)) and ≤ \(fixed(Self.madGoal, 1))): "
                + (failing.isEmpty ? "none" : failing.joined(separator: ", ")),
            "- total time, ours in process (parse + render + PNG): \(fixed(ours, 1)) ms; "
                + "resvg per process: \(fixed(theirs, 1)) ms; resvg less its start-up "
                + "(\(fixed(resvgStartupMilliseconds, 2)) ms for an empty 1×1 image): \(fixed(theirsNet, 1)) ms",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    private func meetsGoal(_ row: GlyphFidelityRow) -> Bool {
        row.shareWithinTolerance >= Self.shareGoal && row.meanAbsoluteDifference <= Self.madGoal
    }

    private func percent(_ value: Double) -> String { fixed(value * 100, 2) + "%" }

    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
