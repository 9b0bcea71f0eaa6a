import Foundation

/// How to reach the mail server.
package struct SMTPSettings: Sendable {
    package enum Security: String, Sendable, CaseIterable {
        /// No TLS at all: only for a trusted relay on the same host or network.
        case none
        /// Plain connection upgraded with STARTTLS before anything else; refused if not offered.
        case starttls
        /// TLS from the first byte (SMTPS, port 465).
        case tls

        package var defaultPort: Int {
            switch self {
            case .none: 25
            case .starttls: 587
            case .tls: 465
            }
        }
    }

    package var host: String
    package var port: Int
    package var security: Security
    package var credentials: SMTPCredentials?
    /// PEM certificates to trust in addition to the system's (a private CA, a test server).
    package var trustedCertificatesPEM: String?
    /// Seconds to connect, and to wait for each reply.
    package var connectTimeout: Double
    package var replyTimeout: Double
    /// Attempts in all when the server answers 4xx or the connection drops.
    package var maxAttempts: Int
    package var retryDelay: Double
    /// The name given in EHLO.
    package var clientName: String

    package init(
        host: String, port: Int? = nil, security: Security = .starttls, credentials: SMTPCredentials? = nil,
        trustedCertificatesPEM: String? = nil,
        connectTimeout: Double = 15, replyTimeout: Double = 30, maxAttempts: Int = 3, retryDelay: Double = 5,
        clientName: String = "flash-sync.localhost"
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.trustedCertificatesPEM = trustedCertificatesPEM
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.clientName = clientName
    }
}

/// A login; the password never shows in a description.
package struct SMTPCredentials: Sendable, CustomStringConvertible {
    package var username: String
    package var password: String

    package init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    package var description: String { "\(username):<redacted>" }

    /// `AUTH PLAIN` initial response: base64 of NUL user NUL password.
    var plainResponse: String {
        Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
    }
}
