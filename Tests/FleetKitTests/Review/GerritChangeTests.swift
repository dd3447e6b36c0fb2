import Foundation
import Testing

@testable import FleetKit

@Suite("Gerrit ChangeInfo and votes")
struct GerritChangeTests {
    /// A query answer shaped as Gerrit's REST documentation records it (`rest-api-changes.html`, "Query Changes" with
    /// `o=LABELS`, and the `LabelInfo` and `ApprovalInfo` entities): the `)]}'` line, then a list of ChangeInfo.
    static let recordedAnswer = #"""
        )]}'
        [
          {
            "id": "openstack%2Fnova~master~I8473b95934b5732ac55d26311a706c9c2bde9940",
            "project": "openstack/nova",
            "branch": "master",
            "topic": "remove-wsgi_scripts",
            "attention_set": {},
            "hashtags": [],
            "change_id": "I8473b95934b5732ac55d26311a706c9c2bde9940",
            "subject": "Add nova.wsgi module",
            "status": "NEW",
            "created": "2026-11-02 07:15:44.639000000",
            "updated": "2026-11-30 10:12:13.274000000",
            "submit_type": "MERGE_IF_NECESSARY",
            "submittable": false,
            "mergeable": true,
            "insertions": 34,
            "deletions": 45,
            "total_comment_count": 0,
            "unresolved_comment_count": 0,
            "has_review_started": true,
            "meta_rev_id": "a2b7c4d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5",
            "_number": 945123,
            "owner": {"_account_id": 1000096},
            "labels": {
              "Verified": {
                "approved": {"_account_id": 1000097},
                "all": [{"value": 1, "date": "2026-11-30 10:12:13.274000000", "permitted_voting_range": {"min": -1, "max": 1}, "_account_id": 1000097}],
                "values": {"-1": "Fails", " 0": "No score", "+1": "Verified"},
                "default_value": 0
              },
              "Code-Review": {
                "disliked": {"_account_id": 1000098},
                "value": -1,
                "default_value": 0
              },
              "Workflow": {
                "optional": true
              }
            },
            "requirements": [],
            "submit_records": [],
            "_more_changes": true
          }
        ]
        """#

    @Test("reads a recorded query answer after its )]}' line")
    func recorded() throws {
        let body = Data(Self.recordedAnswer.dropFirst(5).utf8)
        let changes = try JSONDecoder().decode([GerritChange].self, from: body)
        let change = try #require(changes.first)
        #expect(change.number == 945123 && change.project == "openstack/nova" && change.branch == "master")
        #expect(change.changeId == "I8473b95934b5732ac55d26311a706c9c2bde9940")
        #expect(change.moreChanges == true && change.workInProgress == nil && change.submittable == false)
        let review = try #require(
            change.review(gerrit: "https://review.opendev.org/", checked: Date(timeIntervalSince1970: 0)))
        #expect(review.url == "https://review.opendev.org/c/openstack/nova/+/945123")
        #expect(review.status == .new && review.verified == 1 && review.codeReview == -1 && review.workflow == 0)
        #expect(review.updated == "2026-11-30T10:12:13Z" && review.checked == "1970-01-01T00:00:00Z")
        #expect(review.state == .inReview)
    }

    @Test(
        "each vote is the lowest when any is negative, else the highest, else 0",
        arguments: [
            (#"{}"#, 0),
            (#"{"optional": true}"#, 0),
            (#"{"approved": {"_account_id": 1}}"#, 2),
            (#"{"recommended": {"_account_id": 1}, "value": 1}"#, 1),
            (#"{"recommended": {"_account_id": 1}}"#, 1),
            (#"{"disliked": {"_account_id": 1}, "value": -1}"#, -1),
            (#"{"rejected": {"_account_id": 1}}"#, -2),
            (#"{"approved": {"_account_id": 1}, "disliked": {"_account_id": 2}, "value": -1}"#, -1),
            (#"{"rejected": {"_account_id": 1}, "values": {"-1": "x", " 0": "y", "+1": "z"}}"#, -1),
            (#"{"all": [{"value": 2}, {"value": 1}, {"_account_id": 3}]}"#, 2),
            (#"{"all": [{"value": 2}, {"value": -1}, {"value": 1}]}"#, -1),
            (#"{"all": [{"value": 0}], "approved": {"_account_id": 1}}"#, 0),
        ])
    func votes(label: String, expected: Int) throws {
        let decoded = try JSONDecoder().decode(GerritLabel.self, from: Data(label.utf8))
        #expect(decoded.vote(range: -2...2) == expected)
    }

    @Test("Gerrit's timestamps become ISO-8601 UTC; other text is refused")
    func timestamps() {
        #expect(GerritChange.isoTimestamp("2026-11-30 10:12:13.000000000") == "2026-11-30T10:12:13Z")
        #expect(GerritChange.isoTimestamp("2026-11-30 10:12:13") == "2026-11-30T10:12:13Z")
        #expect(GerritChange.isoTimestamp("yesterday") == nil)
    }

    @Test("the review state: merged, abandoned, WIP, failing CI, in review")
    func states() {
        func review(_ status: ChangeReview.Status, wip: Bool = false, verified: Int = 0) -> ChangeReview {
            ChangeReview(
                number: 1, url: "u", status: status, workInProgress: wip, verified: verified, updated: "", checked: "")
        }
        #expect(review(.merged).state == .merged)
        #expect(review(.abandoned).state == .abandoned)
        #expect(review(.new, wip: true, verified: -1).state == .workInProgress)
        #expect(review(.new, verified: -1).state == .failingCI)
        #expect(review(.new, verified: 1).state == .inReview)
    }
}
