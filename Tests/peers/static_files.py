"""Serves a folder over HTTP on 127.0.0.1 (a schema published at a URL, with files it refers to).

Prints `PORT <n>` on its first line, then serves until stdin closes or it is terminated.
Usage: python static_files.py FOLDER
"""
import functools
import http.server
import sys
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main():
    folder = sys.argv[1]
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # the test closes stdin (or terminates us) when done
    server.shutdown()


if __name__ == "__main__":
    main()
