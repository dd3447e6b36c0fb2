import Testing

@testable import FleetKit

@Suite("server names, package discovery helpers and the setup.cfg reader")
struct ServerNamingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var project: String
        var package: String
        var scripts: [String]
        var expected: [String?]
        var testDescription: String { project }
    }

    private static func entries(_ scripts: [String], package: String) throws -> [WSGIScriptEntry] {
        try scripts.enumerated().map { index, script in
            try WSGIScriptEntry(
                line: "\(script) = \(package).api.wsgi:init_application_\(index)", location: "setup.cfg:\(index + 1)")
        }
    }

    @Test(
        "real OpenStack script names map as DESIGN.md says",
        arguments: [
            Case(
                project: "openstack/nova", package: "nova", scripts: ["nova-api-wsgi", "nova-metadata-wsgi"],
                expected: ["api", "metadata"]),
            Case(
                project: "openstack/keystone", package: "keystone",
                scripts: ["keystone-wsgi-admin", "keystone-wsgi-public"], expected: ["admin", "public"]),
            Case(
                project: "openstack/heat", package: "heat", scripts: ["heat-wsgi-api", "heat-wsgi-api-cfn"],
                expected: ["api", "cfn"]),
            Case(project: "openstack/glance", package: "glance", scripts: ["glance-wsgi-api"], expected: ["api"]),
            Case(project: "openstack/cinder", package: "cinder", scripts: ["cinder-wsgi"], expected: ["api"]),
            Case(project: "openstack/neutron", package: "neutron", scripts: ["neutron-api"], expected: ["api"]),
            Case(
                project: "openstack/ironic-inspector", package: "ironic_inspector",
                scripts: ["ironic-inspector-api-wsgi"], expected: ["api"]),
            Case(
                project: "openstack/freezer-api", package: "freezer_api",
                scripts: ["freezer-api-wsgi", "freezer-api-admin-wsgi"], expected: ["api", "admin"]),
        ])
    func realNames(_ testCase: Case) throws {
        let namer = ServerNamer(projectName: testCase.project, package: testCase.package, choices: [:])
        #expect(try namer.names(for: Self.entries(testCase.scripts, package: testCase.package)) == testCase.expected)
    }

    @Test("a name that is not a Python identifier is needs-attention, and skip gives no name")
    func invalidAndSkip() throws {
        let entries = try Self.entries(["svc-wsgi-api", "svc-wsgi-2"], package: "svc")
        #expect(throws: MigrationProblem.self) {
            try ServerNamer(projectName: "openstack/svc", package: "svc", choices: [:]).names(for: entries)
        }
        let skipped = ServerNamer(projectName: "openstack/svc", package: "svc", choices: ["svc-wsgi-2": .skip])
        #expect(try skipped.names(for: entries) == ["api", nil])
        let badChoice = ServerNamer(
            projectName: "openstack/svc", package: "svc", choices: ["svc-wsgi-2": .name("class")])
        #expect(throws: MigrationProblem.self) { try badChoice.names(for: entries) }
    }

    @Test("entry lines parse with or without spaces, and bad ones name their line")
    func entryParsing() throws {
        let entry = try WSGIScriptEntry(
            line: "ironic-api-wsgi=ironic.api.wsgi:initialize_wsgi_app", location: "setup.cfg:9")
        #expect(
            entry.script == "ironic-api-wsgi" && entry.module == "ironic.api.wsgi"
                && entry.callable == "initialize_wsgi_app")
        #expect(
            throws: MigrationProblem(
                "setup.cfg:3: wsgi_scripts entry nova-api-wsgi = nova.api is not `name = module:callable`")
        ) {
            try WSGIScriptEntry(line: "nova-api-wsgi = nova.api", location: "setup.cfg:3")
        }
    }

    @Test("module-level definitions are told apart from nested ones")
    func definitions() {
        let source = """
            import os
            from neutron.common import (config,
                                        get_application as app_factory)

            class Service:
                def build_app(self):
                    pass


            def init_application():
                pass
            application = None
            """
        #expect(PythonSource.definesName("init_application", in: source))
        #expect(PythonSource.definesName("app_factory", in: source))
        #expect(PythonSource.definesName("Service", in: source))
        #expect(!PythonSource.definesName("build_app", in: source))
        #expect(PythonSource.definesApplication(in: source))
        #expect(!PythonSource.definesName("init", in: source))
    }

    @Test("setup.cfg reads back byte for byte, with line numbers, across line-ending styles")
    func roundTrip() throws {
        let text =
            "[metadata]\r\nname = nova\r\n\n[entry_points]\rwsgi_scripts =\n"
            + "\tnova-api-wsgi = a.b:c\n  ; note\n    x = y:z"
        let cfg = try SetupCfg(text: text)
        #expect(cfg.text == text)
        let entry = try #require(cfg.section("entry_points")?.entry("WSGI_SCRIPTS"))
        #expect(entry.line == 5 && entry.lastLine == 8)
        #expect(entry.values.map(\.text) == ["nova-api-wsgi = a.b:c", "x = y:z"])
        #expect(cfg.section("metadata")?.lastLine == 3)
    }
}
