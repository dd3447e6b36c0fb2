import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// Credentials written into a URL reach the server through the credential callback and never land on disk.
@Suite("Credentials stay in memory", .tags(.git))
struct CredentialsInMemoryTests {
    @Test(
        "a clone and a fetch from http://user:password@ authenticate, and the clone's .git holds no password",
        .enabled(if: isGitHTTPAvailable, "needs python3 and git http-backend"), .timeLimit(.minutes(1)))
    func userAndPassword() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.path("served").asURL, name: "nova", files: ["a.txt": "a\n"])
            try withGitHTTPServer(basePath: dir.path("served").asURL, user: "fleet", password: "s3cret") { server in
                let url = server.url("nova.git", userInfo: "fleet:s3cret@")
                let clone = try Repository.clone(from: url, to: dir.path("clone"))
                #expect(try clone.headCommit() == remote.tip())
                #expect(try clone.remoteURL() == server.url("nova.git"))
                try remote.commit(["a.txt": "a2\n"])
                try clone.fetch(options: RemoteOptions(credentials: Credentials.from(url: url, environment: [:])))
                #expect(try clone.resolveCommit("refs/remotes/origin/master") == remote.tip())
                #expect(filesContaining("s3cret", under: dir.path("clone").asURL) == [])
                #expect(server.authorizations().contains("Basic " + Data("fleet:s3cret".utf8).base64EncodedString()))
            }
        }
    }

    @Test(
        "a token written as the URL's user alone (http://token@host) is sent as the user, and is not stored",
        .enabled(if: isGitHTTPAvailable, "needs python3 and git http-backend"), .timeLimit(.minutes(1)))
    func tokenAsUser() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.path("served").asURL, name: "nova", files: ["a.txt": "a\n"])
            try withGitHTTPServer(basePath: dir.path("served").asURL, user: "t0ken", password: "") { server in
                let clone = try Repository.clone(
                    from: server.url("nova.git", userInfo: "t0ken@"), to: dir.path("clone"))
                #expect(try clone.headCommit() == remote.tip())
                #expect(filesContaining("t0ken", under: dir.path("clone").asURL) == [])
                #expect(server.authorizations().contains("Basic " + Data("t0ken:".utf8).base64EncodedString()))
            }
        }
    }

    @Test("a git:// clone keeps the URL's user info out of .git/config and every reflog")
    func gitDaemon() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.path("served").asURL, name: "nova", files: ["a.txt": "a\n"])
            try withGitDaemon(basePath: dir.path("served").asURL) { daemon in
                let url = daemon.url("nova.git").replacingOccurrences(of: "git://", with: "git://tok:s3cret@")
                let clone = try Repository.clone(from: url, to: dir.path("clone"))
                #expect(try clone.headCommit() == remote.tip())
                #expect(try clone.remoteURL() == daemon.url("nova.git"))
                #expect(filesContaining("s3cret", under: dir.path("clone").asURL) == [])
            }
        }
    }

    @Test(
        "a remote URL splits into where it points and who it names; ssh keeps its user",
        arguments: [
            ("https://user:p%40ss@host/x", "https://host/x", "user", "p@ss"),
            ("http://t0ken@127.0.0.1:8080/x", "http://127.0.0.1:8080/x", "t0ken", nil),
            ("git://tok:secret@host/x", "git://host/x", "tok", "secret"),
            (
                "ssh://fleet:pw@review.opendev.org:29418/nova", "ssh://fleet@review.opendev.org:29418/nova", "fleet",
                "pw"
            ),
            ("https://host/path@x:y", "https://host/path@x:y", nil, nil),
            ("git@github.com:org/repo.git", "git@github.com:org/repo.git", nil, nil),
            ("/srv/git/nova.git", "/srv/git/nova.git", nil, nil),
        ] as [(String, String, String?, String?)])
    func split(url: String, clean: String, user: String?, password: String?) {
        let remote = RemoteURL(url)
        #expect(remote.url == clean)
        #expect(remote.user == user)
        #expect(remote.password == password)
    }

    @Test("free text has every URL's user info redacted, with or without a colon")
    func redactText() {
        let text = "cannot reach http://t0ken@h1/x or git://a:b@h2/y; see ssh://u@h3/z and /srv/a@b"
        #expect(
            redactingURLs(in: text)
                == "cannot reach http://***@h1/x or git://a:***@h2/y; see ssh://***@h3/z and /srv/a@b")
    }
}

private let isGitHTTPAvailable: Bool =
    (try? ProcessRunner.run("python3", ["--version"]))?.isSuccess == true
    && (try? ProcessRunner.run("git", ["http-backend", "--help"])) != nil

extension String {
    fileprivate var asURL: URL { URL(fileURLWithPath: self) }
}
