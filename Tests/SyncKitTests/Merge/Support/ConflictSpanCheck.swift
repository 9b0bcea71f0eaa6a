import TestSupport
import SyncKit

/// Checks that each reported conflict span starts at a `<<<<<<<` line and ends at a `>>>>>>>` line
/// of the merged output, and that nothing outside the spans is a conflict marker opener.
enum ConflictSpanCheck {
    static func problems(in result: MergeResult, labels: ConflictLabels = ConflictLabels()) -> [String] {
        let lines = result.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var problems: [String] = []
        var insideSpans = Set<Int>()
        for conflict in result.conflicts {
            let span = conflict.outputLines
            insideSpans.formUnion(span.start...span.end)
            guard span.start >= 1, span.end <= lines.count else {
                problems.append("conflict span \(span) lies outside the \(lines.count) output lines")
                continue
            }
            if !lines[span.start - 1].hasPrefix("<<<<<<< \(labels.ours)") {
                problems.append("line \(span.start) should open a conflict: \(String(reflecting: lines[span.start - 1]))")
            }
            if !lines[span.end - 1].hasPrefix(">>>>>>> \(labels.theirs)") {
                problems.append("line \(span.end) should close a conflict: \(String(reflecting: lines[span.end - 1]))")
            }
        }
        for (index, line) in lines.enumerated() where !insideSpans.contains(index + 1) {
            if line.hasPrefix("<<<<<<< ") || line.hasPrefix(">>>>>>> ") {
                problems.append("line \(index + 1) is a conflict marker outside every reported conflict")
            }
        }
        return problems
    }
}
