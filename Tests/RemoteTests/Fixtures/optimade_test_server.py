#!/usr/bin/env python3
"""A loopback OPTIMADE `structures` endpoint for the `curate ingest optimade URL` tests. Serves
the resources of a saved response (argv[1]) page by page with `links.next`, evaluating two
filter forms (`nelements<=N`, `elements HAS "X"`); refuses unknown properties with a 400 error
document. Routes by prefix: /v1/structures (normal), /broken/v1/structures (not JSON),
/error/v1/structures (HTTP 500 page), /flaky/v1/structures (the second page fails once).
Prints the port, then serves until killed.
"""
import http.server
import json
import re
import sys
import urllib.parse

with open(sys.argv[1]) as handle:
    SAVED = json.load(handle)
RESOURCES = SAVED["data"]
KNOWN = {"nelements", "elements", "chemical_formula_reduced", "nsites", "id"}
FAILED_ONCE = set()
ERROR_META = {
    "api_version": "1.2.0", "more_data_available": False, "data_returned": 0, "data_available": 0,
    "schema": "https://schemas.optimade.org/openapi/v1.2.0/optimade.json",
    "provider": {"name": "Loopback test provider", "description": "Serves a saved response for the curate tests",
                 "prefix": "test", "homepage": "https://example.com/"},
    "implementation": {"name": "curate optimade_test_server.py", "version": "1",
                       "homepage": "https://example.com/optimade-test-server",
                       "source_url": "https://example.com/optimade-test-server/source",
                       "maintainer": {"email": "nobody@example.com"},
                       "issue_tracker": "https://example.com/optimade-test-server/issues"},
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/vnd.api+json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        parsed = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(parsed.query)
        route = parsed.path
        if route == "/error/v1/structures":
            return self.send(500, "<html><body>Internal Server Error</body></html>", "text/html")
        if route == "/broken/v1/structures":
            return self.send(200, '{"data": [ {"id": 1, ')
        if route not in ("/v1/structures", "/flaky/v1/structures"):
            return self.send(404, json.dumps({"errors": [{"status": "404", "title": "Not Found", "detail": route}]}))
        text = query.get("filter", [""])[0]
        limit = int(query.get("page_limit", ["2"])[0])
        offset = int(query.get("page_offset", ["0"])[0])
        for name in re.findall(r"\b([a-z_][a-z_0-9]*)\s*(?:<=|>=|=|<|>|HAS)", text):
            if name not in KNOWN:
                # Shaped like the reference server's (optimade-python-tools): `meta` first, about
                # 700 bytes of it, so the detail lies beyond a short excerpt of the body.
                return self.send(400, json.dumps({"meta": ERROR_META, "errors": [
                    {"status": "400", "title": "Bad Request", "detail": f"Unknown property: {name}"}]}))
        if route == "/flaky/v1/structures" and offset == limit and not FAILED_ONCE:
            FAILED_ONCE.add(offset)
            return self.send(500, "<html>try again</html>", "text/html")
        selected = RESOURCES
        match = re.search(r"nelements\s*<=\s*(\d+)", text)
        if match:
            selected = [r for r in selected if (r["attributes"].get("nelements") or 99) <= int(match.group(1))]
        for element in re.findall(r'elements\s+HAS\s+"([A-Z][a-z]?)"', text):
            selected = [r for r in selected if element in (r["attributes"].get("elements") or [])]
        page = selected[offset:offset + limit]
        more = offset + limit < len(selected)
        next_link = None
        if more:
            following = dict(query)
            following["page_offset"] = [str(offset + limit)]
            next_link = f"http://{self.headers['Host']}{route}?" + urllib.parse.urlencode({k: v[0] for k, v in following.items()})
        meta = dict(SAVED["meta"])
        meta.update({"data_returned": len(selected), "more_data_available": more})
        self.send(200, json.dumps({"links": {"next": next_link}, "data": page, "meta": meta}))


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
