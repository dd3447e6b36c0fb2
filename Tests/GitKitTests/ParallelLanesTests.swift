import FleetTestSupport
import Foundation
import GitKit
import Synchronization
import Testing

@Suite("GitKit on 16 parallel Dispatch lanes", .tags(.git))
struct ParallelLanesTests {
    /// What one lane did, as values only: repositories never leave their lane.
    struct LaneResult: Sendable, Equatable {
        var lane: Int
        var base: ObjectID
        var commit: ObjectID
        var pushed: ObjectID
        var parents: [ObjectID]
        var subject: String
        var files: [String]
    }

    @Test(
        "16 clone-branch-commit-push sequences on distinct repositories run at once on 16 serial queues",
        .timeLimit(.minutes(2)))
    func sixteenLanes() throws {
        try withTemporaryDirectory { dir in
            let width = 16
            // Upstreams are made first, on this thread; each lane then works only with its own folders.
            var remotes: [(bare: String, tip: ObjectID)] = []
            for lane in 0..<width {
                let remote = try FixtureRemote(
                    in: dir.url.appendingPathComponent("lane\(lane)"), name: "repo\(lane)",
                    files: ["setup.cfg": "[metadata]\nname = repo\(lane)\n", "wsgi_scripts.txt": "lane \(lane)\n"])
                remotes.append((remote.bareURL.path, try remote.tip()))
            }
            let inputs = remotes
            let results = Mutex<[Int: Result<LaneResult, GitError>]>([:])
            let arrived = Atomic<Int>(0)
            let everyoneArrived = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for lane in 0..<width {
                let clonePath = dir.path("lane\(lane)/clone")
                DispatchQueue(label: "fleet.tests.lane.\(lane)").async(group: group) {
                    // A barrier: every lane must be running at the same moment before any starts work.
                    if arrived.add(1, ordering: .sequentiallyConsistent).newValue == width {
                        for _ in 0..<width { everyoneArrived.signal() }
                    }
                    guard everyoneArrived.wait(timeout: .now() + 20) == .success else {
                        results.withLock {
                            $0[lane] = .failure(GitError(function: "lane \(lane)", message: "lanes did not all start"))
                        }
                        return
                    }
                    let outcome = Result { () throws(GitError) -> LaneResult in
                        try Self.runLane(lane, from: inputs[lane].bare, to: clonePath)
                    }
                    results.withLock { $0[lane] = outcome }
                }
            }
            #expect(group.wait(timeout: .now() + 90) == .success, "lanes did not finish in time")
            let collected = results.withLock { $0 }
            #expect(collected.count == width)
            #expect(arrived.load(ordering: .sequentiallyConsistent) == width)
            for lane in 0..<width {
                switch collected[lane] {
                case .success(let result):
                    #expect(result.lane == lane)
                    #expect(result.base == inputs[lane].tip)
                    #expect(result.parents == [inputs[lane].tip])
                    #expect(result.pushed == result.commit)
                    #expect(result.subject == "Lane \(lane): remove wsgi_scripts")
                    #expect(result.files == ["lane.txt", "setup.cfg"])
                case .failure(let error):
                    Issue.record("lane \(lane) failed: \(error)")
                case nil:
                    Issue.record("lane \(lane) reported nothing")
                }
            }
            let commits = collected.values.compactMap { try? $0.get().commit }
            #expect(Set(commits).count == width, "every lane made its own commit")
        }
    }

    /// Clone, branch, edit, stage, commit, push, then reopen the remote and read the pushed ref back.
    private static func runLane(_ lane: Int, from bare: String, to clonePath: String) throws(GitError) -> LaneResult {
        let clone = try Repository.clone(from: bare, to: clonePath)
        guard let base = try clone.headCommit() else {
            throw GitError(function: "lane \(lane)", message: "clone has no HEAD")
        }
        try clone.createBranch("remove-wsgi_scripts", at: base)
        try clone.checkout(branch: "remove-wsgi_scripts")
        let root = URL(fileURLWithPath: clonePath)
        do {
            try FileManager.default.removeItem(at: root.appendingPathComponent("wsgi_scripts.txt"))
            try Data("lane \(lane)\n".utf8).write(to: root.appendingPathComponent("lane.txt"))
        } catch {
            throw GitError(function: "lane \(lane)", message: "editing files: \(error)")
        }
        try clone.stageAll()
        let author = Signature(name: "Lane \(lane)", email: "lane\(lane)@example.org")
        let commit = try clone.commit(message: "Lane \(lane): remove wsgi_scripts\n\nBody.\n", author: author)
        let target = "refs/for/master%topic=remove-wsgi_scripts"
        try clone.push(refspecs: ["refs/heads/remove-wsgi_scripts:\(target)"], to: "origin")
        let remote = try Repository.open(at: bare)
        let info = try clone.commitInfo(commit)
        return LaneResult(
            lane: lane, base: base, commit: commit, pushed: try remote.resolveCommit(target), parents: info.parents,
            subject: info.subject, files: try remote.listFiles(at: commit))
    }
}
