import FleetTestSupport
import Foundation
import GitKit
import Synchronization
import Testing

@Suite("Repository: clone, open, fetch", .tags(.git))
struct CloneTests {
    @Test("cloning a local path checks out the remote's branch with its files and an origin remote")
    func cloneLocalPath() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(
                in: dir.url, name: "nova", files: ["setup.cfg": "[metadata]\n", "nova/__init__.py": ""])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            #expect(clone.workingDirectory == dir.path("clone"))
            #expect(!clone.isBare)
            #expect(try clone.currentBranch() == "master")
            #expect(try clone.headCommit() == remote.tip())
            #expect(try clone.remoteURL() == remote.bareURL.path)
            #expect(readFile("setup.cfg", under: dir.url.appendingPathComponent("clone")) == "[metadata]\n")
            #expect(try clone.isClean())
        }
    }

    @Test("cloning a file:// URL reports transfer progress up to every object")
    func cloneFileURLWithProgress() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "swift", files: ["a.txt": "a\n", "b/c.txt": "c\n"])
            try remote.commit(["a.txt": "a2\n"])
            let reports = LockedResults<TransferProgress>()
            let options = RemoteOptions(progress: { reports.append($0) })
            let clone = try Repository.clone(
                from: remote.bareURL.absoluteString, to: dir.path("clone"), options: options)
            #expect(remote.bareURL.absoluteString.hasPrefix("file://"))
            #expect(try clone.headCommit() == remote.tip())
            let progress = reports.values
            let last = try #require(progress.last, "no transfer progress was reported")
            // Two commits, their trees (root and b/) and blobs: at least 8 objects.
            #expect(last.totalObjects >= 8)
            #expect(last.receivedObjects == last.totalObjects)
            #expect(last.percent == 100)
            #expect(last.receivedBytes > 0)
            #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.receivedObjects <= $1.receivedObjects })
        }
    }

    @Test("a clone whose isCancelled returns true stops with a user error and leaves no repository")
    func cancelledClone() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "cinder", files: ["a.txt": "a\n"])
            let polls = Atomic<Int>(0)
            let options = RemoteOptions(isCancelled: {
                polls.add(1, ordering: .relaxed)
                return true
            })
            let error = gitError {
                _ = try Repository.clone(from: remote.bareURL.absoluteString, to: dir.path("clone"), options: options)
            }
            #expect(error?.code == .user)
            #expect(error?.function == "git_clone(\(remote.bareURL.absoluteString))")
            #expect(error?.message == "cancelled")
            #expect(polls.load(ordering: .relaxed) >= 1)
            #expect(throws: GitError.self) { try Repository.open(at: dir.path("clone")) }
        }
    }

    @Test("a bare clone has no work tree and the same branch tip")
    func bareClone() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "glance", files: ["a.txt": "a\n"])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("mirror.git"), bare: true)
            #expect(clone.isBare)
            #expect(clone.workingDirectory == nil)
            #expect(clone.gitDirectory == dir.path("mirror.git"))
            #expect(try clone.resolveCommit("refs/heads/master") == remote.tip())
        }
    }

    @Test("cloning with a branch checks that branch out")
    func cloneBranch() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "neutron", files: ["a.txt": "master\n"])
            let work = try Repository.open(at: remote.workURL.path)
            try work.createBranch("stable/2025.1", at: try remote.tip())
            try work.checkout(branch: "stable/2025.1")
            try writeFiles(["a.txt": "stable\n"], under: remote.workURL)
            let stable = try commitAll(work, message: "Stable only\n")
            try work.push(refspecs: ["refs/heads/stable/2025.1:refs/heads/stable/2025.1"], to: remote.bareURL.path)

            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"), branch: "stable/2025.1")
            #expect(try clone.currentBranch() == "stable/2025.1")
            #expect(try clone.headCommit() == stable)
            #expect(readFile("a.txt", under: dir.url.appendingPathComponent("clone")) == "stable\n")
        }
    }

    @Test("open finds a work tree and a bare repository")
    func openRepositories() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "keystone", files: ["a.txt": "a\n"])
            let work = try Repository.open(at: remote.workURL.path)
            #expect(work.workingDirectory == remote.workURL.path)
            #expect(work.gitDirectory == remote.workURL.appendingPathComponent(".git").path)
            #expect(!work.isBare)
            let bare = try Repository.open(at: remote.bareURL.path)
            #expect(bare.isBare)
            #expect(try bare.resolveCommit("master") == work.resolveCommit("HEAD"))
        }
    }

    @Test("fetch moves the remote-tracking branch after the remote moved, and prunes deleted branches")
    func fetchAfterRemoteMoved() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "heat", files: ["a.txt": "a\n"])
            let work = try Repository.open(at: remote.workURL.path)
            try work.createBranch("old", at: try remote.tip())
            try work.push(refspecs: ["refs/heads/old:refs/heads/old"], to: remote.bareURL.path)
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            let before = try clone.resolveCommit("refs/remotes/origin/master")
            #expect(try clone.referenceTarget("refs/remotes/origin/old") != nil)

            let moved = try remote.commit(["a.txt": "a2\n", "new.txt": "new\n"])
            try work.push(refspecs: [":refs/heads/old"], to: remote.bareURL.path)
            #expect(try clone.resolveCommit("refs/remotes/origin/master") == before)

            let reports = LockedResults<TransferProgress>()
            try clone.fetch(options: RemoteOptions(progress: { reports.append($0) }))
            #expect(try clone.resolveCommit("refs/remotes/origin/master") == moved)
            #expect(try clone.isAncestor(before, of: moved))
            #expect(try clone.referenceTarget("refs/remotes/origin/old") == nil)
            // The local branch and work tree stay where they were until fleet resets them.
            #expect(try clone.headCommit() == before)
            #expect(try clone.fileContents("new.txt", at: moved) == Array("new\n".utf8))
        }
    }

    @Test("fetch and remoteURL rewrite the URL with the longest matching url.<base>.insteadOf, as git does")
    func fetchInsteadOf() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "heat", files: ["a.txt": "a\n"])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            let folder = remote.bareURL.deletingLastPathComponent().path + "/"
            try clone.setConfigValue("url.\(folder).insteadOf", "mirror:")
            try clone.setConfigValue("url./nonexistent/.insteadOf", "mir")
            try clone.setConfigValue("remote.origin.url", "mirror:" + remote.bareURL.lastPathComponent)
            #expect(try clone.configuredRemoteURL() == "mirror:" + remote.bareURL.lastPathComponent)
            #expect(try clone.remoteURL() == remote.bareURL.path)

            let moved = try remote.commit(["a.txt": "a2\n"])
            try clone.fetch()
            #expect(try clone.resolveCommit("refs/remotes/origin/master") == moved)
            let error = gitError { try clone.fetch(remote: "upstream") }
            #expect(error?.code == .notFound)
            #expect(try clone.remoteURL("upstream") == nil)
        }
    }

    @Test("the remote default branch is read from origin/HEAD after a clone, or asked of the server")
    func remoteDefaultBranch() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "ironic", files: ["a.txt": "a\n"], branch: "main")
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            #expect(try clone.currentBranch() == "main")
            #expect(try clone.remoteDefaultBranch() == "main")

            // A repository that never fetched has no refs/remotes/upstream/HEAD: GitKit asks the server.
            let fresh = try Repository.create(at: dir.path("fresh"))
            try fresh.addRemote("upstream", url: remote.bareURL.path)
            #expect(try fresh.referenceTarget("refs/remotes/upstream/HEAD") == nil)
            #expect(try fresh.remoteDefaultBranch(remote: "upstream") == "main")

            // The remote is built from the config, insteadOf applied by GitKit; a missing one is notFound.
            let folder = remote.bareURL.deletingLastPathComponent().path + "/"
            try fresh.setConfigValue("url.\(folder).insteadOf", "mirror:")
            try fresh.addRemote("mirror", url: "mirror:" + remote.bareURL.lastPathComponent)
            #expect(try fresh.remoteDefaultBranch(remote: "mirror") == "main")
            #expect(gitError { _ = try fresh.remoteDefaultBranch(remote: "missing") }?.code == .notFound)
        }
    }
}
