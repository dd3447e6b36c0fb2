import Foundation

/// The fields fleet reads of Gerrit's `ChangeInfo` (REST API `/changes/`, with `o=LABELS&o=SUBMITTABLE`).
public struct GerritChange: Decodable, Sendable, Equatable {
    /// The change number.
    public var number: Int
    /// The `Change-Id` footer value, `I<40 hex>`.
    public var changeId: String
    /// The project, such as `openstack/nova`.
    public var project: String
    /// The target branch, without `refs/heads/`.
    public var branch: String
    /// `NEW`, `MERGED` or `ABANDONED`.
    public var status: String
    /// Present and true only for a work-in-progress change.
    public var workInProgress: Bool?
    /// Present with `o=SUBMITTABLE`.
    public var submittable: Bool?
    /// Gerrit's timestamp, `2026-11-30 10:12:13.000000000` in UTC.
    public var updated: String?
    /// Label name → summary, present with `o=LABELS`.
    public var labels: [String: GerritLabel]?
    /// Set on the last change of a page when more changes match.
    public var moreChanges: Bool?

    private enum CodingKeys: String, CodingKey {
        case number = "_number"
        case changeId = "change_id"
        case project, branch, status, submittable, updated, labels
        case workInProgress = "work_in_progress"
        case moreChanges = "_more_changes"
    }

    /// The review record of this change as seen at `checked`, linked under `gerrit` (a base URL ending with `/`).
    func review(gerrit: String, checked: Date) -> ChangeReview? {
        guard let status = ChangeReview.Status(rawValue: status) else { return nil }
        return ChangeReview(
            number: number, url: "\(gerrit)c/\(project)/+/\(number)", status: status,
            workInProgress: workInProgress ?? false,
            verified: labels?["Verified"]?.vote(range: -1...1) ?? 0,
            codeReview: labels?["Code-Review"]?.vote(range: -2...2) ?? 0,
            workflow: labels?["Workflow"]?.vote(range: -1...1) ?? 0,
            submittable: submittable ?? false,
            updated: updated.flatMap(Self.isoTimestamp) ?? "", checked: Summary.timestamp(checked))
    }

    /// Gerrit's `yyyy-MM-dd HH:mm:ss.SSSSSSSSS` (UTC) as ISO-8601, `2026-11-30T10:12:13Z`; nil for other text.
    static func isoTimestamp(_ gerrit: String) -> String? {
        let seconds = gerrit.prefix(19)
        guard seconds.count == 19 else { return nil }
        let candidate = seconds.replacingOccurrences(of: " ", with: "T") + "Z"
        return Summary.date(fromTimestamp: candidate).map(Summary.timestamp)
    }
}

/// The fields fleet reads of Gerrit's `LabelInfo`.
public struct GerritLabel: Decodable, Sendable, Equatable {
    /// One vote of `all` (an `ApprovalInfo`); `value` is absent for a reviewer who has not voted.
    public struct Approval: Decodable, Sendable, Equatable {
        /// The vote.
        public var value: Int?
    }

    /// Present (an account) when someone gave the label's highest value.
    public var approved: AccountMarker?
    /// Present when someone gave the label's lowest value.
    public var rejected: AccountMarker?
    /// Present when someone gave a positive value below the highest.
    public var recommended: AccountMarker?
    /// Present when someone gave a negative value above the lowest.
    public var disliked: AccountMarker?
    /// The value of the recommending or disliking vote.
    public var value: Int?
    /// Every vote (newer Gerrit sends it with `LABELS`, every version with `DETAILED_LABELS`).
    public var all: [Approval]?
    /// The label's values, `" 0"`, `"+1"`, `"-2"` → description (with `DETAILED_LABELS`).
    public var values: [String: String]?

    /// An account that voted; fleet only needs to know one is there.
    public struct AccountMarker: Decodable, Sendable, Equatable {}

    /// The vote fleet records: the lowest when any is negative, else the highest, else 0.
    ///
    /// From `all` when Gerrit sent it; otherwise from the summary fields, where `approved` and `rejected` stand for the
    /// label's extreme values: from `values` when sent, else `range` (Gerrit's default range of the label).
    func vote(range: ClosedRange<Int>) -> Int {
        if let all, !all.isEmpty {
            return Self.pick(all.compactMap(\.value))
        }
        let defined = values?.keys.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? []
        let lowest = defined.min() ?? range.lowerBound
        let highest = defined.max() ?? range.upperBound
        var votes: [Int] = []
        if rejected != nil { votes.append(lowest) }
        if disliked != nil { votes.append(min(value ?? -1, -1)) }
        if approved != nil { votes.append(highest) }
        if recommended != nil { votes.append(max(value ?? 1, 1)) }
        return Self.pick(votes)
    }

    private static func pick(_ votes: [Int]) -> Int {
        if let lowest = votes.min(), lowest < 0 { return lowest }
        return max(votes.max() ?? 0, 0)
    }
}
