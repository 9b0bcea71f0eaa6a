import Foundation
import NIOCore
import NIOSSL

/// Sends one message over SMTP: greeting, EHLO, STARTTLS (required when asked for),
/// AUTH PLAIN or LOGIN only on an encrypted connection (or with `security: none`, which the
/// delivery notes), MAIL, RCPT, DATA with dot-stuffing, QUIT. A 4xx reply or a dropped
/// connection is retried from the start a bounded number of times; a 5xx is final.
package struct SMTPClient: Sendable {
    /// How the message went.
    package struct Delivery: Sendable, Equatable {
        package var attempts: Int
        package var encrypted: Bool
        package var authenticated: Bool
        /// The server's reply to the end of DATA (often carries a queue id).
        package var reply: SMTPReply
        /// Things a person should know (credentials sent without TLS because security is none).
        package var notes: [String]
    }

    package let settings: SMTPSettings
    private let tls: NIOSSLContext?
    private let sleep: @Sendable (Double) async -> Void

    package init(
        settings: SMTPSettings,
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) throws(SMTPError) {
        guard !settings.host.isEmpty else { throw .invalidSettings("smtp-host is empty; set it to the mail server's host name.") }
        guard (1...65_535).contains(settings.port) else { throw .invalidSettings("smtp-port \(settings.port) is not a TCP port (1-65535).") }
        self.settings = settings
        self.sleep = sleep
        if settings.security == .none {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.minimumTLSVersion = .tlsv12
            if let pem = settings.trustedCertificatesPEM {
                do {
                    let certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
                    guard !certificates.isEmpty else { throw SMTPError.invalidSettings("smtp-ca-file holds no PEM certificate.") }
                    configuration.trustRoots = .default
                    configuration.additionalTrustRoots = [.certificates(certificates)]
                } catch let error as SMTPError {
                    throw error
                } catch {
                    throw .invalidSettings("smtp-ca-file is not a PEM certificate file: \(error).")
                }
            }
            do {
                tls = try NIOSSLContext(configuration: configuration)
            } catch {
                throw .tls("cannot set up TLS: \(error)")
            }
        }
    }

    /// Sends `message` to every recipient; retries transient failures.
    package func send(_ message: EmailMessage) async throws(SMTPError) -> Delivery {
        var attempt = 0
        while true {
            attempt += 1
            do throws(SMTPError) {
                var delivery = try await deliverOnce(message)
                delivery.attempts = attempt
                return delivery
            } catch {
                guard error.isTransient, attempt < settings.maxAttempts else { throw error }
                await sleep(settings.retryDelay * Double(attempt))
            }
        }
    }

    private func deliverOnce(_ message: EmailMessage) async throws(SMTPError) -> Delivery {
        let connection = try await SMTPConnection.connect(
            host: settings.host, port: settings.port, tls: settings.security == .tls ? tls : nil,
            connectTimeout: settings.connectTimeout, replyTimeout: settings.replyTimeout
        )
        do throws(SMTPError) {
            let delivery = try await converse(connection, message: message)
            _ = try? await connection.send("QUIT", label: "QUIT")
            await connection.close()
            return delivery
        } catch {
            await connection.close()
            throw error
        }
    }

    private func converse(_ connection: SMTPConnection, message: EmailMessage) async throws(SMTPError) -> Delivery {
        var notes: [String] = []
        try expect(await connection.readReply(label: "the greeting"), 220, stage: "the connection (greeting)")
        var hello = try expect(await connection.send("EHLO \(settings.clientName)", label: "EHLO"), 250, stage: "EHLO")

        if settings.security == .starttls {
            guard hello.extensions["STARTTLS"] != nil, let tls else { throw .startTLSUnavailable(host: settings.host) }
            try expect(await connection.send("STARTTLS", label: "STARTTLS"), 220, stage: "STARTTLS")
            try await connection.upgradeToTLS(tls, host: settings.host)
            // Everything the server said before TLS is forgotten (RFC 3207 §4.2): ask again.
            hello = try expect(await connection.send("EHLO \(settings.clientName)", label: "EHLO after STARTTLS"), 250, stage: "EHLO after STARTTLS")
        }

        var authenticated = false
        if let credentials = settings.credentials {
            if !connection.isEncrypted {
                // Only reachable with security: none; starttls and tls have upgraded or failed above.
                precondition(settings.security == .none, "credentials must never travel before TLS")
                notes.append("smtp-security is none: the SMTP login (smtp-username) crossed the network without TLS.")
            }
            try await authenticate(connection, credentials: credentials, mechanisms: hello.extensions["AUTH"] ?? [])
            authenticated = true
        }

        try expect(await connection.send("MAIL FROM:<\(message.from.address)>", label: "MAIL FROM"), 250, stage: "the sender <\(message.from.address)>")
        for recipient in message.to {
            let reply = try await connection.send("RCPT TO:<\(recipient.address)>", label: "RCPT TO")
            guard reply.code == 250 || reply.code == 251 else { throw .rejected(stage: "the recipient <\(recipient.address)>", reply: reply) }
        }
        try expect(await connection.send("DATA", label: "DATA"), 354, stage: "DATA")
        let accepted = try expect(await connection.sendData(DotStuffing.payload(message.rendered())), 250, stage: "the message")
        return Delivery(attempts: 1, encrypted: connection.isEncrypted, authenticated: authenticated, reply: accepted, notes: notes)
    }

    private func authenticate(_ connection: SMTPConnection, credentials: SMTPCredentials, mechanisms: [String]) async throws(SMTPError) {
        if mechanisms.contains("PLAIN") {
            var reply = try await connection.send("AUTH PLAIN \(credentials.plainResponse)", label: "AUTH")
            if reply.code == 334 {
                reply = try await connection.send(credentials.plainResponse, label: "AUTH")
            }
            try checkAuthentication(reply)
        } else if mechanisms.contains("LOGIN") {
            var reply = try await connection.send("AUTH LOGIN", label: "AUTH")
            guard reply.code == 334 else { return try checkAuthentication(reply) }
            reply = try await connection.send(Data(credentials.username.utf8).base64EncodedString(), label: "AUTH")
            guard reply.code == 334 else { return try checkAuthentication(reply) }
            reply = try await connection.send(Data(credentials.password.utf8).base64EncodedString(), label: "AUTH")
            try checkAuthentication(reply)
        } else {
            throw .authenticationUnavailable(advertised: mechanisms)
        }
    }

    private func checkAuthentication(_ reply: SMTPReply) throws(SMTPError) {
        if reply.code == 235 { return }
        if reply.isTransient { throw .rejected(stage: "the login", reply: reply) }
        throw .authenticationFailed(reply: reply)
    }

    @discardableResult
    private func expect(_ reply: SMTPReply, _ code: Int, stage: String) throws(SMTPError) -> SMTPReply {
        guard reply.code == code else { throw .rejected(stage: stage, reply: reply) }
        return reply
    }
}
