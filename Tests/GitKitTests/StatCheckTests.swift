import FleetTestSupport
import Foundation
import GitKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Repository: the stat-only clean check", .tags(.git))
struct StatCheckTests {
    /// A committed repository with nested folders, an ignored folder, a symlink and an executable.
    private func makeTree(in dir: TemporaryDirectory) throws -> (Repository, URL) {
        let (repository, _) = try makeRepository(
            in: dir,
            files: [
                "setup.cfg": "[metadata]\n", "pkg/__init__.py": "", "pkg/api/wsgi.py": "app = 1\n",
                "doc/source/index.rst": "Docs\n", ".gitignore": "*.log\n.tox/\n", "tools/run.sh": "#!/bin/sh\n",
            ])
        let root = try workTree(repository)
        chmod(root.appendingPathComponent("tools/run.sh").path, 0o755)
        symlink("pkg/api/wsgi.py", root.appendingPathComponent("link.py").path)
        try repository.stageAll()
        try repository.commit(message: "Executable and link\n", author: testSignature)
        // As in a clone fleet committed in: the index was last written a while after the files.
        usleep(20_000)
        try repository.writeIndex()
        return (repository, root)
    }

    @Test("a clean tree, ignored files and an ignored folder: certainly clean, without libgit2's status")
    func clean() throws {
        try withTemporaryDirectory { dir in
            let (repository, root) = try makeTree(in: dir)
            #expect(try repository.workTreeMatchesIndexByStat())
            try writeFiles([".tox/py3/lib/x.py": "x\n", "debug.log": "log\n", "pkg/trace.log": "t\n"], under: root)
            #expect(try repository.workTreeMatchesIndexByStat())
            #expect(try repository.isClean())
            #expect(try repository.status().isEmpty)
        }
    }

    @Test(
        "every change makes it unsure, and the full check then finds what libgit2's status finds",
        arguments: [
            "edit", "same size and times put back", "untracked file", "untracked folder", "delete", "chmod",
            "replace with symlink", "staged edit",
        ])
    func changes(change: String) throws {
        try withTemporaryDirectory { dir in
            let (repository, root) = try makeTree(in: dir)
            let file = root.appendingPathComponent("pkg/api/wsgi.py")
            switch change {
            case "edit":
                try writeFiles(["pkg/api/wsgi.py": "app = 2\n# more\n"], under: root)
            case "same size and times put back":
                var before = stat()
                lstat(file.path, &before)
                try writeFiles(["pkg/api/wsgi.py": "app = 2\n"], under: root)
                var times = [before.st_atim, before.st_mtim]
                utimensat(AT_FDCWD, file.path, &times, 0)
            case "untracked file":
                try writeFiles(["pkg/new.py": "n\n"], under: root)
            case "untracked folder":
                try writeFiles(["extra/deep/new.txt": "n\n"], under: root)
            case "delete":
                try FileManager.default.removeItem(at: file)
            case "chmod":
                chmod(file.path, 0o755)
            case "replace with symlink":
                try FileManager.default.removeItem(at: file)
                symlink("../__init__.py", file.path)
            default:
                try writeFiles(["pkg/api/wsgi.py": "app = 3\n"], under: root)
                try repository.stage(paths: ["pkg/api/wsgi.py"])
            }
            #expect(try !repository.workTreeMatchesIndexByStat() || change == "staged edit")
            #expect(try !repository.isClean())
            #expect(try !repository.status().isEmpty)
            #expect(try repository.isWorkTreeClean() == (change == "staged edit"))
        }
    }

    @Test("a file with the index's own time is racy: certainly clean only when its bytes hash to the blob")
    func racy() throws {
        try withTemporaryDirectory { dir in
            let (repository, root) = try makeTree(in: dir)
            /// Rewrites `path` as it was (a new time), stages it, and gives the index that same time.
            func touchWithIndex(_ path: String, _ rewrite: () throws -> Void) throws {
                usleep(20_000)
                try rewrite()
                try repository.stage(paths: [path])
                var file = stat()
                lstat(root.appendingPathComponent(path).path, &file)
                var times = [file.st_atim, file.st_mtim]
                utimensat(AT_FDCWD, repository.gitDirectory + "/index", &times, 0)
            }
            try touchWithIndex("setup.cfg") { try writeFiles(["setup.cfg": "[metadata]\n"], under: root) }
            // Its metadata alone cannot tell; its bytes hash to the recorded blob.
            #expect(try repository.workTreeMatchesIndexByStat())
            #expect(try repository.isClean())
            // A symbolic link's blob is its target: no hash is tried, the full check decides.
            try touchWithIndex("link.py") {
                let link = root.appendingPathComponent("link.py").path
                unlink(link)
                symlink("pkg/api/wsgi.py", link)
            }
            #expect(try !repository.workTreeMatchesIndexByStat())
            #expect(try repository.isClean())
        }
    }

    @Test("a name that is not ASCII makes it unsure (Swift equates canonically equivalent names); status decides")
    func nonASCII() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(
                in: dir, files: ["docs/re\u{301}sume\u{301}.rst": "r\n", "a.txt": "a\n"])
            usleep(20_000)
            try repository.writeIndex()
            #expect(try !repository.workTreeMatchesIndexByStat())
            #expect(try repository.isClean())
        }
    }
}
