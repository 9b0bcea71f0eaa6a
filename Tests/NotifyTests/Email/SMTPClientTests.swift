import Foundation
import Notify
import Testing

@Suite("SMTP client against a real SMTP server (aiosmtpd) on 127.0.0.1", .serialized)
struct SMTPClientTests {
    func settings(_ server: SMTPTestServer, security: SMTPSettings.Security = .starttls, login: Bool = true, trust: Bool = true) throws -> SMTPSettings {
        SMTPSettings(
            host: "127.0.0.1", port: server.port, security: security,
            credentials: login ? SMTPCredentials(username: SMTPTestServer.username, password: SMTPTestServer.password) : nil,
            trustedCertificatesPEM: trust ? try SMTPTestServer.certificate.pem : nil,
            connectTimeout: 5, replyTimeout: 5, maxAttempts: 3, retryDelay: 0
        )
    }

    func message(to: String = "team@example.com") throws -> EmailMessage {
        let digest = SyncDigest(try NotifyFixtures.results("mixed"))
        let rendered = RenderedNotifications(digest, redact: { $0 })
        return EmailMessage(
            from: try EmailAddress(parsing: "flash-sync <sync@example.com>"), to: try EmailAddress.list(parsing: to),
            subject: rendered.emailSubject, text: rendered.emailText + "\n.a line that starts with a dot\n", html: rendered.emailHTML,
            date: Date(timeIntervalSince1970: 1_769_774_400), id: UUID()
        )
    }

    @Test("STARTTLS then AUTH: the server receives one well-formed multipart/alternative message over TLS")
    func startTLS() async throws {
        let server = try SMTPTestServer(mode: .starttls)
        let sent = try message(to: "team@example.com, Ops <ops@example.com>")
        let delivery = try await SMTPClient(settings: settings(server)).send(sent)
        #expect(delivery.encrypted && delivery.authenticated && delivery.attempts == 1)
        #expect(delivery.reply.text.hasPrefix("2.0.0 Ok: queued as TEST0001"))

        let received = try #require(try server.messages().first)
        #expect(received.tls && received.authenticated)
        #expect(received.mailFrom == "sync@example.com")
        #expect(received.rcptTos == ["team@example.com", "ops@example.com"])
        #expect(received.isMultipart && received.contentType == "multipart/alternative")
        #expect(received.defects.isEmpty)
        #expect(received.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(received.parts.allSatisfy { $0.charset == "utf-8" && $0.transferEncoding == "quoted-printable" })
        #expect(received.headers["Subject"] == sent.subject)
        #expect(received.headers["MIME-Version"] == "1.0")
        #expect(received.headers["Message-ID"] == "<\(sent.messageID)>")
        #expect(received.headers["Date"] == "Fri, 30 Jan 2026 12:00:00 +0000")
        #expect(received.headers["To"] == "team@example.com, Ops <ops@example.com>")
        let text = received.parts[0].content.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text == sent.text.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(text.contains("\n.a line that starts with a dot\n"), "the dot-stuffed line arrives with one dot")
        #expect(received.parts[1].content.contains("<a href=\"https://github.com/example-org/ml-pipeline/pull/7\">PR #7</a>"))
        #expect(received.maxLineLength <= 78 && !received.bareLF)
        #expect(server.authAttempts == ["PLAIN tls=True ok=True"])
    }

    @Test("implicit TLS (port 465 style) delivers with the login")
    func implicitTLS() async throws {
        let server = try SMTPTestServer(mode: .tls)
        let delivery = try await SMTPClient(settings: settings(server, security: .tls)).send(try message())
        #expect(delivery.encrypted && delivery.authenticated)
        #expect(try server.messages().first?.tls == true)
        #expect(server.authAttempts == ["PLAIN tls=True ok=True"])
    }

