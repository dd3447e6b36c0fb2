import Foundation
import Testing

@testable import FleetKit

@Suite("reports of removal-only and mixed changes")
struct RemovalReportTests {
    private func result(_ servers: [ServerMigration], removed: Bool = true) -> RepoResult {
        RepoResult.v1(
            name: "openstack/heat", status: .migrated, path: "/w/heat", branch: "remove-wsgi_scripts",
            package: "heat", commit: "0123456789abcdef0123", servers: servers, entryPointsRemoved: removed,
            durationSeconds: 1.25)
    }

    private let api = ServerMigration(
        script: "heat-wsgi-api", target: "heat.api.openstack.wsgi:init_application", module: "heat.wsgi.api",
        file: "heat/wsgi/api.py", created: false)
    private let cfn = ServerMigration(
        script: "heat-wsgi-api-cfn", target: "heat.api.cfn.wsgi:init_application", module: "heat.wsgi.cfn",
        file: "heat/wsgi/cfn.py")

    @Test("the progress line says entry points removed for a removal-only change; a mixed one names the new module")
    func progressLine() {
        #expect(
            ProgressReporter.line(for: result([api]), finished: 1, total: 2)
                == "[1/2] openstack/heat: migrated, entry points removed (1.2s)\n")
        #expect(
            ProgressReporter.line(for: result([api, cfn]), finished: 1, total: 2)
                == "[1/2] openstack/heat: migrated, heat.wsgi.cfn (1.2s)\n")
        var first = cfn
        first.module = "heat.wsgi.api"
        #expect(
            ProgressReporter.line(for: result([first, cfn]), finished: 2, total: 2)
                == "[2/2] openstack/heat: migrated, heat.wsgi.api, heat.wsgi.cfn (1.2s)\n")
    }

    @Test("the results table and summary.md say entry points removed, and never list an existing module as new")
    func table() throws {
        let summary = Summary(
            goal: "g", topic: "t", started: Date(timeIntervalSince1970: 0), durationSeconds: 1,
            repos: [result([api]), result([api, cfn])])
        let lines = ResultsTable.render(summary).split(separator: "\n")
        #expect(lines[0] == "openstack/heat  migrated          entry points removed")
        #expect(lines[1] == "openstack/heat  migrated          heat.wsgi.cfn")
        let markdown = try MarkdownReportFormatter().render(summary)
        #expect(markdown.contains("| entry points removed |"))
        #expect(markdown.contains("| `heat.wsgi.cfn` |"))
        let html = try HTMLReportFormatter().render(summary)
        #expect(html.contains("<td>entry points removed</td>"))
        #expect(html.contains("<code>heat.wsgi.cfn</code>"))
        #expect(!markdown.contains("`heat.wsgi.api`"))
    }

    @Test("status.rst says a removal-only change removes the entry points, and a mixed one adds its new module")
    func statusRST() throws {
        let summary = Summary(
            goal: "g", topic: "t", started: Date(timeIntervalSince1970: 0), durationSeconds: 1,
            repos: [result([api]), result([api, cfn])])
        let text = try StatusRSTFormatter().render(summary)
        #expect(text.contains("at commit ``0123456789ab``: entry points removed (not pushed yet)"))
        #expect(text.contains("at commit ``0123456789ab`` adds ``heat.wsgi.cfn`` (not pushed yet)"))
        #expect(!text.contains("adds ``entry points removed``"))
    }

    @Test("created is written to summary.json, and a summary written before it existed reads as created")
    func createdField() throws {
        let data = try JSONEncoder().encode(api)
        #expect(String(decoding: data, as: UTF8.self).contains("\"created\":false"))
        #expect(try JSONDecoder().decode(ServerMigration.self, from: data) == api)
        let old = #"{"script":"a-wsgi","target":"a.b:c","module":"a.wsgi.api","file":"a/wsgi/api.py"}"#
        #expect(try JSONDecoder().decode(ServerMigration.self, from: Data(old.utf8)).created)
    }
}
