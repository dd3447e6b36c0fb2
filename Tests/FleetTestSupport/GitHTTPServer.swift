import FleetKit
import Foundation

/// A smart-HTTP git server on 127.0.0.1 (`git http-backend` behind a small Python server) that asks for Basic
/// authentication and accepts only `expectedAuthorization`, logging every request's `Authorization` header.
///
/// Use it through `withGitHTTPServer`, which always stops the server.
public final class GitHTTPServer {
    /// The running server.
    public let server: ServerProcess

    /// Serves the repositories under `basePath`, accepting only `user:password` (base64, as Basic sends it).
    public init(basePath: URL, user: String, password: String) throws {
        let expected = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        let log = basePath.deletingLastPathComponent().appendingPathComponent("git-http.log")
        server = try ServerProcess.start("/usr/bin/env", logURL: log) { port in
            ["python3", "-u", "-c", Self.script, String(port), basePath.path, expected]
        }
    }

    /// The `http://` URL of the repository at `relativePath`, with `userInfo` (`user:password@`) when given.
    public func url(_ relativePath: String, userInfo: String = "") -> String {
        "http://\(userInfo)127.0.0.1:\(server.port)/\(relativePath)"
    }

    /// The `Authorization` header of every request so far (`None` when absent).
    public func authorizations() -> [String] {
        server.log().components(separatedBy: "\n").filter { $0.hasPrefix("AUTH ") }.map { String($0.dropFirst(5)) }
    }

    /// Stops the server; safe to call more than once.
    public func stop() { server.stop() }

    private static let script = """
        import http.server, subprocess, sys
        port, root, expected = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"
            def answer(self):
                auth = self.headers.get("Authorization")
                sys.stderr.write("AUTH %s\\n" % auth)
                sys.stderr.flush()
                if auth != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="fleet-test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                env = {"GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
                       "QUERY_STRING": query, "REQUEST_METHOD": self.command, "REMOTE_USER": "fleet",
                       "CONTENT_TYPE": self.headers.get("Content-Type") or "", "CONTENT_LENGTH": str(len(body)),
                       "PATH": "/usr/bin:/bin"}
                out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
                head, _, payload = out.partition(b"\\r\\n\\r\\n")
                status = 200
                headers = []
                for line in head.decode().split("\\r\\n"):
                    name, _, value = line.partition(":")
                    if name.lower() == "status":
                        status = int(value.split()[0])
                    elif name:
                        headers.append((name, value.strip()))
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            do_GET = answer
            do_POST = answer
            def log_message(self, *args):
                pass
        http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """
}

/// Runs `body` with a ``GitHTTPServer`` and stops the server afterwards whatever happens.
public func withGitHTTPServer<R>(
    basePath: URL, user: String, password: String, _ body: (GitHTTPServer) throws -> R
) throws -> R {
    let server = try GitHTTPServer(basePath: basePath, user: user, password: password)
    defer { server.stop() }
    return try body(server)
}

/// Every file under `folder` whose bytes contain `text`, as paths relative to `folder`.
public func filesContaining(_ text: String, under folder: URL) -> [String] {
    let needle = Data(text.utf8)
    var hits: [String] = []
    let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let file = walker?.nextObject() as? URL {
        guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
            let data = try? Data(contentsOf: file), data.range(of: needle) != nil
        else { continue }
        hits.append(String(file.path.dropFirst(folder.path.count + 1)))
    }
    return hits.sorted()
}
