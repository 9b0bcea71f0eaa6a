"""A real SMTP server on 127.0.0.1 for notify's tests (aiosmtpd).

Prints the port it listens on as the first line of stdout, then serves until killed.
Every accepted message is written to --spool as N.eml (raw bytes) and N.json (what Python's
email parser makes of it); every AUTH attempt is appended to --spool/auth.log.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--spool", required=True)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--mode", choices=["starttls", "tls", "plain", "silent"], default="starttls")
parser.add_argument("--username", default="")
parser.add_argument("--password", default="")
parser.add_argument("--refuse-auth", action="store_true", help="every login fails")
parser.add_argument("--tempfail-data", type=int, default=0, help="answer 451 to the first N messages")
parser.add_argument("--reject-rcpt", default="", help="answer 550 to this recipient")
args = parser.parse_args()
os.makedirs(args.spool, exist_ok=True)
state = {"messages": 0, "tempfails": 0}


def encrypted(server, session) -> bool:
    """STARTTLS done, or a connection that was TLS from the first byte."""
    return session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None


def parsed(raw: bytes) -> dict:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "content": part.get_content(),
        })
    return {
        "headers": {key: str(value) for key, value in message.items()},
        "content_type": message.get_content_type(),
        "is_multipart": message.is_multipart(),
        "defects": [type(defect).__name__ for defect in message.defects],
        "parts": parts,
        "max_line_length": max((len(line) for line in raw.split(b"\r\n")), default=0),
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
    }


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.reject_rcpt and address == args.reject_rcpt:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if state["tempfails"] < args.tempfail_data:
            state["tempfails"] += 1
            return "451 4.3.0 Mail server temporarily busy, try again later"
        state["messages"] += 1
        number = state["messages"]
        raw = envelope.original_content or envelope.content
        with open(os.path.join(args.spool, "%d.eml" % number), "wb") as handle:
            handle.write(raw)
        summary = parsed(raw)
        summary["mail_from"] = envelope.mail_from
        summary["rcpt_tos"] = envelope.rcpt_tos
        summary["tls"] = encrypted(server, session)
        summary["authenticated"] = bool(session.authenticated)
        with open(os.path.join(args.spool, "%d.json" % number), "w") as handle:
            json.dump(summary, handle)
        return "250 2.0.0 Ok: queued as TEST%04d" % number


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (not args.refuse_auth and isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == args.username and auth_data.password.decode() == args.password)
    with open(os.path.join(args.spool, "auth.log"), "a") as handle:
        handle.write("%s tls=%s ok=%s\n" % (mechanism, encrypted(server, session), ok))
    # A refused login must not be 'handled', or the client waits for an answer forever.
    return AuthResult(success=True) if ok else AuthResult(success=False, handled=False)


async def silent(reader, writer):
    await asyncio.sleep(3600)


def exit_when_parent_goes():
    """stdin is a pipe from the test process: end of file means it is gone."""
    sys.stdin.buffer.read()
    os._exit(0)


async def main():
    # A child inherits the parent's blocked signals; make SIGTERM and SIGINT work again.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    loop = asyncio.get_running_loop()
    if args.mode == "silent":
        server = await asyncio.start_server(silent, "127.0.0.1", 0)
    else:
        def factory():
            return SMTP(
                Handler(), hostname="smtp.test", ident="flash-sync test SMTP",
                tls_context=context if args.mode == "starttls" else None,
                require_starttls=args.mode == "starttls",
                authenticator=authenticator, auth_required=bool(args.username) or args.refuse_auth,
                auth_require_tls=args.mode == "starttls",
            )
        server = await loop.create_server(factory, "127.0.0.1", 0, ssl=context if args.mode == "tls" else None)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


try:
    asyncio.run(main())
except KeyboardInterrupt:
    sys.exit(0)
