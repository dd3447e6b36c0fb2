import FleetKit
import Foundation
import Testing

@Suite("Workspace flat names")
struct WorkspaceFlatNameTests {
    @Test(
        "Ordinary names keep their documented flat name",
        arguments: [
            ("openstack/nova", "openstack__nova"),
            ("x/networking-generic_switch.v2", "x__networking-generic_switch.v2"),
            ("openstack/ironic-inspector", "openstack__ironic-inspector"),
        ])
    func ordinary(name: String, flat: String) {
        #expect(Workspace.flatName(name) == flat)
        #expect(ReportWriter.patchFileName(for: name) == flat + ".patch")
    }

    @Test("Names that once collided get their own state, marker and patch file")
    func collidingPair() {
        let workspace = Workspace(root: URL(fileURLWithPath: "/ws"))
        #expect(Workspace.flatName("a__b/c") != Workspace.flatName("a/b__c"))
        #expect(workspace.statePath(for: "a__b/c", branch: "p") != workspace.statePath(for: "a/b__c", branch: "p"))
        #expect(
            workspace.inFlightPath(for: "a__b/c", branch: "p") != workspace.inFlightPath(for: "a/b__c", branch: "p"))
        #expect(ReportWriter.patchFileName(for: "a__b/c") != ReportWriter.patchFileName(for: "a/b__c"))
    }

    @Test("Every valid name of up to five characters has its own flat name")
    func injective() {
        let segments = ["a", "_", "a_", "_a", "__", "a__", "__a", "_a_", "a_a", "___", "-_"]
        var seen: [String: String] = [:]
        for namespace in segments {
            for repo in segments {
                let name = namespace + "/" + repo
                let flat = Workspace.flatName(name)
                #expect(seen[flat] == nil, "\(name) and \(seen[flat] ?? "") share \(flat)")
                #expect(!flat.contains("/"))
                seen[flat] = name
            }
        }
    }
}
