import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: push", .tags(.git))
struct PushTests {
    @Test("a refs/for/master%topic=... refspec lands in a local bare repository under that exact name")
    func pushGerritRef() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["setup.cfg": "[metadata]\n"])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            try clone.createBranch("remove-wsgi_scripts", at: try remote.tip())
            try clone.checkout(branch: "remove-wsgi_scripts")
            try writeFiles(["setup.cfg": "[metadata]\nname = nova\n"], under: try workTree(clone))
            let change = try commitAll(clone, message: "Migrate from wsgi scripts to module paths\n")

            let target = "refs/for/master%topic=remove-wsgi_scripts"
            try clone.push(refspecs: ["refs/heads/remove-wsgi_scripts:\(target)"], to: "origin")

            let bare = try Repository.open(at: remote.bareURL.path)
            #expect(try bare.referenceNames().contains(target))
            #expect(try bare.resolveCommit(target) == change)
            #expect(try bare.resolveCommit("refs/heads/master") == remote.tip())
            #expect(try bare.commitInfo(change).message == "Migrate from wsgi scripts to module paths\n")
        }
    }

    @Test("pushing to a URL that is not a configured remote uses an anonymous remote")
    func pushToURL() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["a.txt": "a\n"])
            let other = try Repository.create(at: dir.path("other.git"), bare: true)
            let work = try Repository.open(at: remote.workURL.path)
            try work.push(refspecs: ["refs/heads/master:refs/heads/imported"], to: other.gitDirectory)
            #expect(try other.resolveCommit("refs/heads/imported") == remote.tip())
        }
    }

    @Test("push rewrites a named remote's pushurl and a plain URL with url.<base>.insteadOf")
    func pushInsteadOf() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["a.txt": "a\n"])
            let other = try Repository.create(at: dir.path("other.git"), bare: true)
            let work = try Repository.open(at: remote.workURL.path)
            try work.setConfigValue("url.\(dir.url.path)/.insteadOf", "mirror:")
            try work.push(refspecs: ["refs/heads/master:refs/heads/by-url"], to: "mirror:other.git")
            try work.addRemote("review", url: "/nonexistent/fetch-only.git")
            try work.setConfigValue("remote.review.pushurl", "mirror:other.git")
            try work.push(refspecs: ["refs/heads/master:refs/heads/by-name"], to: "review")
            #expect(try other.resolveCommit("refs/heads/by-url") == remote.tip())
            #expect(try other.resolveCommit("refs/heads/by-name") == remote.tip())
        }
    }

    @Test("a non-fast-forward push to a local bare repository fails and leaves the ref alone")
    func nonFastForward() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["a.txt": "a\n"])
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            let upstream = try remote.commit(["a.txt": "upstream\n"])
            try writeFiles(["a.txt": "local\n"], under: try workTree(clone))
            try commitAll(clone, message: "Local\n")
            let error = gitError { try clone.push(refspecs: ["refs/heads/master:refs/heads/master"], to: "origin") }
            #expect(error?.function == "git_remote_push(\(remote.bareURL.path))")
            #expect(error?.message.isEmpty == false)
            #expect(try remote.tip() == upstream)
        }
    }

    @Test(
        "a push the server's pre-receive hook refuses is an error naming the ref and quoting the server",
        .enabled(if: gitDaemonExecutable != nil, "needs git daemon (the git package) to run a real server"),
        .timeLimit(.minutes(1)))
    func serverRejectsPush() throws {
        try withTemporaryDirectory { dir in
            let served = dir.url.appendingPathComponent("served")
            let remote = try FixtureRemote(in: served, name: "nova", files: ["a.txt": "a\n"])
            let hook = remote.bareURL.appendingPathComponent("hooks/pre-receive")
            try FileManager.default.createDirectory(
                at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("#!/bin/sh\necho 'fleet-test: topic pushes are closed' >&2\nexit 1\n".utf8).write(to: hook)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
            let clone = try Repository.clone(from: remote.bareURL.path, to: dir.path("clone"))
            try clone.createBranch("x", at: try remote.tip())
            try clone.checkout(branch: "x")
            try writeFiles(["a.txt": "b\n"], under: try workTree(clone))
            try commitAll(clone, message: "Change\n")

            try withGitDaemon(basePath: served) { daemon in
                let url = daemon.url("nova.git")
                let target = "refs/for/master%topic=remove-wsgi_scripts"
                let error = gitError { try clone.push(refspecs: ["refs/heads/x:\(target)"], to: url) }
                #expect(error?.function == "git_remote_push(\(url))")
                #expect(error?.message.contains("remote rejected \(target)") == true, "\(String(describing: error))")
                #expect(error?.message.contains("pre-receive hook declined") == true)
                #expect(error?.message.contains("fleet-test: topic pushes are closed") == true)
                #expect(daemon.server.isRunning)
            }
            let bare = try Repository.open(at: remote.bareURL.path)
            #expect(try !bare.referenceNames().contains { $0.hasPrefix("refs/for/") })
        }
    }

    @Test(
        "a push the git daemon accepts updates the served repository",
        .enabled(if: gitDaemonExecutable != nil, "needs git daemon (the git package) to run a real server"),
        .timeLimit(.minutes(1)))
    func serverAcceptsPush() throws {
        try withTemporaryDirectory { dir in
            let served = dir.url.appendingPathComponent("served")
            let remote = try FixtureRemote(in: served, name: "nova", files: ["a.txt": "a\n"])
            try withGitDaemon(basePath: served) { daemon in
                let clone = try Repository.clone(from: daemon.url("nova.git"), to: dir.path("clone"))
                #expect(try clone.headCommit() == remote.tip())
                try writeFiles(["a.txt": "b\n"], under: try workTree(clone))
                let change = try commitAll(clone, message: "Change\n")
                try clone.push(refspecs: ["refs/heads/master:refs/for/master%topic=t"], to: "origin")
                #expect(try Repository.open(at: remote.bareURL.path).resolveCommit("refs/for/master%topic=t") == change)
            }
        }
    }
}
