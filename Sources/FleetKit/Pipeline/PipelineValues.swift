import Foundation
import GitKit

/// What a step decided: go on with its output, or stop the repo here.
enum StepOutcome<Next> {
    /// Go on to the next step with this value.
    case next(Next)
    /// Stop: the repo ends with this status and message.
    case finish(RepoStatus, message: String?)
}

/// The clone after ``SyncStep``: open, fetched, owned by one worker.
struct SyncedClone {
    /// The clone (confined to the worker that opened it).
    let repository: Repository
    /// Whether it was cloned just now: its work tree is exactly the checkout, so it needs no status check.
    let isFresh: Bool
    /// Whether a killed run left this repo in flight (its marker was found at start).
    let wasInterrupted: Bool
    /// The review branch's tip the killed run recorded before moving the branch, if any.
    let recordedTip: ObjectID?
}

/// Where the review branch starts, after ``BranchStep``: the work tree is on a fresh review branch at `base`.
struct BranchPoint {
    /// The clone.
    let clone: SyncedClone
    /// The target branch.
    let targetBranch: String
    /// The target branch's commit on the remote.
    let base: ObjectID
    /// The review branch's tip before this run, when it held fleet's commit.
    let previousTip: ObjectID?
    /// The Change-Id the commit carries.
    let changeId: String
    /// Whether the work tree is on the review branch (false for a dry run, which stays detached at `base`).
    var repository: Repository { clone.repository }
}

/// The rewritten work tree, after ``RewriteStep`` (and, verified, after ``VerifyStep``).
struct RewrittenTree {
    /// Where the review branch starts.
    let point: BranchPoint
    /// What the rewriter did.
    let rewrite: PreparedRewrite
}

/// The commit made on the review branch, after ``CommitStep``.
struct CommitRecord {
    /// The commit on the review branch (a new one, or the previous one when the change is identical).
    let commit: ObjectID
    /// The commit as `git format-patch` shows it.
    let patch: String
    /// The paths the commit changes, sorted.
    let changedFiles: [String]
}

/// What one repository's run produced: its result, its patch, and a dry run's diff.
public struct RepoRun: Sendable {
    /// The `summary.json` entry.
    public var result: RepoResult
    /// The commit as a patch, when there is one.
    public var patch: String?
    /// A dry run's diff of the rewritten work tree.
    public var diff: String?
}
