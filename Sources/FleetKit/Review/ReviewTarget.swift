import Foundation
import GitKit

/// Which Gerrit change is a repo's: its Change-Id, in its Gerrit project, on its target branch, at its Gerrit.
public struct ReviewTarget: Sendable, Equatable {
    /// The Gerrit base URL, ending with `/`.
    public var gerrit: String
    /// The Gerrit project: `.gitreview`'s `project` without `.git`, else the manifest name.
    public var project: String
    /// The target branch.
    public var branch: String
    /// The repo's Change-Id.
    public var changeId: String

    /// Whether `change` is this repo's change (a change with the same Change-Id elsewhere is not).
    public func matches(_ change: GerritChange) -> Bool {
        change.changeId == changeId && change.project == project && change.branch == branch
    }

    /// Finds the target of `result`, or why the repo cannot be looked up: `spec` is its manifest entry (its `gerrit:`
    /// and `review:`), and `gerritURL` (`--gerrit-url`, already normalized) wins over everything.
    public static func resolve(
        _ result: RepoResult, spec: RepoSpec?, gerritURL: String?
    ) -> Result<ReviewTarget, GerritError> {
        guard let changeId = result.changeId else {
            return .failure(GerritError(message: "no Change-Id: nothing pushed"))
        }
        guard let branch = result.targetBranch else {
            return .failure(GerritError(message: "no target branch recorded"))
        }
        let gitReview = readGitReview(result)
        let project = gitReview?.project.map(stripGitSuffix) ?? result.name
        let remote = spec?.review ?? gitReview?.reviewURL
        guard let gerrit = gerritURL ?? spec?.gerrit ?? remote.flatMap(GerritURL.fromReviewRemote) else {
            return .failure(
                GerritError(
                    message: "no Gerrit to ask: give --gerrit-url, set 'gerrit:' in the manifest, or add a .gitreview"))
        }
        return .success(ReviewTarget(gerrit: gerrit, project: project, branch: branch, changeId: changeId))
    }

    /// The `.gitreview` of the repo's commit (else its base commit), read from the clone.
    static func readGitReview(_ result: RepoResult) -> GitReview? {
        guard let repository = try? Repository.open(at: result.path) else { return nil }
        for hex in [result.commit, result.baseCommit].compactMap(\.self) {
            guard let commit = ObjectID(hex: hex), let bytes = try? repository.fileContents(".gitreview", at: commit)
            else { continue }
            return GitReview(parsing: String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }

    private static func stripGitSuffix(_ project: String) -> String {
        project.hasSuffix(".git") ? String(project.dropLast(4)) : project
    }
}
