#!/usr/bin/env python3
"""A proxy on 127.0.0.1 that answers nothing and records every request it is sent, for the HTML report test.

Prints its port on the first line, then one line per request (the request line as received), flushed. Headless
Chromium started with --proxy-server=http://127.0.0.1:PORT sends every request to it; none reaches the network.
Stops when its standard input closes.
"""
import select
import socket
import sys

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(64)
print(server.getsockname()[1], flush=True)
while True:
    ready, _, _ = select.select([server, sys.stdin], [], [], 30)
    if sys.stdin in ready and not sys.stdin.buffer.read1(1):
        break
    if server in ready:
        connection, _ = server.accept()
        connection.settimeout(2)
        try:
            data = connection.recv(4096)
        except OSError:
            data = b""
        print("REQUEST " + data.split(b"\r\n", 1)[0].decode("latin-1"), flush=True)
        connection.close()
    if not ready:
        break
