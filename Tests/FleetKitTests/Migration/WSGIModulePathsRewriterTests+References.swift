import FleetKit
import FleetTestSupport
import Foundation
import Testing

// MARK: - Declarations and references elsewhere in the tree

extension WSGIModulePathsRewriterTests {
    @Test("wsgi_scripts in pyproject.toml is reported with its line")
    func pyprojectDeclaration() throws {
        try withTemporaryDirectory { dir in
            let pyproject =
                "[project]\nname = \"zun\"\n\n[project.entry-points.\"wsgi_scripts\"]\n"
                + "zun-api-wsgi = \"zun.api.wsgi:init_application\"\n"
            try writeFiles(["pyproject.toml": pyproject, "zun/__init__.py": ""], under: dir.url)
            let alone = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/zun"))
            #expect(alone.outcome.attentionReason?.hasPrefix("pyproject.toml:4:") == true)
            #expect(alone.followUps.map(\.line) == [4])

            try writeFiles(ServiceFixture.nova(), under: dir.url)
            let both = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(both.outcome == .migrated)
            #expect(both.followUps.contains { $0.file == "pyproject.toml" && $0.line == 4 })
        }
    }

    @Test("wsgi_scripts in setup.py is reported with its line, and a retired script alone is removed")
    func setupPyDeclaration() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["setup.py"] =
                "import setuptools\n\nsetuptools.setup(\n    pbr=True,\n"
                + "    entry_points={'wsgi_scripts': ['nova-old-wsgi = nova.old:app']})\n"
            try writeFiles(files, under: dir.url)
            let skipAll = ServiceFixture.request(
                "openstack/nova", servers: ["nova-api-wsgi": .skip, "nova-metadata-wsgi": .skip])
            let report = rewriter.migrate(root: dir.url, request: skipAll)
            #expect(report.outcome == .migrated)
            #expect(report.servers.isEmpty && !report.criteriaMet)
            #expect(report.followUps.map { "\($0.file):\($0.line)" } == ["setup.py:5"])
            #expect(readFile("nova/wsgi/__init__.py", under: dir.url) == nil)
            let note = try #require(report.releaseNote.flatMap { readFile($0, under: dir.url) })
            #expect(note.hasPrefix("---\nupgrade:\n"))
        }
    }

    @Test("a uWSGI ini's wsgi-file becomes module, keeping its spacing and CRLF")
    func uwsgiIni() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova(releaseNotes: false)
            files["etc/nova/nova-api-uwsgi.ini"] =
                "[uwsgi]\r\nmaster = true\r\nwsgi-file=/usr/local/bin/nova-api-wsgi\r\nprocesses = 2\r\n"
            files["etc/nova/nova-metadata-uwsgi.ini"] = "[uwsgi]\n  wsgi-file = $BIN/nova-metadata-wsgi\n"
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.outcome == .migrated)
            #expect(
                readFile("etc/nova/nova-api-uwsgi.ini", under: dir.url)
                    == "[uwsgi]\r\nmaster = true\r\nmodule=nova.wsgi.api:application\r\nprocesses = 2\r\n")
            #expect(
                readFile("etc/nova/nova-metadata-uwsgi.ini", under: dir.url)
                    == "[uwsgi]\n  module = nova.wsgi.metadata:application\n")
            #expect(report.changedPaths.contains("etc/nova/nova-api-uwsgi.ini"))
            #expect(report.releaseNote == nil)
            #expect(report.followUps.isEmpty)
        }
    }

    @Test("devstack, docs, WSGIScriptAlias, systemd units and apidoc are follow-ups with file:line")
    func followUps() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["devstack/lib/nova"] =
                "#!/bin/bash\nfunction start {\n    run_process n-api \"$NOVA_BIN_DIR/nova-api-wsgi\"\n}\n"
            files["doc/source/admin/uwsgi.rst"] = "uWSGI\n=====\n\nRun ``nova-metadata-wsgi`` behind uwsgi.\n"
            files["httpd/nova-api.conf"] =
                "<VirtualHost *:8774>\n    WSGIScriptAlias / /usr/bin/nova-api-wsgi\n</VirtualHost>\n"
            files["etc/systemd/nova-api.service"] =
                "[Service]\nExecStart=/usr/bin/uwsgi --wsgi-file /usr/bin/nova-api-wsgi\n"
            files["doc/source/conf.py"] =
                "extensions = [\n    'sphinxcontrib.apidoc',\n]\napidoc_module_dir = '../../nova'\n"
            files["README.rst"] = "nova-api-wsgi-extra is another thing entirely\n"
            files["setup.cfg"] =
                ServiceFixture.novaSetupCfg + "[pbr]\nautodoc_index_modules = True\n"
                + "autodoc_exclude_modules =\n    nova.tests.*\n"
            try writeFiles(files, under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/nova"))
            #expect(report.outcome == .migrated)
            #expect(
                report.followUps.map { "\($0.file):\($0.line)" } == [
                    "devstack/lib/nova:3", "doc/source/admin/uwsgi.rst:4", "doc/source/conf.py:4",
                    "etc/systemd/nova-api.service:2", "httpd/nova-api.conf:2", "setup.cfg:32",
                ])
            #expect(report.followUps[0].reason.contains("devstack plugin references the nova-api-wsgi script"))
            #expect(report.followUps[1].reason.contains("use nova.wsgi.metadata:application instead"))
            #expect(report.followUps[2].reason.contains("apidoc_excluded_paths"))
            #expect(report.followUps[3].reason.hasPrefix("systemd unit"))
            #expect(report.followUps[4].reason.hasPrefix("mod_wsgi WSGIScriptAlias"))
            let setupCfg = try #require(readFile("setup.cfg", under: dir.url))
                .split(separator: "\n", omittingEmptySubsequences: false)
            try #require(setupCfg.count > 31)
            #expect(setupCfg[31] == "autodoc_exclude_modules =")
            #expect(report.followUps[5].reason.hasPrefix("PBR autodoc would import nova.wsgi.api, nova.wsgi.metadata"))
        }
    }
}
