import Foundation
import SyncCore

/// Real git repositories in temporary folders for end-to-end tests.
package enum GitFixture {
    @discardableResult
    package static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=flash-sync tests", "-c", "user.email=tests@flash-sync.invalid",
                             "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        process.environment = GitEnvironment.tests.variables(in: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFixtureError(message: "git \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies a folder of the repository (e.g. `examples/upstream`) into `directory`.
    package static func copyTree(_ relative: String, to directory: URL) throws {
        let source = RepositoryFiles.url(relative)
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for item in try manager.contentsOfDirectory(atPath: source.path) {
            try manager.copyItem(at: source.appendingPathComponent(item), to: directory.appendingPathComponent(item))
        }
    }

    /// `git init`, add everything, commit.
    package static func initialize(_ directory: URL, message: String = "initial") throws {
        try git(["init", "-q"], in: directory)
        try commitAll(directory, message: message)
    }

    package static func commitAll(_ directory: URL, message: String) throws {
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "--allow-empty", "-m", message], in: directory)
    }

    package static func tag(_ name: String, in directory: URL) throws {
        try git(["tag", name], in: directory)
    }
}

package struct GitFixtureError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
