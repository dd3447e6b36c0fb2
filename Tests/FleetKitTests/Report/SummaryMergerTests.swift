import FleetKit
import Foundation
import Testing

@Suite("Summary merger")
struct SummaryMergerTests {
    private func shard(
        _ repos: [RepoResult], started: TimeInterval, duration: Double, topic: String = "remove-wsgi_scripts"
    )
        -> Summary
    {
        Summary(
            goal: "Migrate from wsgi scripts to module paths", topic: topic,
            started: Date(timeIntervalSince1970: started), durationSeconds: duration, repos: repos)
    }

    @Test("joins shards: repos in first-seen order, totals recomputed, earliest start, longest duration")
    func joins() throws {
        let first = shard([ReportFixtures.nova, ReportFixtures.swift], started: 2_000, duration: 30)
        let second = shard([ReportFixtures.keystone, ReportFixtures.heat], started: 1_000, duration: 50.5)
        let merged = try SummaryMerger.merge([first, second])
        #expect(
            merged.repos.map(\.name) == ["openstack/nova", "openstack/swift", "openstack/keystone", "openstack/heat"])
        #expect(
            merged.totals == [
                "repos": 4, "migrated": 2, "already-migrated": 0, "up-to-date": 0,
                "not-applicable": 1, "needs-attention": 0, "failed": 1,
            ])
        #expect(merged.started == "1970-01-01T00:16:40Z")
        #expect(merged.durationSeconds == 50.5)
        #expect(merged.schema == "fleet.summary/v1")
    }

    @Test("a repo in several inputs takes the later input's result")
    func laterWins() throws {
        var fixed = ReportFixtures.heat
        fixed.status = .migrated
        fixed.message = nil
        let merged = try SummaryMerger.merge([
            shard([ReportFixtures.heat, ReportFixtures.nova], started: 0, duration: 1),
            shard([fixed], started: 10, duration: 1),
        ])
        #expect(merged.repos.map(\.name) == ["openstack/heat", "openstack/nova"])
        #expect(merged.repos.first == fixed)
        #expect(merged.totals["failed"] == 0)
        #expect(merged.totals["migrated"] == 2)
    }

    @Test("names each repo found in several inputs, with the inputs and the one whose result is used")
    func repeatedRepos() {
        let inputs = [
            shard([ReportFixtures.heat, ReportFixtures.nova], started: 0, duration: 1),
            shard([ReportFixtures.swift], started: 5, duration: 1),
            shard([ReportFixtures.heat, ReportFixtures.swift], started: 10, duration: 1),
        ]
        #expect(
            SummaryMerger.repeatedRepositories(in: inputs) == [
                .init(name: "openstack/heat", inputs: [1, 3]), .init(name: "openstack/swift", inputs: [2, 3]),
            ])
        #expect(SummaryMerger.repeatedRepositories(in: inputs).map(\.winner) == [3, 3])
        #expect(SummaryMerger.repeatedRepositories(in: Array(inputs.prefix(2))).isEmpty)
    }

    @Test("refuses inputs of another goal or topic, and no inputs at all")
    func refuses() throws {
        let a = shard([ReportFixtures.nova], started: 0, duration: 1)
        let b = shard([ReportFixtures.swift], started: 0, duration: 1, topic: "other-topic")
        #expect(
            throws: ReportError.mismatchedGoal(
                field: "topic", expected: "remove-wsgi_scripts", found: "other-topic", input: 2)
        ) {
            try SummaryMerger.merge([a, b])
        }
        var c = a
        c.goal = "Another goal"
        let error = #expect(throws: ReportError.self) { try SummaryMerger.merge([a, c]) }
        #expect(
            error?.description
                == "summary 2 has goal \"Another goal\", but the first has \"Migrate from wsgi scripts to module paths\": only runs of one goal merge"
        )
        #expect(throws: ReportError.noSummaries) { try SummaryMerger.merge([]) }
    }
}
