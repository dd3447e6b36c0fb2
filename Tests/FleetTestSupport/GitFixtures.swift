import Foundation
import GitKit

/// The identity test commits are made with.
public let testSignature = Signature(name: "Fixture Author", email: "fixture@example.org")

/// A local "remote": a bare repository, plus a work repository whose commits are pushed into it.
///
/// Made at test time through GitKit, never from committed binaries, never over the network.
public final class FixtureRemote {
    /// The bare repository other clones use as their remote (clone it by plain path).
    public let bareURL: URL
    /// The work repository where new upstream commits are made.
    public let workURL: URL
    /// The branch the remote's HEAD names.
    public let branch: String

    /// Makes a remote at `<directory>/<name>.git` whose first commit holds `files`.
    public init(in directory: URL, name: String, files: [String: String], branch: String = "master") throws {
        self.branch = branch
        workURL = directory.appendingPathComponent("\(name)-work")
        bareURL = directory.appendingPathComponent("\(name).git")
        let work = try Repository.create(at: workURL.path, initialBranch: branch)
        try writeFiles(files, under: workURL)
        try work.stageAll()
        try work.commit(message: "Initial import\n", author: testSignature)
        _ = try Repository.clone(from: workURL.path, to: bareURL.path, bare: true)
    }

    /// Commits changes upstream (path → new text, or nil to delete) and pushes them to the bare repository.
    @discardableResult
    public func commit(_ changes: [String: String?], message: String = "Upstream change\n") throws -> ObjectID {
        let work = try Repository.open(at: workURL.path)
        for (path, text) in changes {
            let url = workURL.appendingPathComponent(path)
            if let text {
                try writeFiles([path: text], under: workURL)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        try work.stageAll()
        let id = try work.commit(message: message, author: testSignature)
        try work.push(refspecs: ["refs/heads/\(branch):refs/heads/\(branch)"], to: bareURL.path)
        return id
    }

    /// The commit the bare repository's branch points at.
    public func tip() throws -> ObjectID {
        try Repository.open(at: bareURL.path).resolveCommit("refs/heads/\(branch)")
    }
}
