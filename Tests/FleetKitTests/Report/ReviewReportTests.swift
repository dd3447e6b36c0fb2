import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("review state in the reports")
struct ReviewReportTests {
    private static func review(_ number: Int, _ status: ChangeReview.Status, wip: Bool = false, verified: Int = 0)
        -> ReviewRecord
    {
        .found(
            ChangeReview(
                number: number, url: "https://review.opendev.org/c/openstack/p/+/\(number)", status: status,
                workInProgress: wip, verified: verified, codeReview: status == .merged ? 2 : 0,
                workflow: status == .merged ? 1 : 0, updated: "2026-11-30T10:12:13Z", checked: "2026-12-01T08:00:00Z"))
    }

    /// The fixture run after `fleet status`: nova merged, keystone failing CI, and a WIP, an abandoned, an unpushed repo.
    static func summary() -> Summary {
        var summary = ReportFixtures.summary()
        summary.repos[0].review = review(945_123, .merged, verified: 2)
        summary.repos[1].review = review(945_124, .new, verified: -1)
        for (name, record) in [
            ("wip", review(945_125, .new, wip: true)), ("gone", review(945_126, .abandoned)),
            ("later", ReviewRecord.notFound),
        ] {
            var repo = RepoResult(
                name: "openstack/\(name)", status: .migrated, path: "/w/\(name)", branch: "remove-wsgi_scripts",
                team: "nova", targetBranch: "master", commit: String(repeating: "e", count: 40),
                changeId: "I" + String(repeating: "5", count: 40))
            repo.review = record
            summary.repos.append(repo)
        }
        summary.totals = Summary.totals(of: summary.repos)
        return summary
    }

    /// Five days of a goal: first run, pushes, then merges.
    static let history: [HistoryEntry] = [
        HistoryEntry(time: "2026-11-25T08:00:00Z", totals: ["repos": 10, "migrated": 8, "up-to-date": 0]),
        HistoryEntry(
            time: "2026-11-26T08:00:00Z",
            totals: SummaryTotals(counts: ["repos": 10], reviews: ReviewTotals(open: 6, none: 2))),
        HistoryEntry(
            time: "2026-11-28T08:00:00Z",
            totals: SummaryTotals(counts: ["repos": 10], reviews: ReviewTotals(open: 5, merged: 2, none: 1))),
        HistoryEntry(
            time: "2026-11-30T08:00:00Z",
            totals: SummaryTotals(counts: ["repos": 10], reviews: ReviewTotals(open: 2, merged: 5, abandoned: 1))),
    ]

    @Test("summary.md: a review counts table and state, link and votes per repo")
    func markdown() throws {
        let text = try MarkdownReportFormatter().render(Self.summary())
        #expect(
            text.contains(
                "| review | changes |\n| --- | ---: |\n| merged | 1 |\n| in review | 0 |\n| failing CI | 1 |\n| WIP | 1 |\n| abandoned | 1 |\n| no change | 1 |"
            ))
        #expect(
            text.contains(
                "| merged [#945123](https://review.opendev.org/c/openstack/p/+/945123) · Verified +2 · Code-Review +2 · Workflow +1 |"
            ))
        #expect(text.contains("| no change |"))
    }

    @Test(
        "status.rst: a merged change is the completion artifact, linked; parses without a docutils warning",
        .enabled(if: Docutils.python != nil, "needs docutils: set FLEET_TEST_VENV or install python3-docutils"))
    func rst() throws {
        let text = try StatusRSTFormatter().render(Self.summary())
        #expect(
            text.contains(
                "* ``openstack/nova``: merged, `change 945123 <https://review.opendev.org/c/openstack/p/+/945123>`__ adds"
            ))
        #expect(text.contains("* ``openstack/keystone``: in review, CI failing, `change 945124 "))
        #expect(text.contains("* ``openstack/wip``: work in progress, `change 945125 "))
        #expect(text.contains("* ``openstack/gone``: change abandoned, `change 945126 "))
        #expect(
            text.contains(
                "* ``openstack/later``: ready, branch ``remove-wsgi_scripts`` at commit ``eeeeeeeeeeee`` (not pushed yet)"
            ))
        #expect(try Docutils.warnings(in: text) == "")
        #expect(try Docutils.pseudoXML(of: text).components(separatedBy: "<reference ").count - 1 == 4)
    }

    @Test("summary.html: review badges with CI votes, counts, and the burndown as stacked SVG areas")
    func html() throws {
        let html = try HTMLReportFormatter(history: Self.history).render(Self.summary())
        #expect(
            html.contains(
                "<span class=\"badge r-merged\">merged</span> <a href=\"https://review.opendev.org/c/openstack/p/+/945123\""
            ))
        #expect(html.contains("<span title=\"Verified\">CI +2</span> · <span title=\"Code-Review\">CR +2</span>"))
        #expect(html.contains("<span class=\"badge r-failing\">failing CI</span>"))
        #expect(html.contains("<li><span class=\"badge r-wip\">WIP</span> <strong>1</strong></li>"))
        #expect(html.contains("aria-label=\"Burndown over 4 points: merged 5, open 2, not yet pushed 0\""))
        // The first run has no reviews: its 8 ready repos count as not yet pushed, the chart's peak.
        #expect(html.contains("text-anchor=\"end\" font-size=\"12\" fill=\"#5f6368\">8</text>"))
        #expect(html.components(separatedBy: "<polygon class=\"area\"").count - 1 == 3)
        for forbidden in ["<script", "src=", "<link", "@import", "url(", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        let none = try HTMLReportFormatter().render(ReportFixtures.summary())
        #expect(!none.contains("Burndown"))
    }

    @Test(
        "headless chromium draws the burndown and the badges",
        .enabled(if: Chromium.path != nil, "needs Debian's chromium (apt-get install -y chromium)"))
    func chromium() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = directory.url.appendingPathComponent("summary.html")
        try Data(try HTMLReportFormatter(history: Self.history).render(Self.summary()).utf8).write(to: page)
        let dom = try Chromium.dumpDOM(of: page, profile: directory.url.appendingPathComponent("profile"))
        #expect(dom.contains("<svg class=\"burndown\""))
        #expect(dom.components(separatedBy: "<polygon class=\"area\"").count - 1 == 3)
        #expect(dom.contains("<span class=\"badge r-failing\">failing CI</span>"))
        // A screenshot, kept when FLEET_SCREENSHOT names a file, so a person can look at the page.
        let shot =
            ProcessInfo.processInfo.environment["FLEET_SCREENSHOT"].map(URL.init(fileURLWithPath:))
            ?? directory.url.appendingPathComponent("shot.png")
        let output = try ProcessRunner.run(
            try #require(Chromium.path),
            Chromium.arguments(profile: directory.url.appendingPathComponent("profile"))
                + ["--screenshot=\(shot.path)", "--window-size=1300,1000", page.absoluteString])
        #expect(output.isSuccess, "\(output.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int ?? 0
        #expect(size > 10_000)
    }
}
