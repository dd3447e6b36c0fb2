import FleetTestSupport
import Foundation
import GitKit
import Testing

/// A fresh non-bare repository at `<directory>/<name>` whose first commit on `branch` holds `files`.
func makeRepository(
    in directory: TemporaryDirectory, name: String = "repo", files: [String: String], branch: String = "master"
) throws -> (repository: Repository, first: ObjectID) {
    let repository = try Repository.create(at: directory.path(name), initialBranch: branch)
    try writeFiles(files, under: directory.url.appendingPathComponent(name))
    let first = try commitAll(repository, message: "Initial import\n")
    return (repository, first)
}

/// Stages every change in `repository`'s work tree and commits it as `testSignature`.
@discardableResult
func commitAll(_ repository: Repository, message: String) throws -> ObjectID {
    try repository.stageAll()
    return try repository.commit(message: message, author: testSignature)
}

/// The work tree of `repository` as a URL (it must not be bare).
func workTree(_ repository: Repository) throws -> URL {
    guard let path = repository.workingDirectory else { throw TestServerError("repository is bare") }
    return URL(fileURLWithPath: path)
}

/// Runs `body`, which must throw a `GitError`, and returns that error (nil, with a recorded issue, otherwise).
func gitError(_ body: () throws -> Void) -> GitError? {
    do {
        try body()
    } catch let error as GitError {
        return error
    } catch {
        Issue.record("expected a GitError, got \(type(of: error)): \(error)")
        return nil
    }
    Issue.record("expected a GitError, but the call succeeded")
    return nil
}
