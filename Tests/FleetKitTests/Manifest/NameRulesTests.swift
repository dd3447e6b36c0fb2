import FleetKit
import Testing

@Suite("Name rules")
struct NameRulesTests {
    @Test("Python identifiers", arguments: ["api", "osapi_compute", "_private", "v2", "match"])
    func identifiers(name: String) {
        #expect(NameRules.isPythonIdentifier(name))
    }

    @Test("not Python identifiers", arguments: ["", "1st", "osapi-compute", "class", "None", "a.b", "é", "a b"])
    func notIdentifiers(name: String) {
        #expect(!NameRules.isPythonIdentifier(name))
    }

    @Test("dotted identifiers")
    func dotted() {
        #expect(NameRules.isDottedPythonIdentifier("ironic.inspector"))
        #expect(NameRules.isDottedPythonIdentifier("nova"))
        #expect(!NameRules.isDottedPythonIdentifier("nova."))
        #expect(!NameRules.isDottedPythonIdentifier(".nova"))
        #expect(!NameRules.isDottedPythonIdentifier("freezer-api"))
    }

    @Test("repository names that are safe", arguments: ["openstack/nova", "x/networking-generic_switch.v2"])
    func safeNames(name: String) {
        #expect(NameRules.problem(withRepositoryName: name) == nil)
    }

    @Test(
        "branch names",
        arguments: [
            ("master", true), ("stable/2025.1", true), ("a b", false), ("-x", false),
            ("x.lock", false), ("a/.b", false), ("a~1", false), ("", false),
        ])
    func branches(name: String, isValid: Bool) {
        #expect(NameRules.isBranchName(name) == isValid)
    }
}
