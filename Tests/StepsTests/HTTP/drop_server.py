"""A server on 127.0.0.1 that reads each request whole, records it, and closes the connection
without answering (with --answer, the first request of the run gets a 200 on a kept-alive
connection). Prints its port, then one line per request: method, path, declared and received
body lengths. Exits when its standard input closes."""
import os
import socket
import sys
import threading


def read_request(connection):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path = lines[0].split(" ")[:2]
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return method, path, length, len(body)


ANSWERED = threading.Lock()


def serve(connection, answer_first):
    # With --answer, only the very first request of the run is answered (whichever connection
    # brings it); every other request is read whole, recorded, and its connection dropped.
    # No time-outs on the connection: a kept-alive client may be slow to send its next request
    # on a loaded machine, and the connection must still be there for it.
    try:
        while True:
            request = read_request(connection)
            if request is None:
                break
            print("%s %s %d %d" % request, flush=True)
            if answer_first and ANSWERED.acquire(blocking=False):
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}")
                continue
            break
    finally:
        connection.close()


def exit_when_stdin_closes():
    # The test holds our standard input open; when it closes it (or dies), so do we.
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    answer_first = "--answer" in sys.argv
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    print(server.getsockname()[1], flush=True)
    while True:
        connection, _ = server.accept()
        threading.Thread(target=serve, args=(connection, answer_first), daemon=True).start()


if __name__ == "__main__":
    main()
