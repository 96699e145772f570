"""A forward HTTP proxy on 127.0.0.1 for the outbound client's tests (standard library only).

CONNECT host:port opens a tunnel (RFC 9110 §9.3.6); a request in absolute form
(GET http://host:port/path HTTP/1.1, RFC 9112 §3.2.2) is forwarded in origin form, one request
per connection. With --auth user:password, requests without the matching
Proxy-Authorization: Basic … get 407. Each request line is appended to the --log file as
"<request line> -> <status>", so a test can tell the proxy was used.

Prints `PORT <n>` on its first line, then serves until stdin closes or it is terminated.
Usage: python forward_proxy.py --log FILE [--auth user:password]
"""
import argparse
import asyncio
import base64
import sys
import urllib.parse

HEAD_LIMIT = 64 * 1024


class Proxy:
    def __init__(self, log_path, auth):
        self.log_path = log_path
        self.expected = None
        if auth is not None:
            self.expected = "Basic " + base64.b64encode(auth.encode()).decode()

    def log(self, request_line, status):
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"{request_line} -> {status}\n")

    async def handle(self, reader, writer):
        try:
            await self.serve(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def serve(self, reader, writer):
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        request_line = lines[0]
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        parts = request_line.split(" ")
        if len(parts) != 3:
            return await self.answer(writer, request_line, "400 Bad Request")
        method, target, _ = parts
        if self.expected is not None and headers.get("proxy-authorization") != self.expected:
            return await self.answer(
                writer, request_line, "407 Proxy Authentication Required", ['Proxy-Authenticate: Basic realm="test"'])
        if method == "CONNECT":
            host, _, port = target.rpartition(":")
            await self.tunnel(reader, writer, request_line, host.strip("[]"), int(port))
        elif target.startswith("http://"):
            await self.forward(reader, writer, request_line, method, target, lines[1:], headers)
        else:
            await self.answer(writer, request_line, "400 Bad Request")

    async def answer(self, writer, request_line, status, extra=()):
        self.log(request_line, status.split(" ")[0])
        head = [f"HTTP/1.1 {status}", "Content-Length: 0", "Connection: close", *extra]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
        await writer.drain()

    async def tunnel(self, reader, writer, request_line, host, port):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        except OSError:
            return await self.answer(writer, request_line, "502 Bad Gateway")
        self.log(request_line, "200")
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    async def forward(self, reader, writer, request_line, method, target, header_lines, headers):
        url = urllib.parse.urlsplit(target)
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(url.hostname, url.port or 80)
        except OSError:
            return await self.answer(writer, request_line, "502 Bad Gateway")
        self.log(request_line, "forwarded")
        path = (url.path or "/") + (f"?{url.query}" if url.query else "")
        hop_by_hop = ("proxy-authorization:", "proxy-connection:", "connection:")
        kept = [line for line in header_lines if line and not line.lower().startswith(hop_by_hop)]
        upstream_head = [f"{method} {path} HTTP/1.1", *kept, "Connection: close"]
        upstream_writer.write(("\r\n".join(upstream_head) + "\r\n\r\n").encode("latin-1"))
        length = int(headers.get("content-length", "0"))
        if length:
            upstream_writer.write(await reader.readexactly(length))
        await upstream_writer.drain()
        await pipe(upstream_reader, writer)


async def pipe(source, destination):
    try:
        while data := await source.read(16384):
            destination.write(data)
            await destination.drain()
    except ConnectionError:
        pass
    finally:
        destination.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--auth")
    arguments = parser.parse_args()
    proxy = Proxy(arguments.log, arguments.auth)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", 0, limit=HEAD_LIMIT)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    # The test closes stdin (or terminates us) when done.
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
