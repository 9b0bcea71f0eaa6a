import Foundation

/// A real directory tree in a temporary folder, and bash expanding globs over it with
/// `globstar` and `nullglob` on, `dotglob` and `extglob` off: the oracle for `Glob`.
struct BashGlobOracle {
    let root: URL
    let files: [String]

    /// Creates `files` (repository-relative paths) under a fresh temporary folder.
    init(files: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("glob-oracle-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        self.files = files
    }

    func removeTree() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The regular files bash's expansion of each pattern yields, one set per pattern.
    /// Patterns are pasted unquoted into the script so brace expansion and globbing both run.
    func expand(_ patterns: [String]) throws -> [Set<String>] {
        var script = "shopt -s globstar nullglob\nshopt -u dotglob extglob failglob nocaseglob\ncd \"$1\" || exit 3\n"
        for (index, pattern) in patterns.enumerated() {
            script += "printf '\\0@@%s\\0' \(index); for f in \(pattern); do [[ -f $f ]] && printf '%s\\0' \"$f\"; done\n"
        }
        script += "exit 0\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "oracle", root.path]
        process.environment = ["LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleError.bashFailed(process.terminationStatus) }
        var results = Array(repeating: Set<String>(), count: patterns.count)
        var current = -1
        for field in data.split(separator: 0, omittingEmptySubsequences: true) {
            let text = String(decoding: field, as: UTF8.self)
            if text.hasPrefix("@@"), let index = Int(text.dropFirst(2)) {
                current = index
            } else if current >= 0 {
                results[current].insert(text)
            }
        }
        return results
    }

    enum OracleError: Error { case bashFailed(Int32) }

    /// True when `/bin/bash` is bash 5 or later (macOS ships 3.2, which has no `globstar`).
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "echo ${BASH_VERSINFO[0]}"]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return false }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let major = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return major >= 5
    }()
}
