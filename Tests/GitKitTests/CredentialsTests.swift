import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Credentials: parsing, redaction, bounded attempts")
struct CredentialsTests {
    @Test("user and token come from the URL, percent-decoded, before the environment")
    func fromURL() {
        let credentials = Credentials.from(
            url: "https://fleet-bot:t%40k%3Aen@review.opendev.org/openstack/nova",
            environment: ["FLEET_HTTP_USER": "env-user", "FLEET_HTTP_TOKEN": "env-token"])
        #expect(credentials.username == "fleet-bot")
        #expect(credentials.password == "t@k:en")
        #expect(credentials.useSSHAgent == false)
        #expect(credentials.sshPrivateKey == nil)
        #expect(credentials.maxAttempts == 3)
    }

    @Test("without user info in the URL the environment supplies user, token, SSH key and agent")
    func fromEnvironment() {
        let credentials = Credentials.from(
            url: "https://review.opendev.org/openstack/nova",
            environment: [
                "FLEET_HTTP_USER": "env-user", "FLEET_HTTP_TOKEN": "env-token", "FLEET_SSH_KEY": "/keys/id_ed25519",
                "FLEET_SSH_PASSPHRASE": "pass", "SSH_AUTH_SOCK": "/run/agent.sock",
            ])
        #expect(
            credentials
                == Credentials(
                    username: "env-user", password: "env-token", sshPrivateKey: "/keys/id_ed25519",
                    sshPassphrase: "pass", useSSHAgent: true, maxAttempts: 3))
    }

    @Test("an ssh:// URL's user is kept; an empty SSH_AUTH_SOCK means no agent; nothing set means nothing")
    func sshAndEmpty() {
        let ssh = Credentials.from(
            url: "ssh://fleet@review.opendev.org:29418/openstack/nova", environment: ["SSH_AUTH_SOCK": ""])
        #expect(ssh.username == "fleet")
        #expect(ssh.password == nil)
        #expect(ssh.useSSHAgent == false)
        #expect(Credentials.from(url: "/srv/git/nova.git", environment: [:]) == Credentials())
        #expect(Credentials.none.maxAttempts == 1)
        #expect(Credentials.none.password == nil)
    }

    @Test(
        "redactedURL hides the password, or the whole user info when it has no colon (a token as the user)",
        arguments: [
            ("https://user:secret@host/path", "https://user:***@host/path"),
            ("https://user:p@ss@host/x", "https://user:***@host/x"),
            ("https://:token@host/", "https://:***@host/"),
            ("ssh://git:pw@review.opendev.org:29418/nova", "ssh://git:***@review.opendev.org:29418/nova"),
            ("http://user:secret@127.0.0.1:8080", "http://user:***@127.0.0.1:8080"),
            ("https://user@host/path", "https://***@host/path"),
            ("http://secret@host/x", "http://***@host/x"),
            ("https://host/path@x:y", "https://host/path@x:y"),
            ("https://host/path", "https://host/path"),
            ("git@github.com:org/repo.git", "git@github.com:org/repo.git"),
            ("/srv/git/nova.git", "/srv/git/nova.git"),
        ])
    func redaction(url: String, expected: String) {
        #expect(redactedURL(url) == expected)
    }

    @Test(
        "a wrong password against a server that keeps asking ends with an authentication error after maxAttempts",
        .tags(.git), .enabled(if: isPython3Available, "needs python3 to run a small HTTP server"),
        .timeLimit(.minutes(1)))
    func boundedAttempts() throws {
        try withTemporaryDirectory { dir in
            let server = try startAlwaysUnauthorizedServer(log: dir.url.appendingPathComponent("http.log"))
            defer { server.stop() }
            let url = "http://127.0.0.1:\(server.port)/nova.git"
            let options = RemoteOptions(credentials: Credentials(username: "fleet", password: "wrong", maxAttempts: 3))
            let error = gitError { _ = try Repository.clone(from: url, to: dir.path("clone"), options: options) }
            #expect(error?.code == .auth)
            #expect(error?.function == "git_clone(\(url))")
            #expect(error?.message == "authentication failed for \(url) after 3 attempt(s)")
            server.stop()
            let attempts = server.log().components(separatedBy: "\n").filter { $0.hasPrefix("AUTH Basic ") }
            #expect(attempts.count == 3, "\(server.log())")
            // Basic base64("fleet:wrong")
            #expect(attempts.allSatisfy { $0 == "AUTH Basic ZmxlZXQ6d3Jvbmc=" })
        }
    }

    @Test(
        "without credentials a server that asks gets an authentication error at once, and the URL's password is redacted",
        .tags(.git), .enabled(if: isPython3Available, "needs python3 to run a small HTTP server"),
        .timeLimit(.minutes(1)))
    func noCredentials() throws {
        try withTemporaryDirectory { dir in
            let server = try startAlwaysUnauthorizedServer(log: dir.url.appendingPathComponent("http.log"))
            defer { server.stop() }
            let url = "http://127.0.0.1:\(server.port)/nova.git"
            let error = gitError { _ = try Repository.clone(from: url, to: dir.path("clone")) }
            #expect(error?.code == .auth)
            #expect(error?.function == "git_clone(\(url))")
            #expect(error?.message == "no credentials for \(url) (the server asked for them)")

            let secretURL = "http://fleet:s3cret@127.0.0.1:\(server.port)/nova.git"
            let secretError = gitError {
                _ = try Repository.clone(
                    from: secretURL, to: dir.path("clone2"),
                    options: RemoteOptions(credentials: Credentials.from(url: secretURL, environment: [:])))
            }
            #expect(secretError?.code == .auth)
            #expect(secretError?.function == "git_clone(http://fleet:***@127.0.0.1:\(server.port)/nova.git)")
            #expect(secretError.map { !"\($0)".contains("s3cret") } == true)
            server.stop()
            // Each clone asks once without credentials. libgit2 never sees the second URL's user:password (GitKit
            // strips it), so only GitKit's callback answers, maxAttempts (3) times, and then gives up.
            let requests = server.log().components(separatedBy: "\n").filter { $0.hasPrefix("AUTH ") }
            #expect(requests.filter { $0 == "AUTH None" }.count == 2, "\(server.log())")
            #expect(requests.filter { $0 == "AUTH Basic ZmxlZXQ6czNjcmV0" }.count == 3, "\(server.log())")
            #expect(requests.count == 2 + 3)
        }
    }
}

private let isPython3Available: Bool = (try? ProcessRunner.run("python3", ["--version"]))?.isSuccess ?? false

/// An HTTP server that answers every request with 401 and logs each request's Authorization header.
private func startAlwaysUnauthorizedServer(log: URL) throws -> ServerProcess {
    let script = """
        import http.server, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self):
                sys.stderr.write("AUTH %s\\n" % self.headers.get("Authorization"))
                sys.stderr.flush()
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="fleet-test"')
                self.send_header("Content-Length", "0")
                self.end_headers()
            do_GET = answer
            do_POST = answer
            def log_message(self, *args):
                pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """
    return try ServerProcess.start("/usr/bin/env", logURL: log) { port in ["python3", "-u", "-c", script, String(port)]
    }
}
