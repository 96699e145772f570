"""HTTPS test server for the HTTP client tests: python3 tls_server.py CERT.pem KEY.pem

Listens on 127.0.0.1 on a free port, prints the port on the first line of standard output,
answers every GET with 200 "hello over tls" and an X-SNI header naming the server name the
client sent (or "-" when it sent none) and an X-Client-Port header (the same port twice means
the same connection), and exits when standard input closes (so it never
outlives the test that started it). Standard library only.
"""
import http.server
import os
import ssl
import sys
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b"hello over tls"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-Client-Port", str(self.client_address[1]))
        self.send_header("X-SNI", getattr(self.connection, "server_name_sent", None) or "-")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def main():
    cert, key = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def remember_server_name(ssl_socket, server_name, _context):
        ssl_socket.server_name_sent = server_name

    context.sni_callback = remember_server_name
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)

    def exit_when_stdin_closes():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
