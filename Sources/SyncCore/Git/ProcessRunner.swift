import Foundation

/// Runs a program to completion, with its output captured. Standard error goes to a temporary
/// file, so a chatty program never blocks on a full pipe.
package enum ProcessRunner {
    package struct Output: Sendable {
        package var status: Int32
        package var stdout: Data
        package var stderr: String
    }

    package static func run(
        _ arguments: [String], in directory: URL, environment: [String: String]? = nil, input: Data? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let stdout = Pipe()
        process.standardOutput = stdout
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("flash-sync-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)  // FileHandle below reports a failure
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer {
            try? errorHandle.close()
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardError = errorHandle
        var inputFile: URL?
        if let input {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("flash-sync-stdin-\(UUID().uuidString)")
            try input.write(to: url)
            process.standardInput = try FileHandle(forReadingFrom: url)
            inputFile = url
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
        return Output(status: process.terminationStatus, stdout: data, stderr: errors)
    }
}
