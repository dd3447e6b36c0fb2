import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("fleet binary", .tags(.e2e))
struct BinaryTests {
    @Test("fleet --version prints the version")
    func version() throws {
        let output = try runFleet(["--version"])
        #expect(output.isSuccess)
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == FleetVersion.current)
    }
}
