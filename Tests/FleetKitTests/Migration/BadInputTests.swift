import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("wsgi-module-paths rewriter on bad input")
struct BadInputTests {
    let rewriter = WSGIModulePathsRewriter()

    private func migrate(setupCfg: Data, extra: [String: String] = [:]) throws -> MigrationReport {
        try withTemporaryDirectory { dir in
            try writeFiles(ServiceFixture.nova().merging(extra) { $1 }, under: dir.url)
            try setupCfg.write(to: dir.url.appendingPathComponent("setup.cfg"))
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.changedPaths.isEmpty)
            return report
        }
    }

    @Test("a binary setup.cfg is needs-attention")
    func binary() throws {
        let report = try migrate(setupCfg: Data(ServiceFixture.novaSetupCfg.utf8) + Data([0, 1, 2, 0xFF]))
        #expect(report.outcome.attentionReason == "setup.cfg is a binary file, not text")
    }

    @Test("an invalid UTF-8 setup.cfg is needs-attention")
    func invalidUTF8() throws {
        let report = try migrate(setupCfg: Data("[metadata]\nname = nova\n# caf".utf8) + Data([0xC3, 0x28, 0x0A]))
        #expect(report.outcome.attentionReason == "setup.cfg is not valid UTF-8")
    }

    @Test("a very large setup.cfg is refused before it is read")
    func huge() throws {
        let padding = String(repeating: "# padding line for a very large setup.cfg file\n", count: 30_000)
        let report = try migrate(setupCfg: Data((ServiceFixture.novaSetupCfg + padding).utf8))
        #expect(report.outcome.attentionReason?.hasPrefix("setup.cfg is too large (") == true)
    }

    @Test("an unterminated section header names setup.cfg:LINE")
    func unterminatedHeader() throws {
        let text = ServiceFixture.novaSetupCfg.replacingOccurrences(of: "[entry_points]", with: "[entry_points")
        let report = try migrate(setupCfg: Data(text.utf8))
        #expect(report.outcome.attentionReason == "setup.cfg:18: unterminated section header [entry_points")
    }

    @Test("a key before any section names setup.cfg:1")
    func keyBeforeSection() throws {
        let report = try migrate(setupCfg: Data(("name = nova\n" + ServiceFixture.novaSetupCfg).utf8))
        #expect(report.outcome.attentionReason == "setup.cfg:1: key before any section header")
    }

    @Test(
        "a symlink leading out of the clone is refused and nothing outside is read or written",
        arguments: [
            "setup.cfg", "nova/wsgi", "releasenotes/notes",
        ])
    func symlinkOut(_ link: String) throws {
        try withTemporaryDirectory { outside in
            try withTemporaryDirectory { dir in
                var files = ServiceFixture.nova()
                files["releasenotes/notes/old-note-0123456789abcdef.yaml"] = nil
                try writeFiles(files, under: dir.url)
                // Outside holds a valid setup.cfg: reading it would let the migration go on.
                try writeFiles(["setup.cfg": ServiceFixture.novaSetupCfg], under: outside.url)
                let linkURL = dir.url.appendingPathComponent(link)
                try? FileManager.default.removeItem(at: linkURL)
                try FileManager.default.createDirectory(
                    at: linkURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                let destination = link == "setup.cfg" ? outside.url.appendingPathComponent("setup.cfg") : outside.url
                try FileManager.default.createSymbolicLink(at: linkURL, withDestinationURL: destination)
                let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
                #expect(
                    report.outcome.attentionReason?.contains("\(link) is a symlink leading out of the repository")
                        == true)
                #expect(ServiceFixture.listing(outside.url) == ["setup.cfg"])
                #expect(readFile("setup.cfg", under: outside.url) == ServiceFixture.novaSetupCfg)
            }
        }
    }

    @Test("a symlink that stays inside the clone is followed")
    func symlinkInside() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["setup.cfg"] = nil
            files["config/setup.cfg"] = ServiceFixture.novaSetupCfg
            try writeFiles(files, under: dir.url)
            try FileManager.default.createSymbolicLink(
                atPath: dir.path("setup.cfg"), withDestinationPath: "config/setup.cfg")
            let pending = rewriter.rewrite(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(pending.report.outcome == .migrated)
        }
    }
}
