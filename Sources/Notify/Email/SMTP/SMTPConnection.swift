import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to a mail server, optionally wrapped in TLS from the start or upgraded
/// by STARTTLS. Every wait is bounded: connecting by the connect time-out, every reply by the
/// reply time-out; a time-out closes the connection.
final class SMTPConnection {
    private let channel: any Channel
    private let failure: SMTPFailureRecord
    private(set) var isEncrypted: Bool

    private init(channel: any Channel, failure: SMTPFailureRecord, isEncrypted: Bool) {
        self.channel = channel
        self.failure = failure
        self.isEncrypted = isEncrypted
    }

    /// Connects; with `tls` set the TLS handshake runs before the greeting is read.
    static func connect(
        host: String, port: Int, tls: NIOSSLContext?, connectTimeout: Double, replyTimeout: Double
    ) async throws(SMTPError) -> SMTPConnection {
        let serverName = Self.serverName(for: host)
        let timeout = TimeAmount.milliseconds(Int64(replyTimeout * 1000))
        let failure = SMTPFailureRecord()
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(connectTimeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyRouter(timeout: timeout, record: failure))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            return SMTPConnection(channel: channel, failure: failure, isEncrypted: tls != nil)
        } catch let error as SMTPError {
            throw error
        } catch let error as ChannelError {
            if case .connectTimeout = error { throw .timeout(waitingFor: "the connection to \(host):\(port)", seconds: Int(connectTimeout)) }
            throw .connection("cannot connect to \(host):\(port): \(error)")
        } catch {
            throw .connection("cannot connect to \(host):\(port): \(SMTPReplyRouter.describe(error))")
        }
    }

    /// SNI and certificate name: a host name, or nil for an IP address (checked against the
    /// certificate's IP entries instead).
    static func serverName(for host: String) -> String? {
        let isIPv4 = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIPv4 || host.contains(":") ? nil : host
    }

    /// Waits for the next reply without sending anything (the greeting).
    func readReply(label: String) async throws(SMTPError) -> SMTPReply {
        try await exchange(nil, label: label)
    }

    /// Sends one command line (CRLF added) and waits for its reply.
    func send(_ command: String, label: String) async throws(SMTPError) -> SMTPReply {
        try await exchange(command + "\r\n", label: label)
    }

    /// Sends raw text (the dot-stuffed message) and waits for the reply to it.
    func sendData(_ payload: String) async throws(SMTPError) -> SMTPReply {
        try await exchange(payload, label: "the end of the message data")
    }

    private func exchange(_ text: String?, label: String) async throws(SMTPError) -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let bytes = text.map { channel.allocator.buffer(string: $0) }
        // A write on a channel that has closed (say the TLS handshake failed in between) never
        // reaches the router: fail the reply here, with the reason the router recorded.
        let written = channel.eventLoop.makePromise(of: Void.self)
        let failure = self.failure
        written.futureResult.whenFailure { error in
            promise.fail(failure.error ?? (error as? SMTPError) ?? .connection(SMTPReplyRouter.describe(error)))
        }
        channel.writeAndFlush(SMTPExchange(bytes: bytes, label: label, reply: promise), promise: written)
        do {
            return try await promise.futureResult.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connection(SMTPReplyRouter.describe(error))
        }
    }

    /// After the server's 220 to STARTTLS: puts TLS in front of the decoder. The handshake
    /// runs before the next command leaves; its reply arrives only once the handshake is done.
    func upgradeToTLS(_ tls: NIOSSLContext, host: String) async throws(SMTPError) {
        let serverName = Self.serverName(for: host)
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
            }.get()
        } catch {
            throw .tls(SMTPReplyRouter.describe(error))
        }
        isEncrypted = true
    }

    func close() async {
        try? await channel.close()
    }
}
