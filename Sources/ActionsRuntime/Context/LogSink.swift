import Foundation

/// Where a step's log lines go. The executable writes to standard output; tests capture.
package protocol LogSink: Sendable {
    func write(_ text: String)
}

/// Standard output, unbuffered per call so ordering with child processes stays right.
package struct StandardOutputSink: LogSink {
    package init() {}

    package func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Keeps everything written, for tests and for the replay comparison.
package final class CapturedLog: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    package init() {}

    package func write(_ text: String) {
        lock.withLock { buffer += text }
    }

    package var text: String { lock.withLock { buffer } }
    package var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
