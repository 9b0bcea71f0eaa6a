import Diagnostics
import Foundation
import SyncCore
import TestSupport

/// Runs one `run:` script of action.yml with bash, as the runner would: the step's environment,
/// GITHUB_OUTPUT and GITHUB_PATH files in a temporary folder, RUNNER_TEMP beside them.
struct ActionScript {
    struct Result {
        var status: Int32
        var log: String
        var outputs: [String: String]
        var path: [String]
    }

    let script: String
    let directory: TemporaryDirectory

    init(stepID: String) throws {
        let manifest = try ActionManifest.load(RepositoryFiles.url("action.yml"))
        guard let run = manifest.step(id: stepID)?.run else {
            throw Diagnostic.configuration(file: "action.yml", message: "no step with id \(stepID) and a run script.")
        }
        script = run
        directory = try TemporaryDirectory("flash-sync-action")
        try FileManager.default.createDirectory(at: directory.path("runner-temp"), withIntermediateDirectories: true)
    }

    /// Runs the script off the cooperative pool (it may talk to a loopback server in this process).
    func run(_ environment: [String: String]) async throws -> Result {
        let base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.url.path,
            "RUNNER_TEMP": directory.path("runner-temp").path,
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64",
            "GITHUB_OUTPUT": directory.path("github-output").path,
            "GITHUB_PATH": directory.path("github-path").path,
        ]
        let environment = base.merging(environment) { _, new in new }
        let (script, folder) = (script, directory.url)
        let output = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try ProcessRunner.run(["bash", "-c", script], in: folder, environment: environment) })
            }
        }
        var outputs: [String: String] = [:]
        for line in (try? directory.read("github-output"))?.split(separator: "\n") ?? [] {
            guard let equals = line.firstIndex(of: "=") else { continue }
            outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        let path = ((try? directory.read("github-path")) ?? "").split(separator: "\n").map(String.init)
        try? FileManager.default.removeItem(at: directory.path("github-output"))
        return Result(
            status: output.status, log: String(decoding: output.stdout, as: UTF8.self) + output.stderr,
            outputs: outputs, path: path
        )
    }
}
