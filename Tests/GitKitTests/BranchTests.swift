import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: branches, HEAD, checkout, reset", .tags(.git))
struct BranchTests {
    @Test("revisions resolve to commits: HEAD, a branch, a remote-tracking branch, a sha, HEAD~1")
    func resolveBranches() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["a.txt": "a\n"])
            let first = try remote.tip()
            let second = try remote.commit(["a.txt": "b\n"])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            #expect(try clone.resolveCommit("HEAD") == second)
            #expect(try clone.resolveCommit("master") == second)
            #expect(try clone.resolveCommit("refs/heads/master") == second)
            #expect(try clone.resolveCommit("origin/master") == second)
            #expect(try clone.resolveCommit("refs/remotes/origin/master") == second)
            #expect(try clone.resolveCommit(first.hex) == first)
            #expect(try clone.resolveCommit("HEAD~1") == first)
            #expect(try clone.referenceTarget("refs/heads/nope") == nil)
            let error = gitError { _ = try clone.resolveCommit("nope") }
            #expect(error?.code == .notFound)
            #expect(error?.function == "git_revparse_single(nope)")
            #expect(error?.message.contains("nope") == true)
            #expect(try clone.referenceNames().contains("refs/remotes/origin/master"))
        }
    }

    @Test("a branch is created at a commit, refused when it exists, and moved with force")
    func createBranch() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try writeFiles(["a.txt": "b\n"], under: try workTree(repository))
            let second = try commitAll(repository, message: "Second\n")
            #expect(try !repository.branchExists("remove-wsgi_scripts"))
            try repository.createBranch("remove-wsgi_scripts", at: first)
            #expect(try repository.branchExists("remove-wsgi_scripts"))
            #expect(try repository.resolveCommit("remove-wsgi_scripts") == first)

            let error = gitError { try repository.createBranch("remove-wsgi_scripts", at: second) }
            #expect(error?.code == .exists)
            #expect(error?.function == "git_branch_create(remove-wsgi_scripts)")
            #expect(try repository.resolveCommit("remove-wsgi_scripts") == first)

            try repository.createBranch("remove-wsgi_scripts", at: second, force: true)
            #expect(try repository.resolveCommit("remove-wsgi_scripts") == second)

            try repository.deleteBranch("remove-wsgi_scripts")
            #expect(try !repository.branchExists("remove-wsgi_scripts"))
            try repository.deleteBranch("remove-wsgi_scripts")  // deleting a missing branch is a no-op
        }
    }

    @Test("checkout switches HEAD and the work tree to the branch")
    func checkoutBranch() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n", "gone.txt": "x\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "b\n"], under: root)
            try FileManager.default.removeItem(at: root.appendingPathComponent("gone.txt"))
            let second = try commitAll(repository, message: "Second\n")

            try repository.createBranch("topic", at: first)
            try repository.checkout(branch: "topic")
            #expect(try repository.currentBranch() == "topic")
            #expect(try repository.headCommit() == first)
            #expect(readFile("a.txt", under: root) == "a\n")
            #expect(readFile("gone.txt", under: root) == "x\n")
            #expect(try repository.isClean())

            try repository.checkout(branch: "master")
            #expect(try repository.currentBranch() == "master")
            #expect(try repository.headCommit() == second)
            #expect(readFile("a.txt", under: root) == "b\n")
            #expect(readFile("gone.txt", under: root) == nil)
        }
    }

    @Test("a safe checkout refuses to overwrite a local change; a forced one discards it")
    func checkoutConflict() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "b\n"], under: root)
            try commitAll(repository, message: "Second\n")
            try repository.createBranch("topic", at: first)
            try writeFiles(["a.txt": "local edit\n"], under: root)

            let error = gitError { try repository.checkout(branch: "topic") }
            #expect(error?.code == .conflict)
            #expect(error?.function == "git_checkout_tree(\(first.short))")
            #expect(try repository.currentBranch() == "master")
            #expect(readFile("a.txt", under: root) == "local edit\n")

            try repository.checkout(branch: "topic", force: true)
            #expect(try repository.currentBranch() == "topic")
            #expect(readFile("a.txt", under: root) == "a\n")
            #expect(try repository.isClean())
        }
    }

    @Test("checking out a branch or commit with HEAD's tree moves HEAD only: local changes, staged and not, stay")
    func checkoutSameTree() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n", "b.txt": "b\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "staged\n"], under: root)
            try repository.stage(paths: ["a.txt"])
            try writeFiles(["b.txt": "edited\n", "new.txt": "n\n"], under: root)
            let before = try repository.status()

            try repository.checkoutDetached(first)
            #expect(try repository.currentBranch() == nil)
            try repository.createBranch("topic", at: first)
            try repository.checkout(branch: "topic")
            #expect(try repository.currentBranch() == "topic")
            #expect(try repository.headCommit() == first)
            #expect(try repository.status() == before)
            #expect(before.count == 3)

            // Forced, it is a real checkout: every change goes but the untracked file.
            try repository.checkout(branch: "topic", force: true)
            #expect(try repository.status() == [StatusEntry(path: "new.txt", staged: nil, unstaged: .untracked)])
        }
    }

    @Test("a detached HEAD has a commit but no current branch; an unborn one has a branch but no commit")
    func headStates() throws {
        try withTemporaryDirectory { dir in
            let unborn = try Repository.create(at: dir.path("empty"), initialBranch: "main")
            #expect(try unborn.headCommit() == nil)
            #expect(try unborn.currentBranch() == "main")

            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try writeFiles(["a.txt": "b\n"], under: try workTree(repository))
            let second = try commitAll(repository, message: "Second\n")
            try repository.checkoutDetached(first)
            #expect(try repository.currentBranch() == nil)
            #expect(try repository.headCommit() == first)
            #expect(readFile("a.txt", under: try workTree(repository)) == "a\n")
            #expect(try repository.resolveCommit("master") == second)

            // A commit on a detached HEAD moves HEAD only.
            try writeFiles(["c.txt": "c\n"], under: try workTree(repository))
            let detached = try commitAll(repository, message: "Detached\n")
            #expect(try repository.headCommit() == detached)
            #expect(try repository.commitInfo(detached).parents == [first])
            #expect(try repository.resolveCommit("master") == second)
        }
    }

    @Test("resetHard moves the current branch and makes index and work tree match the commit")
    func resetHard() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "b\n", "b.txt": "b\n"], under: root)
            try commitAll(repository, message: "Second\n")
            try writeFiles(["a.txt": "dirty\n"], under: root)

            try repository.resetHard(to: first)
            #expect(try repository.currentBranch() == "master")
            #expect(try repository.resolveCommit("master") == first)
            #expect(readFile("a.txt", under: root) == "a\n")
            #expect(readFile("b.txt", under: root) == nil)
            #expect(try repository.isClean())
        }
    }

    @Test("discardChanges restores tracked files and removes untracked ones")
    func discardChanges() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "a\n", "b.txt": "b\n"])
            let root = try workTree(repository)
            try writeFiles(["a.txt": "edited\n", "new/untracked.txt": "u\n"], under: root)
            try FileManager.default.removeItem(at: root.appendingPathComponent("b.txt"))
            try repository.stageAll()
            try writeFiles(["a.txt": "edited again\n"], under: root)
            #expect(try !repository.isClean())

            try repository.discardChanges()
            #expect(try repository.status() == [])
            #expect(readFile("a.txt", under: root) == "a\n")
            #expect(readFile("b.txt", under: root) == "b\n")
            #expect(readFile("new/untracked.txt", under: root) == nil)
            #expect(try repository.headCommit() == first)
        }
    }

    @Test("commits(from:excluding:) lists newest first and isAncestor follows history")
    func history() throws {
        try withTemporaryDirectory { dir in
            let (repository, first) = try makeRepository(in: dir, files: ["a.txt": "0\n"])
            var ids = [first]
            for step in 1...3 {
                try writeFiles(["a.txt": "\(step)\n"], under: try workTree(repository))
                ids.append(try commitAll(repository, message: "Step \(step)\n"))
            }
            #expect(try repository.commits(from: ids[3], excluding: ids[1]) == [ids[3], ids[2]])
            #expect(try repository.commits(from: ids[3], excluding: nil) == ids.reversed())
            #expect(try repository.commits(from: ids[1], excluding: ids[3]) == [])
            #expect(try repository.isAncestor(ids[0], of: ids[3]))
            #expect(try repository.isAncestor(ids[2], of: ids[2]))
            #expect(try !repository.isAncestor(ids[3], of: ids[0]))
        }
    }
}
