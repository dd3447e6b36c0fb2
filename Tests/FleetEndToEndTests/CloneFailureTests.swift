import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// A repo that cannot be cloned or fetched says what is wrong with what, in words a person would use.
@Suite("fleet run: clone and fetch failures a person can act on", .tags(.e2e, .git))
struct CloneFailureTests {
    /// Runs fleet on `repos` (name → url) with no default branch, and returns each repo's message and the output.
    private func run(_ repos: [(String, String)], in directory: URL) throws -> ([String: String], ProcessOutput) {
        var text = "version: 1\nplan: remove-wsgi_scripts\nrepos:\n"
        for (name, url) in repos { text += "  - name: \(name)\n    url: \(url)\n" }
        let manifest = directory.appendingPathComponent("manifest.yaml")
        try Data(text.utf8).write(to: manifest)
        let output = try runFleet(["run", manifest.path, "--quiet"])
        let summary = try SummaryFile.load(from: directory.appendingPathComponent(".fleet/report/summary.json"))
        let messages = summary.repos.reduce(into: [String: String]()) { $0[$1.name] = $1.message ?? "" }
        return (messages, output)
    }

    @Test("local sources: missing, a file, a device, not a repository, empty, a HEAD without its branch, corrupt")
    func localSources() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["plain": "root:x:0:0\n", "folder/readme": "x\n"], under: dir.url)
            _ = try Repository.create(at: dir.path("empty.git"), bare: true)
            let headless = try FixtureRemote(in: dir.url, name: "headless", files: serviceFiles(name: "headless"))
            try Data("ref: refs/heads/main\n".utf8).write(to: headless.bareURL.appendingPathComponent("HEAD"))
            // A remote that lost one object, as a mirror might: git receives a small push as loose objects.
            let corrupt = try FixtureRemote(in: dir.url, name: "corrupt", files: serviceFiles(name: "corrupt"))
            #expect(try runGit(["init", "--bare", "-q", dir.path("lossy.git")]).isSuccess)
            #expect(try runGit(["push", "-q", dir.path("lossy.git"), "master"], in: corrupt.workURL).isSuccess)
            let blob = try runGit(["rev-parse", "master:setup.cfg"], in: corrupt.workURL).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(blob.count == 40)
            try FileManager.default.removeItem(
                atPath: dir.path("lossy.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))

            let (messages, output) = try run(
                [
                    ("a/missing", dir.path("missing.git")), ("a/file", dir.path("plain")), ("a/zero", "/dev/zero"),
                    ("a/folder", dir.path("folder")), ("a/empty", dir.path("empty.git")),
                    ("a/headless", headless.bareURL.path), ("a/lossy", dir.path("lossy.git")),
                ], in: dir.url)
            #expect(output.status == 1)
            #expect(messages["a/missing"] == "sync: the remote '\(dir.path("missing.git"))' does not exist")
            #expect(messages["a/file"] == "sync: '\(dir.path("plain"))' is a file, not a git repository")
            #expect(messages["a/zero"] == "sync: '/dev/zero' is a device, not a git repository")
            #expect(messages["a/folder"] == "sync: '\(dir.path("folder"))' is a folder, but not a git repository")
            #expect(messages["a/empty"] == "sync: the remote is empty: it has no branches")
            #expect(
                messages["a/headless"]
                    == "branch: the remote's HEAD names branch 'main', which does not exist; "
                    + "set `branch:` for this repo in the manifest")
            let lossy = try #require(messages["a/lossy"])
            #expect(
                lossy.hasPrefix("sync: the remote is missing objects (object not found - no match for id ("), "\(lossy)"
            )
            #expect(lossy.hasSuffix("): it is incomplete or corrupt; repair or re-mirror it"), "\(lossy)")
            #expect(
                !output.stdout.contains("unsupported URL protocol") && !output.stdout.contains("unknown libgit2 error"))
        }
    }

    @Test("a remote deleted after the first run says it no longer exists")
    func deletedRemote() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: serviceFiles(name: "nova"))
            #expect(try run([("openstack/nova", remote.bareURL.path)], in: dir.url).1.status == 0)
            try FileManager.default.removeItem(at: remote.bareURL)
            let (messages, _) = try run([("openstack/nova", remote.bareURL.path)], in: dir.url)
            #expect(messages["openstack/nova"] == "sync: the remote '\(remote.bareURL.path)' does not exist")
        }
    }

    @Test("an unreachable host and refused credentials say so, with the URL's secrets redacted")
    func network() throws {
        try withTemporaryDirectory { dir in
            _ = try FixtureRemote(
                in: dir.url.appendingPathComponent("served"), name: "nova", files: serviceFiles(name: "nova"))
            try withGitHTTPServer(basePath: dir.url.appendingPathComponent("served"), user: "fleet", password: "right")
            {
                server in
                let (messages, output) = try run(
                    [
                        ("a/unreachable", "git://tok:s3cret@127.0.0.1:1/nova.git"),
                        ("a/refused", server.url("nova.git", userInfo: "fleet:wr0ng@")),
                    ], in: dir.url)
                #expect(
                    messages["a/unreachable"]?.hasPrefix("sync: cannot reach host 127.0.0.1:1") == true, "\(messages)")
                #expect(
                    messages["a/refused"]
                        == "sync: authentication refused by \(server.url("nova.git", userInfo: "fleet:***@"))",
                    "\(messages)")
                #expect(
                    !(output.stdout + output.stderr).contains("s3cret")
                        && !(output.stdout + output.stderr).contains("wr0ng"))
                #expect(filesContaining("s3cret", under: dir.url.appendingPathComponent(".fleet")) == [])
                #expect(filesContaining("wr0ng", under: dir.url.appendingPathComponent(".fleet")) == [])
            }
        }
    }
}
