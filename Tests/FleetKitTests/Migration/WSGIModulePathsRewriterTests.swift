import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("wsgi-module-paths rewriter on service trees", .tags(.python))
struct WSGIModulePathsRewriterTests {
    let rewriter = WSGIModulePathsRewriter()

    @Test("one script becomes <pkg>.wsgi.api in DESIGN.md's shape, and its entry point goes")
    func oneScript() throws {
        try withTemporaryDirectory { dir in
            let setupCfg = """
                [metadata]
                name = glance
                summary = OpenStack Image Service

                [files]
                data_files =
                    etc/glance =
                        etc/glance-api.conf
                packages =
                    glance

                [entry_points]
                console_scripts =
                    glance-api = glance.cmd.api:main
                wsgi_scripts =
                    glance-wsgi-api = glance.common.wsgi_app:init_app
                oslo.config.opts =
                    glance.api = glance.opts:list_api_opts

                """
            try writeFiles(
                [
                    "setup.cfg": setupCfg, "glance/__init__.py": "", "glance/common/__init__.py": "",
                    "glance/common/wsgi_app.py": ServiceFixture.factoryModule("init_app", body: "glance"),
                    "releasenotes/notes/.placeholder": "",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/glance"))
            #expect(report.outcome == .migrated)
            #expect(report.package == "glance")
            #expect(
                report.servers == [
                    ServerMigration(
                        script: "glance-wsgi-api", target: "glance.common.wsgi_app:init_app",
                        module: "glance.wsgi.api", file: "glance/wsgi/api.py")
                ])
            #expect(
                readFile("glance/wsgi/api.py", under: dir.url) == """
                    #    Licensed under the Apache License, Version 2.0 (the "License"); you may
                    #    not use this file except in compliance with the License. You may obtain
                    #    a copy of the License at
                    #
                    #         http://www.apache.org/licenses/LICENSE-2.0
                    #
                    #    Unless required by applicable law or agreed to in writing, software
                    #    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
                    #    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
                    #    License for the specific language governing permissions and limitations
                    #    under the License.

                    \"\"\"WSGI application entry-point for Glance API.\"\"\"

                    import threading

                    from glance.common import wsgi_app

                    application = None
                    lock = threading.Lock()
                    with lock:
                        if application is None:
                            application = wsgi_app.init_app()

                    """)
            #expect(readFile("glance/wsgi/__init__.py", under: dir.url) == "")
            #expect(
                readFile("setup.cfg", under: dir.url)
                    == setupCfg.replacingOccurrences(
                        of: "wsgi_scripts =\n    glance-wsgi-api = glance.common.wsgi_app:init_app\n", with: ""))
            #expect(report.entryPointsRemoved)
            #expect(report.removedScripts == ["glance-wsgi-api"])
            let note = "releasenotes/notes/add-glance-wsgi-module-0123456789abcdef.yaml"
            #expect(report.releaseNote == note)
            #expect(report.criteriaMet)
            #expect(Set(report.changedPaths) == ["glance/wsgi/__init__.py", "glance/wsgi/api.py", "setup.cfg", note])
            let noteText = try #require(readFile(note, under: dir.url))
            #expect(noteText.contains("features:\n  - |\n"))
            #expect(noteText.contains("wsgi-file = /bin/glance-wsgi-api"))
            #expect(noteText.contains("module = glance.wsgi.api:application"))
            #expect(noteText.contains("upgrade:\n  - |\n    The ``glance-wsgi-api`` WSGI script has been removed."))
            #expect(!ServiceFixture.listing(dir.url).contains { $0.contains("__pycache__") })
        }
    }

    @Test("two scripts are named from what remains of their names: heat-wsgi-api is api, heat-wsgi-api-cfn is cfn")
    func twoScripts() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": """
                    [metadata]
                    name = openstack-heat

                    [files]
                    packages =
                        heat

                    [entry_points]
                    wsgi_scripts =
                        heat-wsgi-api = heat.httpd.heat_api:init_application
                        heat-wsgi-api-cfn = heat.httpd.heat_api_cfn:init_application

                    """,
                    "heat/__init__.py": "", "heat/httpd/__init__.py": "",
                    "heat/httpd/heat_api.py": ServiceFixture.factoryModule("init_application", body: "api"),
                    "heat/httpd/heat_api_cfn.py": ServiceFixture.factoryModule("init_application", body: "cfn"),
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/heat"))
            #expect(report.outcome == .migrated)
            #expect(report.servers.map(\.module) == ["heat.wsgi.api", "heat.wsgi.cfn"])
            let cfn = try #require(readFile("heat/wsgi/cfn.py", under: dir.url))
            #expect(cfn.contains("\"\"\"WSGI application entry-point for Heat CFN API.\"\"\""))
            #expect(cfn.contains("from heat.httpd import heat_api_cfn\n"))
            #expect(cfn.contains("        application = heat_api_cfn.init_application()\n"))
            // The [entry_points] section held only wsgi_scripts, and it was the last one: it goes with its blank line.
            #expect(
                readFile("setup.cfg", under: dir.url)
                    == "[metadata]\nname = openstack-heat\n\n[files]\npackages =\n    heat\n")
            #expect(report.releaseNote == nil)
        }
    }

    @Test("manifest servers: names win, as nova chose osapi_compute and metadata")
    func manifestNames() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(ServiceFixture.nova(), under: dir.url)
            let request = ServiceFixture.request(
                "openstack/nova",
                servers: ["nova-api-wsgi": .name("osapi_compute"), "nova-metadata-wsgi": .name("metadata")])
            let report = rewriter.migrate(root: dir.url, request: request)
            #expect(report.outcome == .migrated)
            #expect(report.servers.map(\.file) == ["nova/wsgi/osapi_compute.py", "nova/wsgi/metadata.py"])
            let compute = try #require(readFile("nova/wsgi/osapi_compute.py", under: dir.url))
            #expect(compute.contains("from nova.api.openstack.compute import wsgi\n"))
            #expect(compute.contains("application = wsgi.init_application()"))
            let setupCfg = try #require(readFile("setup.cfg", under: dir.url))
            #expect(!setupCfg.contains("wsgi_scripts"))
            #expect(setupCfg.contains("    nova-compute = nova.cmd.compute:main\nnova.compute.monitors.cpu =\n"))
            let note = try #require(report.releaseNote.flatMap { readFile($0, under: dir.url) })
            let flat = note.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("``nova.wsgi.osapi_compute`` (replacing the ``nova-api-wsgi`` script)"))
            #expect(flat.contains("The ``nova-api-wsgi`` and ``nova-metadata-wsgi`` WSGI scripts have been removed."))
        }
    }

    @Test("a target inside an existing <pkg>/wsgi/ package only gains the new module (manila)")
    func existingWSGIPackage() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = manila\n\n[entry_points]\nwsgi_scripts =\n"
                        + "    manila-wsgi = manila.wsgi.wsgi:initialize_application\n",
                    "manila/__init__.py": "", "manila/wsgi/__init__.py": "# manila wsgi package\n",
                    "manila/wsgi/wsgi.py": ServiceFixture.factoryModule("initialize_application", body: "manila"),
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/manila"))
            #expect(report.outcome == .migrated)
            #expect(readFile("manila/wsgi/__init__.py", under: dir.url) == "# manila wsgi package\n")
            #expect(Set(report.changedPaths) == ["manila/wsgi/api.py", "setup.cfg"])
            #expect(readFile("manila/wsgi/api.py", under: dir.url)?.contains("from manila.wsgi import wsgi\n") == true)
            #expect(readFile("setup.cfg", under: dir.url) == "[metadata]\nname = manila\n")
        }
    }

    @Test("an existing <pkg>/wsgi.py that is the target moves to <pkg>/wsgi/__init__.py (placement)")
    func wsgiModuleIsTarget() throws {
        try withTemporaryDirectory { dir in
            let original =
                "import os\n\nfrom . import deploy\n\nCONF_DIR = os.path.dirname(__file__)\n\n\n"
                + "def init_application():\n    return deploy.loadapp()\n"
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = openstack-placement\n\n[files]\npackages =\n    placement\n\n"
                        + "[entry_points]\nwsgi_scripts =\n    placement-api = placement.wsgi:init_application\n",
                    "placement/__init__.py": "", "placement/wsgi.py": original,
                    "placement/deploy.py": "def loadapp():\n    return None\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/placement"))
            #expect(report.outcome == .migrated)
            #expect(readFile("placement/wsgi.py", under: dir.url) == nil)
            #expect(
                readFile("placement/wsgi/__init__.py", under: dir.url)
                    == original.replacingOccurrences(of: "from . import deploy", with: "from .. import deploy"))
            let api = try #require(readFile("placement/wsgi/api.py", under: dir.url))
            #expect(api.contains("from placement import wsgi\n"))
            #expect(api.contains("application = wsgi.init_application()"))
            #expect(Set(report.changedPaths).isSuperset(of: ["placement/wsgi.py", "placement/wsgi/__init__.py"]))
            #expect(report.followUps.contains { $0.file == "placement/wsgi/__init__.py" && $0.line == 5 })
        }
    }

    @Test("the package comes from [metadata] name when the repository name differs (freezer-api → freezer_api)")
    func packageDiffersFromRepository() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = freezer-api\n\n[entry_points]\nwsgi_scripts =\n"
                        + "    freezer-api-wsgi = freezer_api.service:initialize_app\n",
                    "freezer_api/__init__.py": "",
                    "freezer_api/service.py": ServiceFixture.factoryModule("initialize_app", body: "freezer"),
                    "releasenotes/notes/x.yaml": "---\nfixes:\n  - x\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/freezer-api"))
            #expect(report.outcome == .migrated)
            #expect(report.package == "freezer_api")
            #expect(report.servers.map(\.module) == ["freezer_api.wsgi.api"])
            #expect(report.releaseNote == "releasenotes/notes/add-freezer-api-wsgi-module-0123456789abcdef.yaml")
            #expect(readFile("freezer_api/wsgi/api.py", under: dir.url)?.contains("for Freezer API.") == true)
        }
    }

    @Test("no wsgi_scripts anywhere is not-applicable and writes nothing")
    func notApplicable() throws {
        try withTemporaryDirectory { dir in
            let files = [
                "setup.cfg": "[metadata]\nname = oslo.config\n\n[entry_points]\nconsole_scripts =\n    x = a.b:c\n",
                "oslo_config/__init__.py": "",
            ]
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/oslo.config"))
            #expect(report.outcome.notApplicableReason?.contains("no wsgi_scripts") == true)
            #expect(report.changedPaths.isEmpty)
            #expect(ServiceFixture.listing(dir.url) == files.keys.sorted())
        }
    }

    @Test("a tree whose modules exist and whose scripts are gone is already-migrated")
    func alreadyMigrated() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": "[metadata]\nname = nova\n", "nova/__init__.py": "", "nova/wsgi/__init__.py": "",
                    "nova/wsgi/osapi_compute.py": "application = None\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.outcome == .alreadyMigrated)
            #expect(report.criteriaMet)
            #expect(report.changedPaths.isEmpty)
        }
    }

    @Test("with entry_points keep, scripts whose modules exist are already-migrated")
    func alreadyMigratedKeep() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["nova/wsgi/__init__.py"] = ""
            files["nova/wsgi/api.py"] =
                "from nova.api.openstack.compute import wsgi\n\napplication = wsgi.init_application()\n"
            files["nova/wsgi/metadata.py"] = "application = None\n"
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(
                root: dir.url, request: ServiceFixture.request("openstack/nova", entryPoints: .keep))
            #expect(report.outcome == .alreadyMigrated)
            #expect(report.servers.map(\.module) == ["nova.wsgi.api", "nova.wsgi.metadata"])
            #expect(readFile("setup.cfg", under: dir.url) == ServiceFixture.novaSetupCfg)
        }
    }

    @Test("entry_points keep writes the modules and leaves setup.cfg byte for byte")
    func keepPolicy() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(ServiceFixture.nova(), under: dir.url)
            let report = rewriter.migrate(
                root: dir.url, request: ServiceFixture.request("openstack/nova", entryPoints: .keep))
            #expect(report.outcome == .migrated)
            #expect(!report.entryPointsRemoved)
            #expect(readFile("setup.cfg", under: dir.url) == ServiceFixture.novaSetupCfg)
            #expect(!report.changedPaths.contains("setup.cfg"))
            let note = try #require(report.releaseNote.flatMap { readFile($0, under: dir.url) })
            #expect(note.contains("features:") && !note.contains("upgrade:"))
        }
    }

    @Test("a missing target module is needs-attention naming the entry and setup.cfg:LINE")
    func missingTarget() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["nova/api/metadata/wsgi.py"] = nil
            files["nova/api/openstack/compute/wsgi.py"] = "def something_else():\n    pass\n"
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            let reason = try #require(report.outcome.attentionReason)
            #expect(
                reason.contains("setup.cfg:25: nova/api/openstack/compute/wsgi.py does not define init_application"))
            #expect(reason.contains("setup.cfg:26: target module nova.api.metadata.wsgi of nova-metadata-wsgi"))
            #expect(ServiceFixture.listing(dir.url) == files.keys.sorted())
        }
    }
}
