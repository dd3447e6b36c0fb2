import FleetKit
import FleetTestSupport
import Foundation
import Testing

// MARK: - Collisions, verification and re-runs

extension WSGIModulePathsRewriterTests {
    @Test("two scripts that would share one name with different targets are needs-attention")
    func collision() throws {
        try withTemporaryDirectory { dir in
            let files = [
                "setup.cfg": "[metadata]\nname = keystone\n[entry_points]\nwsgi_scripts =\n"
                    + "    keystone-wsgi-admin = keystone.server.wsgi:initialize_admin_application\n"
                    + "    keystone-wsgi-public = keystone.server.wsgi:initialize_public_application\n",
                "keystone/__init__.py": "", "keystone/server/__init__.py": "",
                "keystone/server/wsgi.py": "def initialize_admin_application():\n    pass\n\n\n"
                    + "def initialize_public_application():\n    pass\n",
            ]
            try writeFiles(files, under: dir.url)
            let request = ServiceFixture.request(
                "openstack/keystone",
                servers: ["keystone-wsgi-admin": .name("api"), "keystone-wsgi-public": .name("api")])
            let report = rewriter.migrate(root: dir.url, request: request)
            let reason = try #require(report.outcome.attentionReason)
            #expect(reason.hasPrefix("setup.cfg:6: scripts keystone-wsgi-admin (setup.cfg:5) and keystone-wsgi-public"))
            #expect(ServiceFixture.listing(dir.url) == files.keys.sorted())

            // What keystone did: drop the admin API, serve the public one as keystone.wsgi.api.
            let skip = ServiceFixture.request(
                "openstack/keystone", servers: ["keystone-wsgi-admin": .skip, "keystone-wsgi-public": .name("api")])
            let migrated = rewriter.migrate(root: dir.url, request: skip)
            #expect(migrated.outcome == .migrated)
            #expect(migrated.servers.map(\.module) == ["keystone.wsgi.api"])
            #expect(migrated.removedScripts == ["keystone-wsgi-admin", "keystone-wsgi-public"])
            #expect(readFile("keystone/wsgi/admin.py", under: dir.url) == nil)
            #expect(
                readFile("keystone/wsgi/api.py", under: dir.url)?.contains("wsgi.initialize_public_application()")
                    == true)
            #expect(readFile("setup.cfg", under: dir.url) == "[metadata]\nname = keystone\n")
        }
    }

    @Test("a verification failure is needs-attention: python that cannot run")
    func verificationFailure() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(ServiceFixture.nova(), under: dir.url)
            let broken = WSGIModulePathsRewriter(python: dir.path("no-such-python"))
            let report = broken.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.outcome.attentionReason?.hasPrefix("verification failed: cannot run") == true)
        }
    }

    @Test("a moved wsgi.py that does not compile fails verification: needs-attention, naming py_compile")
    func compileFailure() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = openstack-placement\n\n[entry_points]\nwsgi_scripts =\n"
                        + "    placement-api = placement.wsgi:init_application\n",
                    "placement/__init__.py": "",
                    "placement/wsgi.py": "def init_application():\n    print \"python 2\"\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/placement"))
            let reason = try #require(report.outcome.attentionReason)
            #expect(reason.hasPrefix("verification failed: python3 -m py_compile failed:"))
            #expect(reason.contains("placement/wsgi/__init__.py"))
            #expect(!ServiceFixture.listing(dir.url).contains { $0.contains("__pycache__") })
        }
    }

    @Test("running again on a migrated tree is already-migrated and writes nothing")
    func rerun() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(ServiceFixture.nova(), under: dir.url)
            let first = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(first.outcome == .migrated)
            let before = ServiceFixture.listing(dir.url).map { readFile($0, under: dir.url) }
            let second = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(second.outcome == .alreadyMigrated)
            #expect(second.changedPaths.isEmpty)
            #expect(ServiceFixture.listing(dir.url).map { readFile($0, under: dir.url) } == before)
        }
    }

    @Test("a script whose module already exists only loses its entry point")
    func moduleExistsEntryPointGoes() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["nova/wsgi/__init__.py"] = ""
            files["nova/wsgi/api.py"] =
                "from nova.api.openstack.compute import wsgi\n\napplication = wsgi.init_application()\n"
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.outcome == .migrated)
            #expect(report.servers.map(\.file) == ["nova/wsgi/api.py", "nova/wsgi/metadata.py"])
            #expect(readFile("nova/wsgi/api.py", under: dir.url) == files["nova/wsgi/api.py"])
            let note = "releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml"
            #expect(Set(report.changedPaths) == ["nova/wsgi/metadata.py", "setup.cfg", note])
            let text = try #require(readFile(note, under: dir.url)).split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            // A mixed change pairs each removed script with its module (DESIGN.md section 3.1: per script).
            #expect(
                text.contains(
                    "``nova.wsgi.api:application`` for ``nova-api-wsgi``; ``nova.wsgi.metadata:application`` for "
                        + "``nova-metadata-wsgi``"))
            #expect(report.servers.map(\.created) == [false, true])
            #expect(!text.contains("``nova.wsgi.api`` (replacing"))
        }
    }

    @Test("the registry makes the rewriter by name")
    func registry() {
        #expect(RewriterRegistry.builtIn.kind(named: "wsgi-module-paths")?.name == WSGIModulePathsRewriter.name)
        #expect(RewriterRegistry.builtIn.kind(named: "nope") == nil)
        #expect(RewriterRegistry.builtIn.names.contains("wsgi-module-paths"))
    }
}
