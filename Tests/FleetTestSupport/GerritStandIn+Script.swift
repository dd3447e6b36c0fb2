extension GerritStandIn {
    /// The stand-in: Python's `http.server`, answering the part of Gerrit's REST API fleet uses, as Gerrit's
    /// documentation shows it (`rest-api.html` "Output", `rest-api-changes.html` "Query Changes", "Abandon Change"):
    /// JSON after a `)]}'` line, `n`/`S` paging with `_more_changes` on the last change of a page (capped at the
    /// configured page size as Gerrit caps at its query limit), `/a/` with HTTP basic authentication (401 without),
    /// and `POST /a/changes/<project>~<number>/abandon` with 409 for a change that is not open.
    static let script = #"""
        import base64, json, sys, threading, time
        from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
        from urllib.parse import urlsplit, parse_qs, unquote

        port, config_path, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        with open(config_path) as f:
            config = json.load(f)
        changes = config["changes"]
        lock = threading.Lock()

        def gerrit_time():
            return time.strftime("%Y-%m-%d %H:%M:%S.000000000", time.gmtime())

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def record(self, authenticated, body=None):
                entry = {"method": self.command, "path": self.path, "authenticated": authenticated}
                if body is not None:
                    entry["body"] = body
                with lock, open(log_path, "a") as log:
                    log.write(json.dumps(entry) + "\n")

            def send(self, status, text, json_body=True):
                data = ((")]}'\n" + text) if json_body else text).encode()
                self.send_response(status)
                kind = "application/json" if json_body else "text/plain"
                self.send_header("Content-Type", kind + "; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def authenticated(self):
                header = self.headers.get("Authorization", "")
                expected = base64.b64encode((config["user"] + ":" + config["token"]).encode()).decode()
                return header == "Basic " + expected

            def route(self):
                url = urlsplit(self.path)
                path = url.path
                if path.startswith("/a/"):
                    if not self.authenticated():
                        return None, path, url
                    return True, path[2:], url
                return False, path, url

            def do_GET(self):
                auth, path, url = self.route()
                self.record(auth is True)
                if auth is None:
                    return self.send(401, "Unauthorized", json_body=False)
                if path != "/changes/":
                    return self.send(404, "Not found: " + path, json_body=False)
                query = parse_qs(url.query)
                q = query.get("q", [""])[0]
                topic = q[len("topic:"):] if q.startswith("topic:") else None
                limit = min(int(query.get("n", ["500"])[0]), config["pageSize"])
                start = int(query.get("S", ["0"])[0])
                with lock:
                    matching = [c for c in changes if topic is not None and c.get("topic") == topic]
                    page = [dict(c) for c in matching[start:start + limit]]
                if page and start + limit < len(matching):
                    page[-1]["_more_changes"] = True
                self.send(200, json.dumps(page, indent=2))

            def do_POST(self):
                auth, path, url = self.route()
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode() if length else ""
                self.record(auth is True, body)
                if auth is not True:
                    return self.send(401, "Unauthorized", json_body=False)
                parts = path.split("/")
                if len(parts) != 4 or parts[1] != "changes" or parts[3] != "abandon" or "~" not in parts[2]:
                    return self.send(404, "Not found: " + path, json_body=False)
                project, number = unquote(parts[2]).rsplit("~", 1)
                with lock:
                    found = [c for c in changes if c["project"] == project and str(c["_number"]) == number]
                    if not found:
                        return self.send(404, "Not found: " + parts[2], json_body=False)
                    change = found[0]
                    # A change merged between fleet's query and its abandon.
                    if change.pop("fleet_merges_before_abandon", False):
                        change["status"] = "MERGED"
                    if change["status"] != "NEW":
                        return self.send(409, "change is " + change["status"].lower(), json_body=False)
                    change["status"] = "ABANDONED"
                    change["updated"] = gerrit_time()
                    answer = {k: v for k, v in change.items() if k not in ("labels", "submittable")}
                self.send(200, json.dumps(answer, indent=2))

        ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#
}
