import Foundation
import NIOCore
import NIOSSL

/// What the client writes: a command (or nothing, to wait for the greeting or a reply that
/// follows earlier data) and the promise its reply completes.
struct SMTPExchange: Sendable {
    /// Bytes to send, CRLF included; nil to only wait for the next reply.
    var bytes: ByteBuffer?
    /// Shown in a time-out error: `EHLO`, `AUTH`, `DATA`... never the arguments.
    var label: String
    var reply: EventLoopPromise<SMTPReply>
}

/// Why a connection failed, kept beside the channel: a command written after the channel closed
/// never reaches the router, and its writer still needs the reason (a failed TLS handshake).
final class SMTPFailureRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var first: SMTPError?

    var error: SMTPError? { lock.withLock { first } }

    func record(_ error: SMTPError) {
        lock.withLock { if first == nil { first = error } }
    }
}

/// Pairs each reply with the exchange that waits for it, in order. Fails every waiter on a
/// time-out, an error or a closed connection, so an `await` never hangs.
final class SMTPReplyRouter: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPExchange
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        var label: String
        var promise: EventLoopPromise<SMTPReply>
        var timer: Scheduled<Void>?
    }

    private let timeout: TimeAmount
    private let record: SMTPFailureRecord
    private var waiters: [Waiter] = []
    private var unclaimed: [SMTPReply] = []
    private var failure: SMTPError?

    init(timeout: TimeAmount, record: SMTPFailureRecord) {
        self.timeout = timeout
        self.record = record
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        if let failure {
            exchange.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        if let bytes = exchange.bytes {
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
        if !unclaimed.isEmpty {
            exchange.reply.succeed(unclaimed.removeFirst())
            return
        }
        waiters.append(Waiter(label: exchange.label, promise: exchange.reply))
        if waiters.count == 1 { armTimer(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard !waiters.isEmpty else {
            unclaimed.append(reply)
            return
        }
        let waiter = waiters.removeFirst()
        waiter.timer?.cancel()
        waiter.promise.succeed(reply)
        if !waiters.isEmpty { armTimer(context: context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? SMTPError {
            failAll(error)
        } else if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            failAll(.tls(Self.describe(error)))
        } else {
            failAll(.connection(Self.describe(error)))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(.connection("the server closed the connection"))
        context.fireChannelInactive()
    }

    private func armTimer(context: ChannelHandlerContext) {
        guard !waiters.isEmpty else { return }
        let label = waiters[0].label
        let seconds = timeout.nanoseconds / 1_000_000_000
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        waiters[0].timer = context.eventLoop.scheduleTask(in: timeout) {
            let (router, context) = bound.value
            router.failAll(.timeout(waitingFor: label, seconds: Int(seconds)))
            context.close(promise: nil)
        }
    }

    private func failAll(_ error: SMTPError) {
        if failure == nil {
            failure = error
            record.record(error)
        }
        let pending = waiters
        waiters = []
        for waiter in pending {
            waiter.timer?.cancel()
            waiter.promise.fail(failure ?? error)
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

@available(*, unavailable)
extension SMTPReplyRouter: Sendable {}

@available(*, unavailable)
extension SMTPReplyDecoder: Sendable {}
