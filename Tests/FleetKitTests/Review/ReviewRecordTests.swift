import FleetKit
import Foundation
import Testing

@Suite("review in summary.json")
struct ReviewRecordTests {
    private static func summary(reviews: [ReviewRecord?]) -> Summary {
        let repos = reviews.enumerated().map { index, review in
            var repo = RepoResult(
                name: "openstack/r\(index)", status: .migrated, path: "/w/r\(index)", branch: "remove-wsgi_scripts",
                targetBranch: "master", changeId: "I\(String(repeating: "\(index)", count: 40))")
            repo.review = review
            return repo
        }
        return Summary(goal: "g", topic: "t", started: Date(timeIntervalSince1970: 0), durationSeconds: 1, repos: repos)
    }

    private static let merged = ChangeReview(
        number: 945123, url: "https://review.example.org/c/openstack/nova/+/945123", status: .merged, verified: 2,
        codeReview: 2, workflow: 1, submittable: false, updated: "2026-11-30T10:12:13Z", checked: "2026-12-01T08:00:00Z"
    )

    @Test("never asked: no review key and no totals.reviews")
    func neverAsked() throws {
        let text = String(decoding: try Self.summary(reviews: [nil]).jsonData(), as: UTF8.self)
        #expect(!text.contains("\"review\""))
        #expect(!text.contains("\"reviews\""))
    }

    @Test("no change is written as null and read back as not found; a change as the object of section 7")
    func roundTrip() throws {
        let summary = Self.summary(reviews: [.notFound, .found(Self.merged), nil])
        let data = try summary.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"review\" : null"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let repos = try #require(object["repos"] as? [[String: Any]])
        let review = try #require(repos[1]["review"] as? [String: Any])
        #expect(
            Set(review.keys) == [
                "number", "url", "status", "workInProgress", "verified", "codeReview", "workflow", "submittable",
                "updated", "checked",
            ])
        #expect(review["status"] as? String == "MERGED" && review["number"] as? Int == 945123)
        let totals = try #require(object["totals"] as? [String: Any])
        let reviews = try #require(totals["reviews"] as? [String: Int])
        #expect(reviews == ["open": 0, "merged": 1, "abandoned": 0, "none": 2])
        #expect(totals["migrated"] as? Int == 3)
        let back = try JSONDecoder().decode(Summary.self, from: data)
        #expect(back == summary)
        #expect(back.repos.map(\.review) == [.notFound, .found(Self.merged), nil])
    }
}
