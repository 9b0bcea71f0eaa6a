import TestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `git merge-file` on many cases in a few shell processes (one `git` per case and
/// resolution, no per-case process set-up from Swift), for differential tests.
struct GitMergeFileOracle {
    struct Answer: Sendable {
        /// `git merge-file -p --diff3 -L ours -L base -L theirs` output.
        var merged: [UInt8]
        /// Its exit status: the number of conflicts (capped at 127 by git).
        var conflictCount: Int
        /// `--ours` and `--theirs` output, only fetched when there were conflicts.
        var oursResolution: [UInt8]?
        var theirsResolution: [UInt8]?
    }

    enum Failure: Error, CustomStringConvertible {
        case shellFailed(status: Int32, script: String)
        case missingAnswer(caseNumber: Int, directory: String)
        case unwritable(path: String, reason: Int32)

        var description: String {
            switch self {
            case .shellFailed(let status, let script):
                "the git merge-file batch script \(script) exited with \(status); run it by hand to see why (is git on PATH?)"
            case .missingAnswer(let number, let directory):
                "git merge-file left no exit status for case \(number) in \(directory); check disk space and rerun"
            case .unwritable(let path, let reason):
                "cannot write the test case file \(path): \(String(cString: strerror(reason))); check the temporary directory"
            }
        }
    }

    var labels = ["ours", "base", "theirs"]
    var markerSize = 7
    var shards = 2

    func answers(for cases: [RandomMergeCase]) throws -> [Answer] {
        let root = Self.scratchDirectory
            .appendingPathComponent("merge-oracle-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // Plain system calls: thousands of small files, where Foundation's writes are far slower.
        for (number, merge) in cases.enumerated() {
            let directory = root.path + "/\(number)"
            guard mkdir(directory, 0o755) == 0 else { throw Failure.unwritable(path: directory, reason: errno) }
            try Self.write(merge.ours, to: directory + "/ours")
            try Self.write(merge.base, to: directory + "/base")
            try Self.write(merge.theirs, to: directory + "/theirs")
        }
        let script = root.appendingPathComponent("run.sh")
        try batchScript.write(to: script, atomically: true, encoding: .utf8)

        let shardSize = (cases.count + shards - 1) / max(shards, 1)
        let processes = try stride(from: 0, to: cases.count, by: max(shardSize, 1)).map { start in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [script.path, root.path, "\(start)", "\(min(start + shardSize, cases.count))"]
            process.environment = [
                "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": root.path,
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C",
            ]
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw Failure.shellFailed(status: process.terminationStatus, script: script.path)
            }
        }
        return try cases.indices.map { number in
            let directory = root.appendingPathComponent("\(number)", isDirectory: true)
            func read(_ name: String) -> [UInt8]? {
                (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) }
            }
            guard let status = read("status").flatMap({ Int(String(decoding: $0, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)) }),
                let merged = read("merged")
            else { throw Failure.missingAnswer(caseNumber: number, directory: directory.path) }
            return Answer(
                merged: merged, conflictCount: status,
                oursResolution: read("merged-ours"), theirsResolution: read("merged-theirs")
            )
        }
    }

    /// A memory-backed directory when there is one: thousands of tiny files on a virtual disk can
    /// take seconds to create where tmpfs takes milliseconds.
    private static var scratchDirectory: URL {
        FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm", isDirectory: true)
            : FileManager.default.temporaryDirectory
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure.unwritable(path: path, reason: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure.unwritable(path: path, reason: errno) }
    }

    private var batchScript: String {
        let labelArguments = "--marker-size=\(markerSize) " + labels.map { "-L '\($0)'" }.joined(separator: " ")
        return """
        cd "$1" || exit 2
        i=$2
        while [ "$i" -lt "$3" ]; do
          git merge-file -p --diff3 \(labelArguments) "$i/ours" "$i/base" "$i/theirs" > "$i/merged" 2> "$i/errors"
          status=$?
          echo "$status" > "$i/status"
          if [ "$status" -ne 0 ]; then
            git merge-file -p --diff3 --ours \(labelArguments) "$i/ours" "$i/base" "$i/theirs" > "$i/merged-ours" 2>> "$i/errors"
            git merge-file -p --diff3 --theirs \(labelArguments) "$i/ours" "$i/base" "$i/theirs" > "$i/merged-theirs" 2>> "$i/errors"
          fi
          i=$((i + 1))
        done
        exit 0

        """
    }
}
