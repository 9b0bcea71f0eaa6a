import Foundation

/// GitHub's published REST contract (the OpenAPI description as PyPI's githubkit-schemas-2022-11-28
/// carries it), checked for every request the fake receives by the oracle
/// `Tests/StepsTests/Oracles/github_contract.py`: the endpoint exists, its query parameters are
/// the endpoint's, its body fits the endpoint's request model. One oracle process serves every
/// fake of the test run, a request per line.
package final class GitHubContract: @unchecked Sendable {
    package static let shared = GitHubContract()
    static let script = "Tests/StepsTests/Oracles/github_contract.py"

    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var buffer = Data()
    private var failure: String?

    /// What is wrong with a request: empty when it is within the contract. When the oracle cannot
    /// run, that is the one problem, with how to fix it.
    package func problems(method: String, path: String, query: [String: String], body: Data) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if process == nil, failure == nil { start() }
        if let failure { return [failure] }
        var request: [String: Any] = ["method": method, "path": path, "query": query]
        request["body"] = body.isEmpty ? NSNull() : (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) ?? NSNull()
        guard let line = try? JSONSerialization.data(withJSONObject: request), let input else { return ["the request could not be sent to the contract check"] }
        input.write(line + Data("\n".utf8))
        guard let answer = readLine(), let problems = try? JSONSerialization.jsonObject(with: answer) as? [String] else {
            failure = "the GitHub contract check (\(Self.script)) stopped answering"
            return [failure!]
        }
        return problems
    }

    private func start() {
        let fix = "run scripts/test, which installs githubkit-schemas-2022-11-28 into .venv-ci"
        guard FileManager.default.isExecutableFile(atPath: PythonOracle.interpreter.path) else {
            failure = "the GitHub contract check cannot run: \(PythonOracle.interpreter.path) does not exist; \(fix)"
            return
        }
        let process = Process()
        process.executableURL = PythonOracle.interpreter
        process.arguments = [RepositoryFiles.url(Self.script).path, "--serve"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            failure = "the GitHub contract check cannot run: \(error.localizedDescription); \(fix)"
            return
        }
        self.process = process
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        guard let ready = readLine(), (try? JSONSerialization.jsonObject(with: ready) as? [String: Any])?["ready"] != nil else {
            failure = "the GitHub contract check did not start (githubkit-schemas-2022-11-28 missing?); \(fix)"
            return
        }
    }

    /// The next line of the oracle's output, or nil when it ended.
    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            guard let output else { return nil }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
