import Foundation

/// A differential oracle: a Python script of the tests, run with the `.venv-ci` interpreter
/// (where scripts/test installs the PyPI packages it imports). It reads one JSON document on
/// standard input and writes one on standard output.
package struct PythonOracle: Sendable {
    /// The script, relative to the repository root.
    package let script: String
    /// The PyPI packages it needs, named in the error when they are missing.
    package let packages: [String]

    package init(script: String, packages: [String]) {
        self.script = script
        self.packages = packages
    }

    /// The virtualenv's interpreter; the oracle never falls back to a system Python, whose
    /// packages could be other versions.
    package static var interpreter: URL { RepositoryFiles.url(".venv-ci/bin/python") }

    /// Sends `request` as JSON and decodes the answer.
    package func run<Request: Encodable, Answer: Decodable>(_ request: Request, as answer: Answer.Type) throws -> Answer {
        let name = "\(script) (\(packages.joined(separator: ", ")))"
        let fix = "run scripts/test, which installs \(packages.joined(separator: ", ")) into .venv-ci from .ci/requirements.txt"
        guard FileManager.default.isExecutableFile(atPath: Self.interpreter.path) else {
            throw FixtureError.oracleUnavailable(name, reason: "\(Self.interpreter.path) does not exist", fix: fix)
        }
        let input = try JSONEncoder().encode(request)
        let folder = try TemporaryDirectory("flash-sync-oracle")
        let inputFile = folder.path("request.json")
        try input.write(to: inputFile)

        let process = Process()
        process.executableURL = Self.interpreter
        process.arguments = [RepositoryFiles.url(script).path, inputFile.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw FixtureError.oracleUnavailable(name, reason: error.localizedDescription, fix: fix)
        }
        // Read both pipes before waiting, so a large answer cannot fill a pipe and stall the oracle.
        let errorData = ErrorPipeReader(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = errorData.finish()
        guard process.terminationStatus == 0 else {
            throw FixtureError.oracleUnavailable(name, reason: "exit \(process.terminationStatus): \(message.suffix(2_000))", fix: fix)
        }
        do {
            return try JSONDecoder().decode(answer, from: data)
        } catch {
            throw FixtureError.malformed("the answer of \(script)", reason: String(describing: error))
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorPipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
