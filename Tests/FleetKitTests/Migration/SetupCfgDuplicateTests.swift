import Testing

@testable import FleetKit

/// The duplicate checks `configparser` makes, kept when the parser went from a scan per key to a set per section.
@Suite("setup.cfg duplicate keys and sections")
struct SetupCfgDuplicateTests {
    private func reason(_ lines: [String]) -> String? {
        do {
            _ = try SetupCfg(text: lines.joined(separator: "\n") + "\n")
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("a duplicate key is reported at the duplicate's line, compared case-insensitively")
    func duplicateKey() {
        let lines = ["[metadata]", "name = nova", "summary = x", "", "[files]", "packages =", "    nova", "Name = y"]
        #expect(reason(lines) == nil)
        #expect(reason(lines.dropLast() + ["PACKAGES = nova"]) == "setup.cfg:8: duplicate key packages in [files]")
        #expect(
            reason(Array(lines[0...2]) + ["  ; comment", "Summary: y"])
                == "setup.cfg:5: duplicate key summary in [metadata]")
    }

    @Test("the same key in two sections is no duplicate; a repeated section is, at its header")
    func sections() {
        #expect(reason(["[a]", "k = 1", "[b]", "k = 2"]) == nil)
        #expect(reason(["[a]", "k = 1", "[b]", "j = 2", "[a]", "m = 3"]) == "setup.cfg:5: duplicate section [a]")
    }

    @Test("a file of 60,000 distinct keys parses, and a duplicate at its end is found at its line")
    func manyKeys() throws {
        let keys = (0..<60_000).map { "key\($0) = value" }
        let cfg = try SetupCfg(text: (["[entry_points]"] + keys).joined(separator: "\n") + "\n")
        #expect(cfg.section("entry_points")?.entries.count == 60_000)
        #expect(cfg.section("entry_points")?.entry("KEY59999")?.line == 60_001)
        #expect(
            reason(["[entry_points]"] + keys + ["key17 = again"])
                == "setup.cfg:60002: duplicate key key17 in [entry_points]")
    }
}
