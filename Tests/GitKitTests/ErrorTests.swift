import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("GitError: clear errors for bad paths and unreachable remotes", .tags(.git))
struct ErrorTests {
    @Test("opening a folder that is not a repository names the function, the path and the cause")
    func notARepository() throws {
        try withTemporaryDirectory { dir in
            let path = dir.path("plain")
            try writeFiles(["file.txt": "x\n"], under: URL(fileURLWithPath: path))
            let error = gitError { _ = try Repository.open(at: path) }
            #expect(error?.code == .notFound)
            #expect(error?.isNotFound == true)
            #expect(error?.function == "git_repository_open(\(path))")
            #expect(error?.message.contains("could not find repository") == true)
            #expect(error?.message.contains(path) == true)
            #expect(error?.description.hasPrefix("git_repository_open(\(path)) failed (code -3, class ") == true)

            let missing = gitError { _ = try Repository.open(at: dir.path("does-not-exist")) }
            #expect(missing?.code == .notFound)
            #expect(missing?.function == "git_repository_open(\(dir.path("does-not-exist")))")
        }
    }

    @Test("cloning a local path that is not a repository fails and names the source")
    func cloneFromNonRepository() throws {
        try withTemporaryDirectory { dir in
            let source = dir.path("not-a-repo")
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            let error = gitError { _ = try Repository.clone(from: source, to: dir.path("clone")) }
            #expect(error?.function == "git_clone(\(source))")
            #expect(error?.message.isEmpty == false)
            #expect(!FileManager.default.fileExists(atPath: dir.path("clone/.git")))
        }
    }

    @Test("an unreachable git:// URL fails fast with a connection error, for clone and fetch", .timeLimit(.minutes(1)))
    func unreachable() throws {
        try withTemporaryDirectory { dir in
            let url = "git://127.0.0.1:1/nope"
            let error = gitError { _ = try Repository.clone(from: url, to: dir.path("clone")) }
            #expect(error?.function == "git_clone(\(url))")
            #expect(error?.errorClass != 0)
            #expect(error?.message.lowercased().contains("connect") == true, "\(String(describing: error))")

            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try repository.addRemote("origin", url: url)
            let fetchError = gitError { try repository.fetch() }
            #expect(fetchError?.function == "git_remote_fetch(\(url))")
            #expect(fetchError?.message.lowercased().contains("connect") == true)
            let pushError = gitError {
                try repository.push(refspecs: ["refs/heads/master:refs/for/master"], to: "origin")
            }
            #expect(pushError?.function == "git_remote_push(\(url))")
        }
    }

    @Test("an error for a URL with a password never shows the password", .timeLimit(.minutes(1)))
    func redactsPasswords() throws {
        try withTemporaryDirectory { dir in
            let error = gitError {
                _ = try Repository.clone(from: "http://fleet:s3cret-token@127.0.0.1:1/nova.git", to: dir.path("clone"))
            }
            #expect(error?.function == "git_clone(http://fleet:***@127.0.0.1:1/nova.git)")
            #expect(error.map { !"\($0)".contains("s3cret") } == true)
        }
    }

    @Test("cloning into a folder that already has files is an exists error")
    func cloneIntoNonEmptyFolder() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["a.txt": "a\n"])
            try writeFiles(["keep.txt": "mine\n"], under: dir.url.appendingPathComponent("clone"))
            let error = gitError { _ = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone")) }
            #expect(error?.code == .exists)
            #expect(readFile("keep.txt", under: dir.url.appendingPathComponent("clone")) == "mine\n")
        }
    }
}
