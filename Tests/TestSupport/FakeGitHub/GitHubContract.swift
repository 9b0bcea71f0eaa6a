import Foundation

/// GitHub's published contract, checked for every request the fake receives by the oracle
/// `Tests/StepsTests/Oracles/github_contract.py`. REST against the OpenAPI description as PyPI's
/// githubkit-schemas-2022-11-28 carries it: the endpoint exists, its query parameters are the
/// endpoint's, its body fits the endpoint's request model. GraphQL against GitHub's public schema
/// (`ConformanceData.githubGraphQLSchema`): the document validates (graphql-core), the variables
/// fit their types, preview fields come with their Accept header. One oracle process serves every
/// fake of the test run, a request per line.
package final class GitHubContract: @unchecked Sendable {
    package static let shared = GitHubContract()
    static let script = "Tests/StepsTests/Oracles/github_contract.py"

    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var buffer = Data()
    private var failure: String?

    /// One exchange with the oracle at a time, on a thread of its own (the queue is the only place
    /// the oracle's state is touched, so it needs no lock): waiting for the oracle
    /// (its start takes seconds) never holds a thread of Swift's cooperative pool, which the fakes'
    /// clients and servers share (two threads on two cores).
    private let queue = DispatchQueue(label: "flash-sync.github-contract")

    /// What is wrong with a request: empty when it is within the contract. When the oracle cannot
    /// run, that is the one problem, with how to fix it.
    package func problems(method: String, path: String, query: [String: String], headers: [String: String] = [:], body: Data) async -> [String] {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.exchange(method: method, path: path, query: query, headers: headers, body: body))
            }
        }
    }

    /// Starts the oracle and waits until it is ready (a few seconds, once per test process): a
    /// fake does this before it takes requests, so its clients' time-outs never run while the
    /// oracle loads GitHub's descriptions.
    package func start() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                if self.process == nil, self.failure == nil { self.launch() }
                continuation.resume()
            }
        }
    }

    private func exchange(method: String, path: String, query: [String: String], headers: [String: String], body: Data) -> [String] {
        if process == nil, failure == nil { launch() }
        if let failure { return [failure] }
        let accept = headers.first { $0.key.lowercased() == "accept" }?.value ?? ""
        var request: [String: Any] = ["method": method, "path": path, "query": query, "headers": ["accept": accept]]
        request["body"] = body.isEmpty ? NSNull() : (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) ?? NSNull()
        guard let line = try? JSONSerialization.data(withJSONObject: request), let input else { return ["the request could not be sent to the contract check"] }
        input.write(line + Data("\n".utf8))
        guard let answer = readLine(), let problems = try? JSONSerialization.jsonObject(with: answer) as? [String] else {
            failure = "the GitHub contract check (\(Self.script)) stopped answering"
            return [failure!]
        }
        return problems
    }

    private func launch() {
        let fix = "run scripts/test, which installs githubkit-schemas-2022-11-28 and graphql-core into .venv-ci and fetches GitHub's GraphQL schema"
        let schema = ConformanceData.githubGraphQLSchema
        guard FileManager.default.fileExists(atPath: schema.path) else {
            failure = "the GitHub contract check cannot run: GitHub's GraphQL schema \(schema.path) is missing; \(fix)"
            return
        }
        guard FileManager.default.isExecutableFile(atPath: PythonOracle.interpreter.path) else {
            failure = "the GitHub contract check cannot run: \(PythonOracle.interpreter.path) does not exist; \(fix)"
            return
        }
        let process = Process()
        process.executableURL = PythonOracle.interpreter
        process.arguments = [RepositoryFiles.url(Self.script).path, "--serve", "--graphql-schema", schema.path]
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
        let first = readLine().flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        if let error = first?["error"] as? String {
            failure = "the GitHub contract check cannot run: \(error); \(fix)"
        } else if first?["ready"] == nil {
            failure = "the GitHub contract check did not start (githubkit-schemas-2022-11-28 or graphql-core missing?); \(fix)"
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
