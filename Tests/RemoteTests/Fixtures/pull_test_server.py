#!/usr/bin/env python3
"""A loopback HTTP server for the `curate pull` tests. Serves files under ROOT (argv[1]) with
ETag / Last-Modified / Range, and misbehaves on purpose by path prefix:

  /files/P            the file, honouring Range, If-Range, If-None-Match, If-Modified-Since
  /norange/P          the file, always whole (ignores Range) but with validators
  /redirect/N/P       N redirects (302) then /files/P
  /drop-once/P        the first request for P sends half the body and closes; later ones serve /files/P
  /stall/P            sends headers and 10 bytes, then waits 30 s
  /status/CODE        an error page with that status
  /log                the requests so far, one line each: METHOD PATH STATUS BODY-BYTES RANGE

Prints the port on stdout, then serves until killed.
"""
import email.utils
import hashlib
import http.server
import os
import sys
import threading
import time

ROOT = os.path.abspath(sys.argv[1])
LOG = []
DROPPED = set()
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status, sent):
        with LOCK:
            LOG.append(f"GET {self.path} {status} {sent} {self.headers.get('Range', '-')}")

    def send_body(self, status, body, headers=()):
        # Logged before the response goes out, so a client that asks for /log after its
        # request finished always finds the line (another thread serves /log).
        self.record(status, len(body))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("/", 2)
        kind = parts[1] if len(parts) > 1 else ""
        rest = parts[2] if len(parts) > 2 else ""
        if kind == "log":
            with LOCK:
                text = "\n".join(LOG) + "\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text.encode())
            return
        if kind == "status":
            return self.send_body(int(rest), f"<html>error {rest}</html>".encode(), [("Content-Type", "text/html")])
        if kind == "redirect":
            count, _, path = rest.partition("/")
            target = f"/redirect/{int(count) - 1}/{path}" if int(count) > 1 else f"/files/{path}"
            return self.send_body(302, b"moved", [("Location", target)])
        path = os.path.normpath(os.path.join(ROOT, rest))
        if not path.startswith(ROOT) or not os.path.isfile(path):
            return self.send_body(404, b"not found")
        with open(path, "rb") as handle:
            data = handle.read()
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(os.path.getmtime(path), usegmt=True)
        validators = [("ETag", etag), ("Last-Modified", modified), ("Accept-Ranges", "bytes")]
        if kind == "drop-once" and rest not in DROPPED:
            DROPPED.add(rest)
            self.send_response(200)
            for name, value in validators:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            half = len(data) // 2
            self.record(200, half)
            self.wfile.write(data[:half])
            self.wfile.flush()
            self.close_connection = True
            return
        if kind == "stall":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.record(200, 10)
            self.wfile.write(data[:10])
            self.wfile.flush()
            time.sleep(30)
            return
        if kind not in ("files", "drop-once", "norange"):
            return self.send_body(404, b"unknown route")
        if self.headers.get("If-None-Match") == etag:
            self.record(304, 0)
            self.send_response(304)
            for name, value in validators:
                self.send_header(name, value)
            self.end_headers()
            return
        range_header = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if kind != "norange" and range_header and range_header.startswith("bytes=") and (if_range is None or if_range in (etag, modified)):
            start = int(range_header[6:].split("-")[0])
            if start >= len(data):
                return self.send_body(416, b"", [("Content-Range", f"bytes */{len(data)}")])
            return self.send_body(206, data[start:], validators + [("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")])
        return self.send_body(200, data, validators)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