    @Test("a refused login is a clear failure carrying the server's 535 text, not a hang")
    func refusedLogin() async throws {
        let server = try SMTPTestServer(mode: .starttls, refuseAuth: true)
        let client = try SMTPClient(settings: settings(server))
        let mail = try message()
        do throws(SMTPError) {
            _ = try await client.send(mail)
            Issue.record("a refused login must fail")
        } catch {
            guard case .authenticationFailed(let reply) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reply.code == 535)
            #expect(error.description.contains("The SMTP server rejected the login: 535"))
            #expect(error.description.contains("smtp-password"))
            #expect(!error.description.contains(SMTPTestServer.password))
        }
        #expect(try server.messages().isEmpty)
        #expect(server.authAttempts.count == 1, "a permanent failure is not retried")
    }

    @Test("with starttls required and not offered, nothing is sent and no credentials leave")
    func noStartTLS() async throws {
        let server = try SMTPTestServer(mode: .plain)
        await #expect(throws: SMTPError.startTLSUnavailable(host: "127.0.0.1")) {
            _ = try await SMTPClient(settings: self.settings(server)).send(try self.message())
        }
        #expect(server.authAttempts.isEmpty)
        #expect(try server.messages().isEmpty)
    }

    @Test("security none with a login sends it in plaintext only because it was asked to, and says so")
    func plaintextLogin() async throws {
        let server = try SMTPTestServer(mode: .plain)
        let delivery = try await SMTPClient(settings: settings(server, security: .none)).send(try message())
        #expect(!delivery.encrypted && delivery.authenticated)
        #expect(delivery.notes == ["smtp-security is none: the SMTP login (smtp-username) crossed the network without TLS."])
        #expect(server.authAttempts == ["PLAIN tls=False ok=True"])
    }

    @Test("a certificate the client does not trust fails the TLS handshake before any login")
    func untrustedCertificate() async throws {
        let server = try SMTPTestServer(mode: .starttls)
        let client = try SMTPClient(settings: settings(server, trust: false))
        let mail = try message()
        do throws(SMTPError) {
            _ = try await client.send(mail)
            Issue.record("an untrusted certificate must fail")
        } catch {
            guard case .tls = error else { Issue.record("expected a TLS error, got \(error)"); return }
        }
        #expect(server.authAttempts.isEmpty)
    }

    @Test("451 to the message is retried (bounded) and then accepted")
    func transientRetried() async throws {
        let server = try SMTPTestServer(mode: .starttls, tempfailData: 2)
        let delivery = try await SMTPClient(settings: settings(server)).send(try message())
        #expect(delivery.attempts == 3)
        #expect(try server.messages().count == 1)
    }

    @Test("451 beyond the attempts is a failure with the server's text")
    func transientExhausted() async throws {
        let server = try SMTPTestServer(mode: .starttls, tempfailData: 5)
        let client = try SMTPClient(settings: settings(server))
        let mail = try message()
        do throws(SMTPError) {
            _ = try await client.send(mail)
            Issue.record("must fail")
        } catch {
            #expect(error.description.contains("451 4.3.0 Mail server temporarily busy, try again later"))
            #expect(error.isTransient)
        }
        #expect(try server.messages().isEmpty)
    }

    @Test("550 for a recipient is final, with the server's text")
    func rejectedRecipient() async throws {
        let server = try SMTPTestServer(mode: .starttls, rejectRecipient: "nobody@example.com")
        let client = try SMTPClient(settings: settings(server))
        let mail = try message(to: "nobody@example.com")
        do throws(SMTPError) {
            _ = try await client.send(mail)
            Issue.record("must fail")
        } catch {
            #expect(error.description.contains("The SMTP server refused the recipient <nobody@example.com>: 550 5.1.1"))
            #expect(!error.isTransient)
        }
        #expect(server.authAttempts.count == 1)
    }

    @Test("a server that never greets times out within the bound")
    func silentServer() async throws {
        let server = try SMTPTestServer(mode: .silent, requireLogin: false)
        var settings = try settings(server)
        settings.replyTimeout = 1
        settings.maxAttempts = 1
        let start = Date()
        await #expect(throws: SMTPError.timeout(waitingFor: "the greeting", seconds: 1)) {
            _ = try await SMTPClient(settings: settings).send(try self.message())
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("nothing listening: a connection error, retried a bounded number of times")
    func refused() async throws {
        let server = try SMTPTestServer(mode: .plain, requireLogin: false)
        let port = server.port
        server.stop()
        let settings = SMTPSettings(host: "127.0.0.1", port: port, security: .none, connectTimeout: 2, replyTimeout: 2, maxAttempts: 2, retryDelay: 0)
        await #expect(throws: SMTPError.self) { _ = try await SMTPClient(settings: settings).send(try self.message()) }
    }
}
