import FleetKit
import Foundation
import Testing

@Suite("summary.json")
struct JSONReportFormatterTests {
    @Test("is the summary's own JSON and reads back to the same summary")
    func roundTrip() throws {
        let summary = ReportFixtures.summary()
        let text = try JSONReportFormatter().render(summary)
        #expect(text == String(decoding: try summary.jsonData(), as: UTF8.self) + "\n")
        #expect(try JSONDecoder().decode(Summary.self, from: Data(text.utf8)) == summary)
        #expect(text.contains("\"reviewUrl\" : \"https://review.opendev.org/c/openstack/nova/+/950001\""))
        #expect(text.contains("\"needs-attention\" : 1"))
    }
}
