import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: reading files and trees at a commit", .tags(.git))
struct TreeTests {
    @Test("fileContents returns the bytes at that commit, nil for a missing path or a folder")
    func fileContents() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(
                in: dir,
                files: ["setup.cfg": "[metadata]\nname = nova\n", "nova/api/wsgi.py": "app = 1\n", "empty": ""])
            try writeFiles(["setup.cfg": "changed\n"], under: try workTree(repository))
            let second = try commitAll(repository, message: "Change\n")
            #expect(try repository.fileContents("setup.cfg", at: first) == Array("[metadata]\nname = nova\n".utf8))
            #expect(try repository.fileContents("setup.cfg", at: second) == Array("changed\n".utf8))
            #expect(try repository.fileContents("nova/api/wsgi.py", at: first) == Array("app = 1\n".utf8))
            #expect(try repository.fileContents("empty", at: first) == [])
            #expect(try repository.fileContents("missing.txt", at: first) == nil)
            #expect(try repository.fileContents("nova/missing/x.py", at: first) == nil)
            #expect(try repository.fileContents("nova/api", at: first) == nil)
        }
    }

    @Test("fileContents keeps binary bytes as they are")
    func binary() throws {
        try withTemporaryDirectory { dir in
            let repository = try Repository.create(at: dir.path("repo"))
            let bytes: [UInt8] = [0, 255, 1, 0x80, 10, 0]
            try Data(bytes).write(to: dir.url.appendingPathComponent("repo/blob.bin"))
            let id = try commitAll(repository, message: "Binary\n")
            #expect(try repository.fileContents("blob.bin", at: id) == bytes)
        }
    }

    @Test("listFiles lists every file, nested ones with their folders, in git's order")
    func listFiles() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(
                in: dir, files: ["b.txt": "", "a/z.txt": "", "a/b/c.txt": "", "a.txt": "", "A.md": ""])
            // Tree order compares a folder as "a/", so "a.txt" sorts before the files in "a/".
            #expect(try repository.listFiles(at: first) == ["A.md", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
            if isGitCLIAvailable {
                let listed = try runGit(["ls-tree", "-r", "--name-only", first.hex], in: try workTree(repository))
                #expect(try repository.listFiles(at: first) == listed.stdout.split(separator: "\n").map(String.init))
            }
            let bare = try Repository.clone(from: try workTree(repository).path, to: dir.path("bare.git"), bare: true)
            #expect(try bare.listFiles(at: first) == repository.listFiles(at: first))
        }
    }

    @Test("a commit id that does not exist is a not-found error")
    func missingCommit() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            let missing = ObjectID.hashBlob(Array("not a commit".utf8))
            let error = gitError { _ = try repository.listFiles(at: missing) }
            #expect(error?.code == .notFound)
            #expect(error?.function == "git_commit_lookup(\(missing.short))")
        }
    }
}
