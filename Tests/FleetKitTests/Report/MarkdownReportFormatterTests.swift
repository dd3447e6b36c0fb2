import FleetKit
import Testing

@Suite("summary.md")
struct MarkdownReportFormatterTests {
    @Test("status counts, then one table row per repo, then the follow-ups")
    func keyLines() throws {
        let text = try MarkdownReportFormatter().render(ReportFixtures.summary())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Migrate from wsgi scripts to module paths")
        #expect(lines.contains("Topic `remove-wsgi_scripts` · started 2025-06-15T15:06:40Z · 6 repositories in 12.3 s"))
        for expected in [
            "| migrated | 2 |", "| already-migrated | 1 |", "| up-to-date | 0 |", "| not-applicable | 1 |",
            "| needs-attention | 1 |", "| failed | 1 |", "| **total** | **6** |",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(
            lines.contains(
                "| openstack/nova | nova | migrated | `nova.wsgi.osapi_compute`<br>`nova.wsgi.metadata` "
                    + "| `I1111111111111111111111111111111111111111` "
                    + "| https://review.opendev.org/c/openstack/nova/+/950001 | 2 |  |"))
        #expect(
            lines.contains(
                "| openstack/keystone | keystone | migrated | `keystone.wsgi.api` "
                    + "| `I2222222222222222222222222222222222222222` | not pushed | 0 |  |"))
        // Pipes in the message are escaped so the row keeps eight cells.
        #expect(
            lines.contains(
                "| openstack/freezer-api |  | needs-attention |  |  |  | 1 | setup.cfg:31: freezer\\_api.cmd.api has no "
                    + "\\*init\\_app\\* \\| see \\<script\\>alert(1)\\</script\\> & fix\\_ it:: |"))
        // A multi-line message becomes one line.
        #expect(
            lines.contains("| openstack/heat | heat | failed |  |  |  | 0 | clone failed: could not resolve host |"))
        #expect(lines.contains("- `devstack/lib/nova:12` uses the nova-api-wsgi script"))
        #expect(lines.contains("### openstack/freezer-api"))
        #expect(lines.contains("- `devstack/plugin.sh:7` runs \\`freezer-api-wsgi\\` | tee log"))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test("every table row has the header's number of cells")
    func cellCounts() throws {
        let text = try MarkdownReportFormatter().render(ReportFixtures.summary())
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| openstack/") }
        #expect(rows.count == 6)
        for row in rows {
            // Count the unescaped pipes: 9 separators for 8 cells.
            var count = 0
            var previous: Character = " "
            for character in row {
                if character == "|" && previous != "\\" { count += 1 }
                previous = character
            }
            #expect(count == 9, "\(row)")
        }
    }
}
