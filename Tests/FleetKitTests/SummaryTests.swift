import FleetKit
import Foundation
import Testing

@Suite("summary.json contract")
struct SummaryTests {
    @Test("totals count every status and absent fields are written as null")
    func totalsAndNulls() throws {
        let repos = [
            RepoResult(name: "openstack/nova", status: .migrated, path: "/w/nova", branch: "remove-wsgi_scripts"),
            RepoResult(
                name: "openstack/swift", status: .notApplicable, path: "/w/swift", branch: "remove-wsgi_scripts"),
        ]
        let summary = Summary(
            goal: "g", topic: "t", started: Date(timeIntervalSince1970: 0), durationSeconds: 1, repos: repos)
        #expect(summary.totals["repos"] == 2)
        #expect(summary.totals["migrated"] == 1)
        #expect(summary.totals["failed"] == 0)
        #expect(summary.started == "1970-01-01T00:00:00Z")
        let json = String(decoding: try summary.jsonData(), as: UTF8.self)
        #expect(json.contains("\"commit\" : null"))
        #expect(json.contains("\"schema\" : \"fleet.summary/v1\""))
        #expect(!json.contains("\"pushed\""))
        #expect(try JSONDecoder().decode(Summary.self, from: summary.jsonData()) == summary)
    }
}
