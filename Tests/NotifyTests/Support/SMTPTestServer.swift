import Foundation
import TestSupport

/// A real SMTP server (aiosmtpd, `smtp_test_server.py`) on 127.0.0.1, with a certificate made
/// for this test run. Python comes from the repository's `.venv-ci` (what `.ci/run` builds) or PATH.
final class SMTPTestServer: @unchecked Sendable {
    enum Mode: String {
        case starttls, tls, plain, silent
    }

    /// What Python's email parser made of a received message.
    struct ReceivedMessage: Decodable {
        struct Part: Decodable {
            var contentType: String
            var charset: String?
            var transferEncoding: String?
            var content: String

            enum CodingKeys: String, CodingKey {
                case content, charset
                case contentType = "content_type"
                case transferEncoding = "transfer_encoding"
            }
        }

        var headers: [String: String]
        var contentType: String
        var isMultipart: Bool
        var defects: [String]
        var parts: [Part]
        var maxLineLength: Int
        var bareLF: Bool
        var mailFrom: String
        var rcptTos: [String]
        var tls: Bool
        var authenticated: Bool

        enum CodingKeys: String, CodingKey {
            case headers, defects, parts, tls, authenticated
            case contentType = "content_type"
            case isMultipart = "is_multipart"
            case maxLineLength = "max_line_length"
            case bareLF = "bare_lf"
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
        }
    }

    static let username = "sync-bot"
    static let password = "s3cret-Pa55word-for-tests"

    let port: Int
    let spool: TemporaryDirectory
    private let process: Process

    /// The test certificate (self-signed, for 127.0.0.1 and localhost) and its key, made once per run.
    /// A failure (no openssl) is kept and thrown to every test that needs TLS, naming the fix.
    static var certificate: (certificate: URL, key: URL, pem: String) {
        get throws { try madeCertificate.get() }
    }

    private static let madeCertificate = Result { () throws -> (certificate: URL, key: URL, pem: String) in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flash-sync-smtp-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem")
        let key = folder.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", key.path, "-out", certificate.path,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw SMTPTestServerError(message: "openssl could not make the test certificate (exit \(openssl.terminationStatus)): install openssl (.ci/run does)")
        }
        return (certificate, key, try String(contentsOf: certificate, encoding: .utf8))
    }

    static var python: String {
        let venv = RepositoryFiles.root.appendingPathComponent(".venv-ci/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    init(mode: Mode = .starttls, requireLogin: Bool = true, refuseAuth: Bool = false, tempfailData: Int = 0, rejectRecipient: String? = nil) throws {
        spool = try TemporaryDirectory("flash-sync-smtp-spool")
        let script = RepositoryFiles.root.appendingPathComponent("Tests/NotifyTests/Support/smtp_test_server.py").path
        var arguments = [Self.python, script, "--spool", spool.url.path, "--mode", mode.rawValue]
        if mode != .plain {
            let made = try Self.certificate
            arguments += ["--cert", made.certificate.path, "--key", made.key.path]
        }
        if requireLogin { arguments += ["--username", Self.username, "--password", Self.password] }
        if refuseAuth { arguments.append("--refuse-auth") }
        if tempfailData > 0 { arguments += ["--tempfail-data", String(tempfailData)] }
        if let rejectRecipient { arguments += ["--reject-rcpt", rejectRecipient] }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // The server exits when this pipe closes, so a crashed test run leaves no server behind.
        process.standardInput = Pipe()
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw SMTPTestServerError(message: "the aiosmtpd test server did not start (run .ci/run, or pip install aiosmtpd): \(message)")
            }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SMTPTestServerError(message: "the test server printed no port")
        }
        self.port = port
    }

    deinit { stop() }

    /// SIGKILL: the test runner's threads block SIGTERM, and a child inherits that mask.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The messages the server accepted, in order.
    func messages() throws -> [ReceivedMessage] {
        var messages: [ReceivedMessage] = []
        var number = 1
        while FileManager.default.fileExists(atPath: spool.path("\(number).json").path) {
            messages.append(try JSONDecoder().decode(ReceivedMessage.self, from: Data(contentsOf: spool.path("\(number).json"))))
            number += 1
        }
        return messages
    }

    func rawMessage(_ number: Int) throws -> Data {
        try Data(contentsOf: spool.path("\(number).eml"))
    }

    /// One line per AUTH attempt: `PLAIN tls=True ok=True`.
    var authAttempts: [String] {
        ((try? spool.read("auth.log")) ?? "").split(separator: "\n").map(String.init)
    }
}

struct SMTPTestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
