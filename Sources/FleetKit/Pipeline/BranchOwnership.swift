import Foundation
import GitKit

/// Whose the review branch is: fleet's (and its Change-Id), nobody's (no commit of its own), or someone else's.
struct BranchOwnership {
    /// The verdict.
    enum Verdict {
        /// The branch holds exactly fleet's commit.
        case ours(tip: ObjectID, changeId: String?)
        /// The branch is missing or has no commit of its own.
        case empty
        /// The branch holds commits fleet did not make.
        case foreign(count: Int, tip: ObjectID)
    }

    /// The verdict.
    let verdict: Verdict
    /// The Change-Id fleet gives this change when nothing else names one.
    let expectedChangeId: String
    /// fleet's commit that the branch held before this run.
    ///
    /// That is its real tip, or, when a killed run already moved the branch, the tip that run recorded if it is
    /// still fleet's commit. Used only to keep an identical commit (no new patch set) or to put the branch back;
    /// never to declare the repo up to date.
    let previousTip: ObjectID?

    /// The Change-Id of fleet's commit on the branch, if any.
    var changeId: String? {
        if case .ours(_, let changeId) = verdict { return changeId }
        return nil
    }

    init(
        repository: Repository, branch: String, target: String, state: RepoState?, clone: SyncedClone,
        expectedChangeId: String
    ) throws {
        self.expectedChangeId = expectedChangeId
        let upstream = try repository.referenceTarget("refs/remotes/origin/\(target)")
        if let tip = try repository.referenceTarget("refs/heads/\(branch)") {
            verdict = try Self.judge(
                tip, in: repository, upstream: upstream, state: state, wasInterrupted: clone.wasInterrupted,
                expectedChangeId: expectedChangeId)
        } else {
            verdict = .empty
        }
        switch verdict {
        case .ours(let tip, _):
            previousTip = tip
        case .empty:
            previousTip = try clone.recordedTip.flatMap {
                try Self.isFleetCommit($0, in: repository, upstream: upstream, expectedChangeId: expectedChangeId)
                    ? $0 : nil
            }
        case .foreign:
            previousTip = nil
        }
    }

    private static func judge(
        _ tip: ObjectID, in repository: Repository, upstream: ObjectID?, state: RepoState?, wasInterrupted: Bool,
        expectedChangeId: String
    ) throws -> Verdict {
        let own = try repository.commits(from: tip, excluding: upstream)
        if own.isEmpty { return .empty }
        let message = try repository.commitInfo(tip).message
        if let state, (state.branchTip ?? state.commit) == tip.hex {
            return .ours(tip: tip, changeId: ChangeID.find(in: message) ?? state.changeId)
        }
        // A run killed between commit and state write: one commit, carrying the Change-Id fleet would give it,
        // made on top of a commit the upstream history contains.
        if wasInterrupted, own.count == 1,
            try isFleetCommit(tip, in: repository, upstream: upstream, expectedChangeId: expectedChangeId)
        {
            return .ours(tip: tip, changeId: expectedChangeId)
        }
        // Fleet's own commit under someone's work is not theirs to count.
        return .foreign(count: own.filter { $0.hex != state?.commit }.count, tip: tip)
    }

    /// Whether `commit` exists, carries fleet's Change-Id, and sits on a commit the upstream history contains.
    private static func isFleetCommit(
        _ commit: ObjectID, in repository: Repository, upstream: ObjectID?, expectedChangeId: String
    ) throws -> Bool {
        guard let upstream, let info = try? repository.commitInfo(commit),
            ChangeID.find(in: info.message) == expectedChangeId, let parent = info.parents.first
        else { return false }
        return try repository.isAncestor(parent, of: upstream)
    }
}
