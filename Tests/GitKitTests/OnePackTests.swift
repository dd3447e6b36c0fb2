import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: a commit written as one pack", .tags(.git))
struct OnePackTests {
    /// The loose object files and the pack files under `.git/objects`.
    private func objectFiles(_ repository: Repository) throws -> (loose: Set<String>, packs: Set<String>) {
        let objects = URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("objects")
        var loose: Set<String> = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: objects.path) where folder.count == 2 {
            for file in try FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent(folder).path)
            {
                loose.insert(folder + file)
            }
        }
        let packs = try FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent("pack").path)
        return (loose, Set(packs.filter { $0.hasSuffix(".pack") }))
    }

    @Test(
        "a staged edit and a new file are committed as one pack of only the new objects, HEAD and index moving after",
        .enabled(if: isGitCLIAvailable))
    func commitAsOnePack() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(
                in: dir, files: ["a/b/c.txt": "c\n", "a/d.txt": "d\n", "x.txt": "x\n", "y/z.txt": "z\n"])
            let root = try workTree(repository)
            let before = try objectFiles(repository)
            try writeFiles(["a/b/c.txt": "changed\n", "new/n.txt": "n\n"], under: root)

            let commit = try repository.writingObjectsAsOnePack {
                () throws(GitError) -> (result: ObjectID, roots: [ObjectID]) in
                try repository.stage(paths: ["a/b/c.txt", "new/n.txt"], writeIndex: false)
                #expect(try repository.stagedPaths() == ["a/b/c.txt", "new/n.txt"])
                let commit = try repository.createCommit(message: "Change c\n\nBody.\n", author: testSignature)
                // Readable inside, stored nowhere yet, and no reference moved.
                #expect(try repository.commitInfo(commit).parents == [first])
                #expect(try repository.headCommit() == first)
                #expect((try? objectFiles(repository))?.loose == before.loose)
                return (commit, [commit])
            }
            let after = try objectFiles(repository)
            #expect(after.loose == before.loose)
            #expect(after.packs.count == before.packs.count + 1)
            #expect(try repository.headCommit() == first)
            // The index on disk still matches HEAD: only writeIndex() stores the staged one.
            #expect(try runGit(["diff", "--cached", "--name-only"], in: root).stdout == "")

            try repository.writeIndex()
            try repository.moveHead(to: commit, reflogMessage: "commit: Change c")
            #expect(try repository.headCommit() == commit)
            #expect(try repository.isClean())
            let fsck = try runGit(["fsck", "--strict", "--no-dangling"], in: root)
            #expect(fsck.isSuccess, "\(fsck.stdout)\(fsck.stderr)")
            #expect(try runGit(["reflog", "-1", "--format=%gs"], in: root).stdout == "commit: Change c\n")

            // Just the new objects: two blobs, the four trees above them, the commit.
            let pack = try #require(after.packs.subtracting(before.packs).first)
            let index = URL(fileURLWithPath: repository.gitDirectory)
                .appendingPathComponent("objects/pack/" + pack.replacingOccurrences(of: ".pack", with: ".idx"))
            let listing = try runGit(["verify-pack", "-v", index.path], in: root).stdout
            let kinds = listing.split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: " ")
                return fields.count > 2 && fields[0].count == 40 ? String(fields[1]) : nil
            }
            #expect(kinds.sorted() == ["blob", "blob", "commit", "tree", "tree", "tree", "tree"])
        }
    }

    @Test("a body that throws stores nothing and leaves the repository as it was", .enabled(if: isGitCLIAvailable))
    func throwingBody() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["x.txt": "x\n"])
            let root = try workTree(repository)
            let before = try objectFiles(repository)
            try writeFiles(["x.txt": "changed\n"], under: root)
            let error = gitError {
                _ = try repository.writingObjectsAsOnePack { () throws(GitError) -> (result: Int, roots: [ObjectID]) in
                    try repository.stage(paths: ["x.txt"], writeIndex: false)
                    _ = try repository.createCommit(message: "Lost\n", author: testSignature)
                    throw GitError(function: "test", message: "stop here")
                }
            }
            #expect(error?.message == "stop here")
            #expect(try objectFiles(repository) == before)
            #expect(try repository.headCommit() == first)
            // Writes after the scope go to the repository's own store again.
            try repository.stageAll()
            let next = try repository.commit(message: "Kept\n", author: testSignature)
            #expect(try objectFiles(repository).loose.count > before.loose.count)
            #expect(try repository.headCommit() == next)
            #expect(try runGit(["fsck", "--strict"], in: root).isSuccess)
        }
    }

    @Test("a blob staged in memory but in no commit is stored too", .enabled(if: isGitCLIAvailable))
    func stagedBlobStored() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["x.txt": "x\n"])
            let root = try workTree(repository)
            try writeFiles(["x.txt": "staged only\n"], under: root)
            try repository.writingObjectsAsOnePack { () throws(GitError) -> (result: Void, roots: [ObjectID]) in
                try repository.stage(paths: ["x.txt"], writeIndex: false)
                return ((), [])
            }
            try repository.writeIndex()
            let commit = try repository.commit(message: "Later\n", author: testSignature)
            #expect(try repository.fileContents("x.txt", at: commit) == Array("staged only\n".utf8))
            #expect(try runGit(["fsck", "--strict"], in: root).isSuccess)
        }
    }

    @Test("moveHead moves a detached HEAD, and creates the branch an unborn HEAD names")
    func moveHead() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["x.txt": "x\n"])
            try writeFiles(["x.txt": "y\n"], under: try workTree(repository))
            try repository.stageAll()
            let second = try repository.createCommit(message: "Second\n", author: testSignature)
            try repository.checkoutDetached(first)
            try repository.moveHead(to: second, reflogMessage: "test: detached")
            #expect(try repository.headCommit() == second)
            #expect(try repository.currentBranch() == nil)
            #expect(try repository.referenceTarget("refs/heads/master") == first)

            let empty = try Repository.create(at: dir.path("unborn"), initialBranch: "main")
            try writeFiles(["a.txt": "a\n"], under: dir.url.appendingPathComponent("unborn"))
            try empty.stageAll()
            let root = try empty.createCommit(message: "Root\n", author: testSignature)
            try empty.moveHead(to: root, reflogMessage: "commit (initial): Root")
            #expect(try empty.referenceTarget("refs/heads/main") == root)
            #expect(try empty.currentBranch() == "main")

            // No branch is ever moved to a commit that is not stored.
            let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
            #expect(throws: GitError.self) { try repository.moveHead(to: missing, reflogMessage: "test: missing") }
            #expect(try repository.headCommit() == second)
        }
    }

    @Test(
        "a full reference name resolves symbolic references and peels annotated tags; a missing one is not found",
        .enabled(if: isGitCLIAvailable))
    func referenceNames() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["x.txt": "x\n"])
            let root = try workTree(repository)
            #expect(try runGit(["tag", "-a", "v1", "-m", "Version 1"], in: root).isSuccess)
            #expect(try runGit(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/heads/master"], in: root).isSuccess)
            #expect(try repository.resolveCommit("refs/tags/v1") == first)
            #expect(try repository.referenceTarget("refs/remotes/origin/HEAD") == first)
            #expect(try repository.resolveCommit("HEAD") == first)
            #expect(try repository.referenceTarget("refs/heads/nope") == nil)
            #expect(try repository.referenceTarget("refs/remotes/origin/nope") == nil)
            // A name git refuses as a reference is revparse's error, as it always was.
            #expect(throws: GitError.self) { try repository.referenceTarget("refs/heads/with space") }
            // Revisions that are not plain names still go through revparse.
            #expect(try repository.resolveCommit("refs/heads/master^{commit}") == first)
            #expect(try repository.resolveCommit("master") == first)
        }
    }

    @Test("isWorkTreeClean sees an edit and an untracked file, not a change staged and committed")
    func workTreeClean() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["x.txt": "x\n", ".gitignore": "*.log\n"])
            let root = try workTree(repository)
            #expect(try repository.isWorkTreeClean())
            try writeFiles(["debug.log": "ignored\n"], under: root)
            #expect(try repository.isWorkTreeClean())
            try writeFiles(["sub/new.txt": "n\n"], under: root)
            #expect(try !repository.isWorkTreeClean())
            try FileManager.default.removeItem(at: root.appendingPathComponent("sub"))
            try writeFiles(["x.txt": "edited\n"], under: root)
            #expect(try !repository.isWorkTreeClean())
            try repository.stage(paths: ["x.txt"])
            // Staged, not committed: the work tree matches the index.
            #expect(try repository.isWorkTreeClean())
            #expect(try !repository.isClean())
        }
    }
}
