import Foundation
import Testing

/// Golden files for rendered output: compared byte for byte; `RECORD_SNAPSHOTS=1` rewrites them.
package enum Golden {
    /// The golden file `name` in `folder`, by default the `Golden/` folder beside the calling test file.
    package static func check(
        _ actual: String, named name: String, in folder: URL? = nil, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let folder = folder ?? URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(name) differs from its golden file:\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}
