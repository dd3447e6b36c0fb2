import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Loading summary.json files")
struct SummaryFileTests {
    @Test("loads a summary the writer wrote")
    func loads() throws {
        try withTemporaryDirectory { directory in
            try ReportWriter.write(ReportFixtures.summary(), patches: [:], to: directory.url)
            #expect(
                try SummaryFile.load(from: directory.url.appendingPathComponent("summary.json"))
                    == ReportFixtures.summary())
        }
    }

    @Test(
        "names the file and the problem",
        arguments: [
            ("{not json", "not a JSON object"),
            ("[1, 2]", "not a JSON object"),
            ("{\"goal\": \"g\"}", "no \"schema\" field"),
            ("{\"schema\": \"fleet.summary/v1\", \"goal\": \"g\"}", "missing field \"topic\""),
        ])
    func unreadable(text: String, reason: String) throws {
        try withTemporaryDirectory { directory in
            try writeFiles(["bad.json": text], under: directory.url)
            let path = directory.path("bad.json")
            #expect(throws: ReportError.unreadableSummary(path: path, reason: reason)) {
                try SummaryFile.load(from: URL(fileURLWithPath: path))
            }
        }
    }

    @Test("refuses another schema, and a missing file")
    func otherSchema() throws {
        try withTemporaryDirectory { directory in
            try writeFiles(["v2.json": "{\"schema\": \"fleet.summary/v2\"}"], under: directory.url)
            let error = #expect(throws: ReportError.self) {
                try SummaryFile.load(from: directory.url.appendingPathComponent("v2.json"))
            }
            #expect(
                error?.description
                    == "\(directory.path("v2.json")): schema is \"fleet.summary/v2\", expected \"fleet.summary/v1\"")
            #expect(
                throws: ReportError.unreadableSummary(path: directory.path("none.json"), reason: "cannot read the file")
            ) {
                try SummaryFile.load(from: directory.url.appendingPathComponent("none.json"))
            }
        }
    }
}
