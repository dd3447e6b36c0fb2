import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: working-tree status", .tags(.git))
struct StatusTests {
    @Test("a fresh commit leaves a clean tree")
    func clean() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n", "sub/b.txt": "b\n"])
            #expect(try repository.status() == [])
            #expect(try repository.isClean())
        }
    }

    @Test("each path reports its own change: modified, deleted, untracked (in new folders too), staged")
    func perFile() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(
                in: dir, files: ["modified.txt": "m\n", "deleted.txt": "d\n", "staged.txt": "s\n", "same.txt": "x\n"])
            let root = try workTree(repository)
            try writeFiles(["staged.txt": "s2\n"], under: root)
            try repository.stageAll()
            try writeFiles(["modified.txt": "m2\n", "untracked.txt": "u\n", "new/deep/file.txt": "f\n"], under: root)
            try FileManager.default.removeItem(at: root.appendingPathComponent("deleted.txt"))

            #expect(try !repository.isClean())
            #expect(
                try repository.status() == [
                    StatusEntry(path: "deleted.txt", staged: nil, unstaged: .deleted),
                    StatusEntry(path: "modified.txt", staged: nil, unstaged: .modified),
                    StatusEntry(path: "new/deep/file.txt", staged: nil, unstaged: .untracked),
                    StatusEntry(path: "staged.txt", staged: .modified, unstaged: nil),
                    StatusEntry(path: "untracked.txt", staged: nil, unstaged: .untracked),
                ])
        }
    }

    @Test("a file staged and then edited again shows both changes")
    func stagedAndModified() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "a2\n", "b.txt": "b\n"], under: root)
            try repository.stageAll()
            try writeFiles(["a.txt": "a3\n"], under: root)
            #expect(
                try repository.status() == [
                    StatusEntry(path: "a.txt", staged: .modified, unstaged: .modified),
                    StatusEntry(path: "b.txt", staged: .added, unstaged: nil),
                ])
        }
    }

    @Test("an unborn repository lists its files as untracked")
    func unborn() throws {
        try withTemporaryDirectory { dir in
            let repository = try Repository.create(at: dir.path("repo"))
            try writeFiles(["a.txt": "a\n"], under: dir.url.appendingPathComponent("repo"))
            #expect(try repository.status() == [StatusEntry(path: "a.txt", staged: nil, unstaged: .untracked)])
        }
    }
}
