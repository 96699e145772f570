"""Floods a server with malformed and smuggling-shaped requests, then checks it still serves.

Starts BenchServer on 127.0.0.1, sends ROUNDS x the corpus over fresh connections from a few
threads (bounded in count and time), and reports how many were answered with a 4xx/5xx, how many
connections were simply closed, and whether /hello still answers afterwards, with its latency.
"""
import argparse
import socket
import subprocess
import threading
import time

CORPUS = [
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nhello\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost : x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHo\x00st: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n",
    b"GET / HTTP/1.1\nHost: x\n\n",
    b"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
    b"GET / HTTP/3\r\nHost: x\r\n\r\n",
    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(300)) + b"\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"v" * 40000 + b"\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    b"GARBAGE\r\n\r\n",
    b"GET\r\n\r\n",
]


def hello(port):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.startswith(b"HTTP/1.1 200"), (time.monotonic() - started) * 1000


def flood(port, rounds, counts, lock):
    for _ in range(rounds):
        for request in CORPUS:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
                    s.sendall(request)
                    # Half-close: a request that is cut short ends here instead of waiting on a timeout.
                    s.shutdown(socket.SHUT_WR)
                    reply = s.recv(64)
                key = "answered 4xx/5xx" if reply[:10] in (b"HTTP/1.1 4", b"HTTP/1.1 5") else ("closed" if not reply else "other")
            except OSError:
                key = "closed"
            with lock:
                counts[key] = counts.get(key, 0) + 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    server = subprocess.Popen([args.binary, "--port", str(args.port), "--templates", args.templates],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                hello(args.port)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        counts, lock = {}, threading.Lock()
        started = time.monotonic()
        threads = [threading.Thread(target=flood, args=(args.port, args.rounds, counts, lock)) for _ in range(args.threads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        elapsed = time.monotonic() - started
        ok, ms = hello(args.port)
        total = sum(counts.values())
        print(f"malformed flood: {total} requests in {elapsed:.1f} s, {counts}; afterwards /hello ok={ok} in {ms:.2f} ms; "
              f"server alive={server.poll() is None}")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
