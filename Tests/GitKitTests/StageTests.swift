import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: staging named paths", .tags(.git))
struct StageTests {
    @Test("stage(paths:) stages an edit, a new file, a deletion and a move, and nothing else")
    func namedPaths() throws {
        try withTemporaryDirectory { dir in
            let body = (1...20).map { "line \($0)\n" }.joined()
            let (repository, first) = try makeRepository(
                in: dir,
                files: [
                    "setup.cfg": "[metadata]\n", "gone.txt": "g\n", "pkg/wsgi.py": body, "other.txt": "o\n",
                ])
            let root = try workTree(repository)
            try writeFiles(["setup.cfg": "[metadata]\nname = x\n", "pkg/new.py": "x = 1\n"], under: root)
            try FileManager.default.removeItem(at: root.appendingPathComponent("gone.txt"))
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("pkg/wsgi"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("pkg/wsgi.py"), to: root.appendingPathComponent("pkg/wsgi/__init__.py"))
            // Not named: must stay unstaged.
            try writeFiles(["other.txt": "changed\n"], under: root)

            try repository.stage(paths: ["setup.cfg", "pkg/new.py", "gone.txt", "pkg/wsgi.py", "pkg/wsgi/__init__.py"])
            #expect(
                try repository.status() == [
                    StatusEntry(path: "gone.txt", staged: .deleted, unstaged: nil),
                    StatusEntry(path: "other.txt", staged: nil, unstaged: .modified),
                    StatusEntry(path: "pkg/new.py", staged: .added, unstaged: nil),
                    StatusEntry(path: "pkg/wsgi/__init__.py", staged: .renamed, unstaged: nil),
                    StatusEntry(path: "setup.cfg", staged: .modified, unstaged: nil),
                ])
            #expect(
                try repository.stagedPaths() == [
                    "gone.txt", "pkg/new.py", "pkg/wsgi.py", "pkg/wsgi/__init__.py", "setup.cfg",
                ])
            let second = try repository.commit(message: "Change\n", author: testSignature)
            #expect(
                try repository.listFiles(at: second) == [
                    "other.txt", "pkg/new.py", "pkg/wsgi/__init__.py", "setup.cfg",
                ])
            #expect(try repository.fileContents("other.txt", at: second) == Array("o\n".utf8))
            #expect(
                try repository.changes(from: first, to: second).contains(
                    FileChange(kind: .renamed, oldPath: "pkg/wsgi.py", path: "pkg/wsgi/__init__.py")))
            #expect(try !repository.isClean())
            #expect(try repository.stagedPaths() == [])
        }
    }

    @Test("stage(paths:) leaves out a new ignored file but stages a tracked one, and tolerates unknown absent paths")
    func ignoredAndAbsent() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(
                in: dir, files: [".gitignore": "*.log\n", "a.txt": "a\n"])
            let root = try workTree(repository)
            try writeFiles(["debug.log": "x\n", "a.txt": "b\n"], under: root)
            #expect(try repository.isIgnored("debug.log"))
            #expect(try !repository.isIgnored("a.txt"))
            try repository.stage(paths: ["debug.log", "a.txt", "never/was.txt", "a.txt"])
            #expect(try repository.status() == [StatusEntry(path: "a.txt", staged: .modified, unstaged: nil)])
        }
    }

    @Test("stage(paths:) refuses a folder with a GitError naming it")
    func folder() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try writeFiles(["sub/b.txt": "b\n"], under: try workTree(repository))
            let error = gitError { try repository.stage(paths: ["sub"]) }
            #expect(error?.function == "git_index_add_bypath(sub)")
        }
    }
}
