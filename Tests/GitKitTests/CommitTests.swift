import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: staging and commits", .tags(.git))
struct CommitTests {
    @Test("stageAll stages a deleted file, and the commit's tree no longer has it")
    func stageDeletion() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(
                in: dir, files: ["wsgi_scripts.txt": "nova-api-wsgi = nova.api:init\n", "setup.cfg": "[metadata]\n"])
            let root = try workTree(repository)
            try FileManager.default.removeItem(at: root.appendingPathComponent("wsgi_scripts.txt"))
            try repository.stageAll()
            #expect(try repository.status() == [StatusEntry(path: "wsgi_scripts.txt", staged: .deleted, unstaged: nil)])

            let second = try repository.commit(message: "Remove wsgi_scripts\n", author: testSignature)
            #expect(try repository.listFiles(at: second) == ["setup.cfg"])
            #expect(try repository.fileContents("wsgi_scripts.txt", at: second) == nil)
            #expect(
                try repository.changes(from: first, to: second) == [
                    FileChange(kind: .deleted, oldPath: "wsgi_scripts.txt", path: "wsgi_scripts.txt")
                ])
            #expect(try repository.isClean())
        }
    }

    @Test("stageAll stages a rename; status and the commit show it as one")
    func stageRename() throws {
        try withTemporaryDirectory { dir in
            let body = (1...20).map { "line \($0)\n" }.joined()
            let (repository, first) = try makeRepository(in: dir, files: ["old/name.py": body, "keep.txt": "k\n"])
            let root = try workTree(repository)
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("new"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("old/name.py"), to: root.appendingPathComponent("new/name.py"))
            try repository.stageAll()
            #expect(try repository.status() == [StatusEntry(path: "new/name.py", staged: .renamed, unstaged: nil)])

            let second = try repository.commit(message: "Move name.py\n", author: testSignature)
            #expect(
                try repository.changes(from: first, to: second) == [
                    FileChange(kind: .renamed, oldPath: "old/name.py", path: "new/name.py")
                ])
            #expect(try repository.listFiles(at: second) == ["keep.txt", "new/name.py"])
        }
    }

    @Test("message, author and committer round-trip exactly: distinct names, dates and time zones")
    func roundTrip() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try writeFiles(["a.txt": "b\n"], under: try workTree(repository))
            try repository.stageAll()
            let message = """
                Remove wsgi_scripts from setup.cfg

                The goal "Migrate from wsgi scripts to module paths" replaces
                pbr's wsgi_scripts with module paths.

                Change-Id: I0123456789abcdef0123456789abcdef01234567

                """
            let author = Signature(
                name: "Zoë Ångström", email: "zoe@example.org",
                date: Date(timeIntervalSince1970: 1_700_000_000.75), offsetMinutes: 330)
            let committer = Signature(
                name: "Fleet Bot", email: "fleet@example.net",
                date: Date(timeIntervalSince1970: 1_750_000_123), offsetMinutes: -480)
            let id = try repository.commit(message: message, author: author, committer: committer)

            let info = try repository.commitInfo(id)
            #expect(info.id == id)
            #expect(info.message == message)
            #expect(info.message.hasSuffix("01234567\n") && !info.message.hasSuffix("\n\n"))
            #expect(info.subject == "Remove wsgi_scripts from setup.cfg")
            #expect(info.author == author)
            #expect(info.author.date == Date(timeIntervalSince1970: 1_700_000_000))
            #expect(info.committer == committer)
            #expect(info.parents == [first])
            #expect(try repository.headCommit() == id)
            #expect(try info.tree != repository.commitInfo(first).tree)

            if isGitCLIAvailable {
                // The git CLI reads the same bytes back.
                let root = try workTree(repository)
                let shown = try runGit(["log", "-1", "--format=%an|%ae|%at|%ai%n%cn|%ce|%ct|%ci", id.hex], in: root)
                #expect(
                    shown.stdout == """
                        Zoë Ångström|zoe@example.org|1700000000|2023-11-15 03:43:20 +0530
                        Fleet Bot|fleet@example.net|1750000123|2025-06-15 07:08:43 -0800

                        """)
                #expect(try runGit(["cat-file", "commit", id.hex], in: root).stdout.hasSuffix("\n\n" + message))
            }
        }
    }

    @Test("a message without a trailing newline is stored as given; the committer defaults to the author")
    func exactMessage() throws {
        try withTemporaryDirectory { dir in
            let repository = try Repository.create(at: dir.path("repo"))
            try writeFiles(["a.txt": "a\n"], under: dir.url.appendingPathComponent("repo"))
            try repository.stageAll()
            let id = try repository.commit(message: "One line, no newline", author: testSignature)
            let info = try repository.commitInfo(id)
            #expect(info.message == "One line, no newline")
            #expect(info.parents == [])
            #expect(info.committer == testSignature)
            #expect(info.author == testSignature)
        }
    }
}
