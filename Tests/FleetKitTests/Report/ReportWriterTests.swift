import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Report writer")
struct ReportWriterTests {
    @Test("writes the four files and one patch per repo into a folder it makes")
    func writesEverything() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.url.appendingPathComponent("deep/report")
            let summary = ReportFixtures.summary()
            try ReportWriter.write(
                summary, patches: ["openstack/nova": "From 0123 Mon Sep 17 00:00:00 2001\nnova patch\n"], to: folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["patches", "status.rst", "summary.html", "summary.json", "summary.md"])
            #expect(try SummaryFile.load(from: folder.appendingPathComponent("summary.json")) == summary)
            #expect(readFile("summary.md", under: folder) == (try MarkdownReportFormatter().render(summary)))
            #expect(readFile("status.rst", under: folder) == (try StatusRSTFormatter().render(summary)))
            #expect(readFile("summary.html", under: folder) == (try HTMLReportFormatter().render(summary)))
            #expect(readFile("patches/openstack__nova.patch", under: folder)?.hasSuffix("nova patch\n") == true)
        }
    }

    @Test("replaces existing files, keeps other patches, and leaves no temporary files")
    func rewrites() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.url
            try writeFiles(["summary.md": "old\n", "patches/openstack__old.patch": "kept\n"], under: folder)
            var summary = ReportFixtures.summary()
            summary.repos = [ReportFixtures.nova]
            summary.totals = Summary.totals(of: summary.repos)
            try ReportWriter.write(summary, patches: ["openstack/nova": "new\n"], to: folder)
            #expect(readFile("summary.md", under: folder)?.contains("| openstack/nova | nova | migrated |") == true)
            #expect(readFile("patches/openstack__old.patch", under: folder) == "kept\n")
            let all = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            #expect(!all.contains { $0.hasSuffix(".tmp") })
        }
    }

    @Test("removes the patch of a repo whose run made no commit, and no patch of a repo outside the summary")
    func stalePatches() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.url
            let old = [
                "patches/openstack__nova.patch": "nova\n", "patches/openstack__freezer-api.patch": "stale\n",
                "patches/openstack__heat.patch": "stale\n", "patches/openstack__other-shard.patch": "kept\n",
            ]
            try writeFiles(old, under: folder)
            // freezer-api (needs-attention) and heat (failed) have no commit now; nova has one, keystone's patch
            // was not passed (a re-rendered report that never had it).
            try ReportWriter.write(ReportFixtures.summary(), patches: ["openstack/nova": "new\n"], to: folder)
            let patches = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/patches").sorted()
            #expect(patches == ["openstack__nova.patch", "openstack__other-shard.patch"])
            #expect(readFile("patches/openstack__nova.patch", under: folder) == "new\n")
            #expect(readFile("patches/openstack__other-shard.patch", under: folder) == "kept\n")
        }
    }

    @Test("names patch files after the repo, namespace and repo joined by two underscores")
    func patchNames() {
        #expect(ReportWriter.patchFileName(for: "openstack/nova") == "openstack__nova.patch")
        #expect(ReportWriter.patchFileName(for: "x/networking-bagpipe") == "x__networking-bagpipe.patch")
    }

    @Test(
        "a file that cannot be written leaves no temporary file and the old report whole; a run's write drops the old summary",
        arguments: [ReportWriter.FailurePolicy.keepOldReport, .removeOldSummary])
    func failedWrite(policy: ReportWriter.FailurePolicy) throws {
        try withTemporaryDirectory { directory in
            let folder = directory.url
            let old = ReportFixtures.summary()
            try ReportWriter.write(old, patches: ["openstack/nova": "old\n"], to: folder)
            let before = try snapshot(folder)
            var summary = old
            summary.repos = [ReportFixtures.nova]
            summary.totals = Summary.totals(of: summary.repos)
            // The second patch's name is too long for the file system: it fails after the first was staged.
            let tooLong = "x/" + String(repeating: "n", count: 300)
            #expect(throws: (any Error).self) {
                try ReportWriter.write(
                    summary, patches: ["openstack/nova": "new\n", tooLong: "p\n"], to: folder, onFailure: policy)
            }
            var expected = before
            if policy == .removeOldSummary { expected["summary.json"] = nil }
            #expect(try snapshot(folder) == expected)
        }
    }

    @Test("a rename that fails part-way leaves summary.json last: the old one, or none for a run")
    func failedRename() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.url
            try ReportWriter.write(ReportFixtures.summary(), patches: [:], to: folder)
            let oldSummary = readFile("summary.json", under: folder)
            // summary.md cannot be replaced: a folder that is not empty stands in its place.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("summary.md"))
            try writeFiles(["summary.md/keep": "x"], under: folder)
            var summary = ReportFixtures.summary()
            summary.repos = [ReportFixtures.nova]
            summary.totals = Summary.totals(of: summary.repos)
            #expect(throws: (any Error).self) {
                try ReportWriter.write(summary, patches: [:], to: folder, onFailure: .keepOldReport)
            }
            #expect(readFile("summary.json", under: folder) == oldSummary)
            #expect(
                try !FileManager.default.subpathsOfDirectory(atPath: folder.path).contains { $0.contains(".fleet-") })
            #expect(throws: (any Error).self) { try ReportWriter.write(summary, patches: [:], to: folder) }
            #expect(readFile("summary.json", under: folder) == nil)
        }
    }

    @Test("fails with the file system's error when the folder cannot be made")
    func unwritable() throws {
        try withTemporaryDirectory { directory in
            try writeFiles(["file": "x"], under: directory.url)
            #expect(throws: (any Error).self) {
                try ReportWriter.write(
                    ReportFixtures.summary(), patches: [:], to: directory.url.appendingPathComponent("file/report"))
            }
        }
    }
}

/// Every file under `folder` (relative path → contents).
private func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { continue }
        files[path] = try Data(contentsOf: url)
    }
    return files
}
