import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: changes, patches, format-patch", .tags(.git))
struct DiffTests {
    private static let module = (1...30).map { "def f\($0)():\n    return \($0)\n" }.joined()

    /// A repository with a first commit and a second one that renames, edits, deletes and adds files.
    private func twoCommits(in dir: TemporaryDirectory) throws -> (Repository, ObjectID, ObjectID) {
        let (repository, first) = try makeRepository(
            in: dir,
            files: [
                "nova/wsgi/api.py": Self.module, "setup.cfg": "[metadata]\nname = nova\n",
                "nova/wsgi_scripts.txt": "old\n", "README.rst": "Nova\n",
            ])
        let root = try workTree(repository)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("nova/api"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("nova/wsgi/api.py"), to: root.appendingPathComponent("nova/api/wsgi.py"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("nova/wsgi_scripts.txt"))
        try writeFiles(
            ["setup.cfg": "[metadata]\nname = nova\n\n[files]\npackages = nova\n", "releasenotes/note.yaml": "---\n"],
            under: root)
        let second = try commitAll(repository, message: "Migrate from wsgi scripts to module paths\n\nBody line.\n")
        return (repository, first, second)
    }

    @Test("changes lists added, modified, deleted and renamed files, a rename as .renamed")
    func changes() throws {
        try withTemporaryDirectory { dir in
            let (repository, first, second) = try twoCommits(in: dir)
            let changes = try repository.changes(from: first, to: second)
            #expect(
                Set(changes.map { "\($0.kind) \($0.oldPath) \($0.path)" }) == [
                    "renamed nova/wsgi/api.py nova/api/wsgi.py",
                    "deleted nova/wsgi_scripts.txt nova/wsgi_scripts.txt",
                    "modified setup.cfg setup.cfg",
                    "added releasenotes/note.yaml releasenotes/note.yaml",
                ])
            #expect(changes.count == 4)
            // From the empty tree, everything is added.
            #expect(try repository.changes(from: nil, to: first).map(\.kind) == [.added, .added, .added, .added])
            #expect(try repository.changes(from: second, to: second) == [])
        }
    }

    @Test("patch shows the rename with git's rename headers and the edits as hunks")
    func patch() throws {
        try withTemporaryDirectory { dir in
            let (repository, first, second) = try twoCommits(in: dir)
            let patch = try repository.patch(from: first, to: second)
            #expect(
                patch.contains(
                    "diff --git a/nova/wsgi/api.py b/nova/api/wsgi.py\nsimilarity index 100%\nrename from nova/wsgi/api.py\nrename to nova/api/wsgi.py\n"
                ))
            #expect(patch.contains("+[files]\n+packages = nova\n"))
            #expect(patch.contains("deleted file mode 100644"))
            #expect(patch.contains("new file mode 100644"))
            #expect(!patch.contains("def f1():"), "a pure rename carries no content")
            #expect(try repository.patch(from: second, to: second) == "")
        }
    }

    @Test("workingTreePatch shows uncommitted edits and untracked files against HEAD")
    func workingTreePatch() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "one\n"])
            #expect(try repository.workingTreePatch() == "")
            try writeFiles(["a.txt": "two\n", "new.txt": "fresh\n"], under: try workTree(repository))
            let patch = try repository.workingTreePatch()
            #expect(patch.contains("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+two\n"))
            #expect(patch.contains("diff --git a/new.txt b/new.txt\nnew file mode 100644"))
            #expect(patch.contains("+fresh\n"))
            // A dry run leaves the repository as it was.
            #expect(try repository.status().count == 2)
        }
    }

    @Test(
        "formatPatch writes an email that real git am applies on the target branch of a fresh clone",
        .enabled(if: isGitCLIAvailable, "needs the git command-line tool to verify the patch"))
    func formatPatchAppliesWithGitAm() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(
                in: dir.url, name: "nova",
                files: [
                    "nova/wsgi/api.py": Self.module, "setup.cfg": "[metadata]\nname = nova\n",
                    "nova/wsgi_scripts.txt": "old\n",
                ])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            let root = try workTree(clone)
            try clone.createBranch("remove-wsgi_scripts", at: try remote.tip())
            try clone.checkout(branch: "remove-wsgi_scripts")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("nova/api"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("nova/wsgi/api.py"), to: root.appendingPathComponent("nova/api/wsgi.py")
            )
            try FileManager.default.removeItem(at: root.appendingPathComponent("nova/wsgi_scripts.txt"))
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = nova\n\n[files]\npackages = nova\n",
                    "releasenotes/n.yaml": "---\nupgrade: x\n",
                ], under: root)
            try clone.stageAll()
            let message =
                "Migrate from wsgi scripts to module paths\n\nThe wsgi_scripts entry point is gone.\n\nChange-Id: I1111111111111111111111111111111111111111\n"
            let author = Signature(
                name: "Zoë Author", email: "zoe@example.org", date: Date(timeIntervalSince1970: 1_700_000_000),
                offsetMinutes: 60)
            let commit = try clone.commit(message: message, author: author)

            let email = try clone.formatPatch(commit)
            #expect(email.hasPrefix("From \(commit.hex) Mon Sep 17 00:00:00 2001\n"))
            #expect(email.contains("Subject: [PATCH] Migrate from wsgi scripts to module paths\n"))
            #expect(email.contains("rename from nova/wsgi/api.py\nrename to nova/api/wsgi.py\n"))
            let patchFile = dir.url.appendingPathComponent("0001.patch")
            try Data(email.utf8).write(to: patchFile)

            let target = dir.url.appendingPathComponent("target")
            let cloned = try runGit(["clone", "--quiet", "--branch", "master", remote.bareURL.path, target.path])
            #expect(cloned.isSuccess, "git clone: \(cloned.stderr)")
            let applied = try runGit(["am", "--quiet", patchFile.path], in: target)
            #expect(applied.isSuccess, "git am: \(applied.stdout)\(applied.stderr)")
            let tree = try runGit(["rev-parse", "HEAD^{tree}"], in: target)
            #expect(
                tree.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try clone.commitInfo(commit).tree.hex))
            let log = try runGit(["log", "-1", "--format=%an <%ae> %at%n%B"], in: target)
            #expect(log.stdout == "Zoë Author <zoe@example.org> 1700000000\n" + message + "\n")
            let parent = try runGit(["rev-parse", "HEAD~1"], in: target)
            #expect(parent.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try remote.tip().hex))
        }
    }
}
