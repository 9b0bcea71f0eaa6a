/// Why an email was not sent, with the server's own text where there is one.
package enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered a step with an error reply (4xx transient, 5xx permanent).
    case rejected(stage: String, reply: SMTPReply)
    case startTLSUnavailable(host: String)
    case authenticationUnavailable(advertised: [String])
    case authenticationFailed(reply: SMTPReply)
    case tls(String)
    case connection(String)
    case timeout(waitingFor: String, seconds: Int)
    case malformedReply(String)
    case invalidSettings(String)

    /// Worth another attempt later: a 4xx reply, a dropped connection or a time-out.
    package var isTransient: Bool {
        switch self {
        case .rejected(_, let reply): reply.isTransient
        case .connection, .timeout: true
        default: false
        }
    }

    package var description: String {
        switch self {
        case .rejected(let stage, let reply):
            "The SMTP server refused \(stage): \(reply)."
                + (reply.isTransient ? " This is temporary (4xx); it was retried and still failed. Re-run later." : " Fix the address or the server settings.")
        case .startTLSUnavailable(let host):
            "\(host) does not offer STARTTLS, and smtp-security is starttls: nothing was sent, no credentials left this machine. "
                + "Use smtp-security: tls with the server's TLS port (usually 465), or a server that supports STARTTLS."
        case .authenticationUnavailable(let advertised):
            "The SMTP server offers no authentication flash-sync speaks (PLAIN or LOGIN)"
                + (advertised.isEmpty ? " and advertises no AUTH at all" : "; it offers \(advertised.joined(separator: ", "))")
                + ". Leave smtp-username empty if the server needs no login."
        case .authenticationFailed(let reply):
            "The SMTP server rejected the login: \(reply). Check smtp-username and smtp-password."
        case .tls(let reason):
            "The TLS handshake with the SMTP server failed: \(reason). Check smtp-host (it must match the certificate) and, for a private CA, smtp-ca-file."
        case .connection(let reason):
            "The SMTP connection failed: \(reason)."
        case .timeout(let stage, let seconds):
            "The SMTP server did not answer \(stage) within \(seconds) s. Check smtp-host, smtp-port and smtp-security (465 is tls, 587 starttls)."
        case .malformedReply(let line):
            "The SMTP server sent something that is not an SMTP reply: '\(line)'. Check smtp-port."
        case .invalidSettings(let reason):
            reason
        }
    }
}
