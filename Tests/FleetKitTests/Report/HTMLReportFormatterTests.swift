import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("summary.html")
struct HTMLReportFormatterTests {
    @Test("is one self-contained page: inline CSS, no scripts, nothing loaded")
    func selfContained() throws {
        let html = try HTMLReportFormatter().render(ReportFixtures.summary())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<style>"))
        for forbidden in ["<script", "src=", "<link", "@import", "url(", "<iframe", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        // The only absolute URL is the review link the run recorded.
        let secure = html.components(separatedBy: "https://").count - 1
        let plain = html.components(separatedBy: "http://").count - 1
        #expect(secure + plain == 2)  // href and tooltip of nova's review link
    }

    @Test("draws the counts as a stacked SVG bar with a legend of every status")
    func chart() throws {
        let html = try HTMLReportFormatter().render(ReportFixtures.summary())
        // 6 repos: 2 migrated = 333.33 of 1000, then one each of 166.67.
        let firstSegments = [
            "<rect x=\"0.00\" y=\"0\" width=\"333.33\" height=\"36\" fill=\"#2e7d32\"><title>migrated: 2</title></rect>",
            "<rect x=\"333.33\" y=\"0\" width=\"166.67\" height=\"36\" fill=\"#81c784\">",
            "<title>already-migrated: 1</title></rect>",
        ].joined()
        #expect(html.contains(firstSegments))
        #expect(!html.contains("<title>up-to-date"))  // no segment for a status with no repos
        #expect(html.contains("fill=\"#1976d2\"/></svg>up-to-date <strong>0</strong></li>"))
        #expect(html.contains("fill=\"#c62828\"/></svg>failed <strong>1</strong></li>"))
    }

    @Test("one table row per repo, everything escaped")
    func rows() throws {
        let html = try HTMLReportFormatter().render(ReportFixtures.summary())
        #expect(html.components(separatedBy: "<tr data-repo=").count - 1 == 6)
        let novaRow = [
            "<tr data-repo=\"openstack/nova\"><td class=\"repo\">openstack/nova</td><td>nova</td>",
            "<td><span class=\"badge s-migrated\">migrated</span></td>",
            "<td><code>nova.wsgi.osapi_compute</code><br><code>nova.wsgi.metadata</code></td>",
            "<td><code class=\"id\" title=\"I1111111111111111111111111111111111111111\">I11111111</code></td>",
            "<td><a href=\"https://review.opendev.org/c/openstack/nova/+/950001\" ",
            "title=\"https://review.opendev.org/c/openstack/nova/+/950001\">#950001</a></td>",
            "<td class=\"num\"><details><summary>2</summary><ul><li><code>devstack/lib/nova:12</code> uses the ",
            "nova-api-wsgi script</li>",
        ].joined()
        #expect(html.contains(novaRow))
        #expect(
            html.contains(
                ">setup.cfg:31: freezer_api.cmd.api has no *init_app* | see &lt;script&gt;alert(1)&lt;/script&gt; &amp; fix_ it::</td></tr>"
            ))
        #expect(html.contains("<span class=\"muted\">not pushed</span>"))
    }

    @Test("a quote or bracket followed by a combining mark is escaped too")
    func combiningMarks() throws {
        var summary = ReportFixtures.summary()
        summary.repos[0].message = "x\"\u{301} onmouseover=alert(1) <\u{301}b>"
        let html = try HTMLReportFormatter().render(summary)
        let escaped = "x&quot;\u{301} onmouseover=alert(1) &lt;\u{301}b&gt;"
        let bare = "\"\u{301}"
        #expect(html.contains(escaped))
        #expect(!html.contains(bare))
    }

    @Test(
        "headless chromium renders the table",
        .enabled(if: Chromium.path != nil, "needs Debian's chromium (apt-get install -y chromium)"))
    func chromium() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let page = directory.url.appendingPathComponent("summary.html")
        try Data(try HTMLReportFormatter().render(ReportFixtures.summary()).utf8).write(to: page)
        let dom = try Chromium.dumpDOM(of: page, profile: directory.url.appendingPathComponent("profile"))
        let names = ["nova", "keystone", "swift", "freezer-api", "glance", "heat"]
        for name in names {
            #expect(dom.contains("<tr data-repo=\"openstack/\(name)\"><td class=\"repo\">openstack/\(name)</td>"))
        }
        #expect(dom.components(separatedBy: "<tr data-repo=").count - 1 == names.count)
        #expect(dom.contains("<svg class=\"bar\""))
        // The escaped script stayed text: the browser built no script element from it.
        #expect(!dom.contains("<script"))
    }
}

/// Debian's headless chromium, when installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func arguments(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--no-first-run"]
    }

    /// The DOM chromium built from the page, serialised.
    static func dumpDOM(of page: URL, profile: URL) throws -> String {
        guard let path else { return "" }
        let output = try ProcessRunner.run(path, arguments(profile: profile) + ["--dump-dom", page.absoluteString])
        return output.stdout
    }
}
