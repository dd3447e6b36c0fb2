import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// Layouts taken from real services as they were before they migrated.
@Suite("wsgi-module-paths rewriter on real service layouts", .tags(.python))
struct ServiceLayoutTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var project: String
        var files: [String: String]
        var servers: [String: ServerChoice] = [:]
        var modules: [String]
        var imports: [String]
        var moved: Bool = false
        var testDescription: String { project }
    }

    static let layouts: [Layout] = [
        // neutron: the target is a package's __init__, and an unrelated neutron/wsgi.py (the eventlet server) exists.
        Layout(
            project: "openstack/neutron",
            files: [
                "setup.cfg": "[metadata]\nname = neutron\n\n[files]\npackages =\n    neutron\n\n[entry_points]\n"
                    + "wsgi_scripts =\n    neutron-api = neutron.server:get_application\n"
                    + "console_scripts =\n    neutron-server = neutron.cmd.eventlet.server:main\n",
                "neutron/__init__.py": "",
                "neutron/wsgi.py":
                    "from oslo_config import cfg\n\nfrom neutron._i18n import _\n\n\nclass Server:\n    pass\n",
                "neutron/server/__init__.py": "def boot_server(server_func):\n    pass\n\n\ndef get_application():\n"
                    + "    return None\n",
            ],
            modules: ["neutron.wsgi.api"], imports: ["from neutron import server"], moved: true),
        // cinder: the target lives in an existing cinder/wsgi/ package next to other modules.
        Layout(
            project: "openstack/cinder",
            files: [
                "setup.cfg": "[metadata]\nname = cinder\n\n[entry_points]\nwsgi_scripts =\n"
                    + "    cinder-wsgi = cinder.wsgi.wsgi:initialize_application\n",
                "cinder/__init__.py": "", "cinder/wsgi/__init__.py": "", "cinder/wsgi/common.py": "",
                "cinder/wsgi/wsgi.py": "def initialize_application():\n    return None\n",
            ],
            modules: ["cinder.wsgi.api"], imports: ["from cinder.wsgi import wsgi"]),
        // keystone: two factories in one module, one bound by assignment; the admin API is retired (skip).
        Layout(
            project: "openstack/keystone",
            files: [
                "setup.cfg": "[metadata]\nname = keystone\n\n[entry_points]\nwsgi_scripts =\n"
                    + "    keystone-wsgi-admin = keystone.server.wsgi:initialize_admin_application\n"
                    + "    keystone-wsgi-public = keystone.server.wsgi:initialize_public_application\n",
                "keystone/__init__.py": "", "keystone/server/__init__.py": "",
                "keystone/server/wsgi.py": "def initialize_public_application():\n    return None\n\n\n"
                    + "initialize_admin_application = initialize_public_application\n",
            ],
            servers: ["keystone-wsgi-admin": .skip, "keystone-wsgi-public": .name("api")],
            modules: ["keystone.wsgi.api"], imports: ["from keystone.server import wsgi"]),
        // ironic-inspector: the repository name, the script and the package all differ.
        Layout(
            project: "openstack/ironic-inspector",
            files: [
                "setup.cfg": "[metadata]\nname = ironic-inspector\n\n[files]\npackages =\n    ironic_inspector\n\n"
                    + "[entry_points]\nwsgi_scripts =\n"
                    + "    ironic-inspector-api-wsgi = ironic_inspector.wsgi_app:get_app\n",
                "ironic_inspector/__init__.py": "",
                "ironic_inspector/wsgi_app.py": "def get_app():\n    return None\n",
            ],
            modules: ["ironic_inspector.wsgi.api"], imports: ["from ironic_inspector import wsgi_app"]),
    ]

    @Test("migrates and verifies", arguments: layouts)
    func migrates(_ layout: Layout) throws {
        try withTemporaryDirectory { dir in
            try writeFiles(layout.files, under: dir.url)
            let request = ServiceFixture.request(layout.project, servers: layout.servers)
            let report = WSGIModulePathsRewriter().migrate(root: dir.url, request: request)
            #expect(report.outcome == .migrated)
            // The commit stages exactly these paths: every file created, edited, moved or deleted must be named.
            let after = Set(ServiceFixture.listing(dir.url))
            let touched = after.union(layout.files.keys).filter { readFile($0, under: dir.url) != layout.files[$0] }
            #expect(
                Set(report.changedPaths).isSuperset(of: touched), "unnamed: \(touched.subtracting(report.changedPaths))"
            )
            #expect(report.servers.map(\.module) == layout.modules)
            #expect(report.criteriaMet)
            for (server, statement) in zip(report.servers, layout.imports) {
                #expect(readFile(server.file, under: dir.url)?.contains(statement + "\n") == true)
            }
            #expect(readFile("setup.cfg", under: dir.url)?.contains("wsgi_scripts") == false)
            let package = try #require(report.package)
            #expect(report.changedPaths.contains("\(package)/wsgi.py") == layout.moved)
            if layout.moved {
                #expect(readFile("\(package)/wsgi/__init__.py", under: dir.url) == layout.files["\(package)/wsgi.py"])
            }
        }
    }
}
