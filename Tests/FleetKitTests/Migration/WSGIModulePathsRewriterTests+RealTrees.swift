import FleetKit
import FleetTestSupport
import Foundation
import Testing

// MARK: - Cases from the real OpenStack trees (benchmarks/real-trees/README.md, "Defects")

extension WSGIModulePathsRewriterTests {
    /// `file:line` of each follow-up.
    private func locations(_ report: MigrationReport) -> [String] {
        report.followUps.map { "\($0.file):\($0.line)" }
    }

    /// The reason of the follow-up at `location`, or nil.
    private func reason(_ report: MigrationReport, at location: String) -> String? {
        report.followUps.first { "\($0.file):\($0.line)" == location }?.reason
    }

    @Test("a wsgi-file naming a skipped script is a follow-up saying the script no longer exists (keystone admin)")
    func skippedScriptReference() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "keystone", package: "keystone",
                        entries: [
                            "keystone-wsgi-admin = keystone.server.wsgi:initialize_admin_application",
                            "keystone-wsgi-public = keystone.server.wsgi:initialize_public_application",
                        ]),
                    "keystone/__init__.py": "", "keystone/server/__init__.py": "",
                    "keystone/server/wsgi.py": RealTreeFixture.factories([
                        "initialize_admin_application", "initialize_public_application",
                    ]),
                    "httpd/keystone-uwsgi-admin.ini": RealTreeFixture.keystoneAdminIni,
                    "httpd/keystone-uwsgi-public.ini": "[uwsgi]\nwsgi-file = /usr/local/bin/keystone-wsgi-public\n",
                    "doc/source/contributor/set-up-keystone.rst":
                        "Run the admin API::\n\n    $ uwsgi --http 127.0.0.1:35357 --wsgi-file $(which keystone-wsgi-admin)\n",
                ], under: dir.url)
            let request = ServiceFixture.request(
                "openstack/keystone", servers: ["keystone-wsgi-public": .name("api"), "keystone-wsgi-admin": .skip])
            let report = rewriter.migrate(root: dir.url, request: request)
            #expect(report.outcome == .migrated)
            #expect(report.removedScripts == ["keystone-wsgi-admin", "keystone-wsgi-public"])
            #expect(
                readFile("httpd/keystone-uwsgi-public.ini", under: dir.url)
                    == "[uwsgi]\nmodule = keystone.wsgi.api:application\n")
            #expect(readFile("httpd/keystone-uwsgi-admin.ini", under: dir.url) == RealTreeFixture.keystoneAdminIni)
            #expect(
                locations(report) == [
                    "doc/source/contributor/set-up-keystone.rst:3", "httpd/keystone-uwsgi-admin.ini:2",
                ])
            let ini = try #require(reason(report, at: "httpd/keystone-uwsgi-admin.ini:2"))
            #expect(ini.contains("keystone-wsgi-admin script no longer exists"))
            #expect(ini.contains("servers: skip"))
            let doc = try #require(reason(report, at: "doc/source/contributor/set-up-keystone.rst:3"))
            #expect(doc.contains("keystone-wsgi-admin script no longer exists"))
        }
    }

    @Test("a uWSGI wsgi-file fleet cannot map (manila's typo) is a follow-up naming the migrated form")
    func unmappedWSGIFileTypo() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "manila", package: "manila",
                        entries: ["manila-wsgi = manila.wsgi.wsgi:initialize_application"]),
                    "manila/__init__.py": "", "manila/wsgi/__init__.py": "",
                    "manila/wsgi/wsgi.py": RealTreeFixture.factories(["initialize_application"]),
                    "httpd/manila-uwsgi.ini": RealTreeFixture.manilaUWSGIIni,
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/manila"))
            #expect(report.outcome == .migrated)
            #expect(readFile("httpd/manila-uwsgi.ini", under: dir.url) == RealTreeFixture.manilaUWSGIIni)
            #expect(locations(report) == ["httpd/manila-uwsgi.ini:18"])
            let why = try #require(report.followUps.first?.reason)
            #expect(why.hasPrefix("uWSGI wsgi-file fleet could not map to a module"))
            #expect(why.contains("manila-wsgi-api"))
            #expect(why.contains("module = manila.wsgi.api:application"))
        }
    }

    @Test("in-tree wsgi-file paths in .conf files, devstack iniset and docs are follow-ups (freezer-api, aodh)")
    func unmappedWSGIFilePaths() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "freezer-api", package: "freezer_api",
                        entries: ["freezer-api-wsgi = freezer_api.service:initialize_app"]),
                    "freezer_api/__init__.py": "",
                    "freezer_api/service.py": RealTreeFixture.factories(["initialize_app"]),
                    "etc/freezer/uwsgi.conf": RealTreeFixture.freezerUWSGIConf,
                    "etc/freezer/freezer-api-uwsgi.conf": "[uwsgi]\nwsgi-file = /usr/local/bin/freezer-api-wsgi\n",
                    "devstack/lib/freezer-api": RealTreeFixture.freezerDevstack,
                    "doc/source/install/uwsgi.rst":
                        "Configure uwsgi::\n\n    [uwsgi]\n    wsgi-file = <path_to_freezer>/freezer_api/cmd/wsgi.py\n\n"
                        + "or run::\n\n    uwsgi_python --master --logto /var/log/freezer/freezer-api-wsgi.log \\\n"
                        + "        --http-socket :9090 --wsgi-file /usr/share/freezer-api/app.wsgi\n",
                ], under: dir.url)
            let report = rewriter.migrate(
                root: dir.url, request: ServiceFixture.request("openstack/freezer-api", package: "freezer_api"))
            #expect(report.outcome == .migrated)
            #expect(
                readFile("etc/freezer/freezer-api-uwsgi.conf", under: dir.url)
                    == "[uwsgi]\nmodule = freezer_api.wsgi.api:application\n")
            #expect(
                locations(report) == [
                    "devstack/lib/freezer-api:5", "doc/source/install/uwsgi.rst:4", "doc/source/install/uwsgi.rst:9",
                    "etc/freezer/uwsgi.conf:8",
                ])
            for followUp in report.followUps {
                #expect(followUp.reason.hasPrefix("uWSGI wsgi-file fleet could not map to a module"))
                #expect(followUp.reason.contains("module = freezer_api.wsgi.api:application"))
            }
        }
    }

    @Test("devstack service names, Apache process groups, log files and sockets are not script references (aodh)")
    func noiseAodh() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "aodh", package: "aodh", entries: ["aodh-api = aodh.api.app:build_wsgi_app"]),
                    "aodh/__init__.py": "", "aodh/api/__init__.py": "",
                    "aodh/api/app.py": RealTreeFixture.factories(["build_wsgi_app"]),
                    "devstack/plugin.sh": RealTreeFixture.aodhPlugin,
                    "devstack/settings":
                        "# turn on all the aodh services by default\n# API service\nenable_service aodh-api\n"
                        + "# Alarming\nenable_service aodh-notifier aodh-evaluator\n",
                    "devstack/apache-aodh.template":
                        "Listen %PORT%\n\n<VirtualHost *:%PORT%>\n    WSGIDaemonProcess aodh-api processes=%APIWORKERS% "
                        + "threads=10 user=%USER% display-name=%{GROUP} %VIRTUALENV%\n    WSGIProcessGroup aodh-api\n"
                        + "    WSGIScriptAlias / %WSGIAPP%\n    WSGIApplicationGroup aodh-api\n</VirtualHost>\n",
                    "doc/source/install/get_started.rst": "An API server (``aodh-api``)\n  Runs on a central node.\n",
                    "doc/source/contributor/install/uwsgi.rst":
                        "    uwsgi_python --master --die-on-term --logto /var/log/aodh/aodh-api.log \\\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/aodh"))
            #expect(report.outcome == .migrated)
            #expect(
                locations(report) == [
                    "devstack/apache-aodh.template:6", "devstack/plugin.sh:10", "devstack/plugin.sh:17",
                    "doc/source/install/get_started.rst:1",
                ])
            #expect(reason(report, at: "devstack/plugin.sh:17")?.contains("the aodh-api script") == true)
        }
    }

    @Test("host names, log files and sockets are not script references; paths and commands are (cloudkitty, octavia)")
    func noiseHostsAndLogs() throws {
        try withTemporaryDirectory { dir in
            let cloudkitty = dir.url.appendingPathComponent("cloudkitty")
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "cloudkitty", package: "cloudkitty",
                        entries: ["cloudkitty-api = cloudkitty.api.app:build_wsgi_app"]),
                    "cloudkitty/__init__.py": "", "cloudkitty/api/__init__.py": "",
                    "cloudkitty/api/app.py": RealTreeFixture.factories(["build_wsgi_app"]),
                    "api-ref/source/v2/summary/summary.inc":
                        "Example::\n\n   curl \"http://cloudkitty-api:8889/v2/summary?groupby=time&limit=3\"\n",
                    "doc/source/admin/architecture.rst":
                        "These parts are handled by two processes: ``cloudkitty-api`` and\n``cloudkitty-processor``.\n",
                    "contrib/init/cloudkitty-api.service":
                        "[Unit]\nDescription=CloudKitty API\n\n[Service]\nType=simple\nUser=cloudkitty\nGroup=cloudkitty\n"
                        + "ExecStart=/usr/bin/cloudkitty-api --logfile /var/log/cloudkitty/api.log\n",
                    "etc/apache2/cloudkitty":
                        "    WSGIDaemonProcess cloudkitty-api processes=2 threads=10 user=SOMEUSER\n"
                        + "    WSGIProcessGroup cloudkitty-api\n    WSGIScriptAlias / /var/www/cloudkitty/app.wsgi\n",
                    "tools/hosts.sample": "# All controller nodes running cloudkitty-api.\n[controller]\nnode-0\n",
                ], under: cloudkitty)
            let ck = rewriter.migrate(root: cloudkitty, request: ServiceFixture.request("openstack/cloudkitty"))
            #expect(ck.outcome == .migrated)
            #expect(
                locations(ck) == [
                    "contrib/init/cloudkitty-api.service:8", "doc/source/admin/architecture.rst:1",
                    "etc/apache2/cloudkitty:3",
                ])

            let octavia = dir.url.appendingPathComponent("octavia")
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "octavia", package: "octavia", entries: ["octavia-wsgi = octavia.api.app:setup_app"]),
                    "octavia/__init__.py": "", "octavia/api/__init__.py": "",
                    "octavia/api/app.py": RealTreeFixture.factories(["setup_app"]),
                    "httpd/octavia-api.conf":
                        "Listen 9876\n\n<VirtualHost *:9876>\n\n    WSGIDaemonProcess octavia-wsgi processes=5 threads=1 "
                        + "user=octavia group=octavia display-name=%{GROUP}\n    WSGIProcessGroup octavia-wsgi\n"
                        + "    WSGIScriptAlias / /usr/local/bin/octavia-wsgi\n    WSGIApplicationGroup %{GLOBAL}\n\n"
                        + "    ErrorLog /var/log/apache2/octavia-wsgi.log\n\n    <Directory /usr/local/bin/>\n"
                        + "        WSGIProcessGroup octavia-wsgi\n    </Directory>\n\n</VirtualHost>\n",
                    "devstack/settings":
                        "OCTAVIA_UWSGI_APP=${OCTAVIA_UWSGI_APP:-${OCTAVIA_BIN_DIR}/octavia-wsgi}\n"
                        + "OCTAVIA_UWSGI_CONF=${OCTAVIA_UWSGI_CONF:-${OCTAVIA_CONF_DIR}/octavia-uwsgi.ini}\n",
                    "gate/perfload-runner.sh":
                        "#!/bin/bash\n# to find the relevant entry in logs/octavia-wsgi.log.\n"
                        + "uwsgi --http :8000 --wsgi-file .octavia/bin/octavia-wsgi --daemonize logs/octavia-wsgi.log\n",
                ], under: octavia)
            let oc = rewriter.migrate(root: octavia, request: ServiceFixture.request("openstack/octavia"))
            #expect(oc.outcome == .migrated)
            #expect(locations(oc) == ["devstack/settings:1", "gate/perfload-runner.sh:3", "httpd/octavia-api.conf:7"])
        }
    }

    @Test("a moved <pkg>/wsgi.py that is no entry-point target gets a follow-up naming its imports (nova)")
    func movedUnrelatedWSGIModule() throws {
        try withTemporaryDirectory { dir in
            var files = ServiceFixture.nova()
            files["nova/wsgi.py"] = RealTreeFixture.novaWSGIModule
            try writeFiles(files, under: dir.url)
            let request = ServiceFixture.request(
                "openstack/nova",
                servers: ["nova-api-wsgi": .name("osapi_compute"), "nova-metadata-wsgi": .name("metadata")])
            let report = rewriter.migrate(root: dir.url, request: request)
            #expect(report.outcome == .migrated)
            #expect(readFile("nova/wsgi/__init__.py", under: dir.url) == RealTreeFixture.novaWSGIModule)
            let why = try #require(reason(report, at: "nova/wsgi/__init__.py:1"))
            #expect(why.contains("moved from nova/wsgi.py"))
            #expect(why.contains("nova.wsgi.osapi_compute, nova.wsgi.metadata"))
            #expect(
                why.contains(
                    "it imports eventlet, eventlet.wsgi, greenlet, oslo_log, oslo_service, oslo_utils, paste, "
                        + "routes.middleware, webob.dec, webob.exc, nova.conf, nova.exception, nova.i18n, nova.utils. ")
            )
            #expect(!why.contains("ssl") && !why.contains("os.path") && !why.contains("socket"))
            #expect(why.contains("nova/api/wsgi.py"))
        }
    }

    @Test("a moved <pkg>/wsgi.py that is the entry-point target gets no such follow-up (placement)")
    func movedTargetWSGIModule() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "openstack-placement", package: "placement",
                        entries: ["placement-api = placement.wsgi:init_application"]),
                    "placement/__init__.py": "",
                    "placement/wsgi.py":
                        "\"\"\"WSGI script for Placement API.\"\"\"\n\nimport os\n\nfrom oslo_log import log as logging\n"
                        + "from oslo_middleware import cors\n\nfrom placement import conf\n\n\n"
                        + "def init_application():\n    return None\n",
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/placement"))
            #expect(report.outcome == .migrated)
            #expect(readFile("placement/wsgi.py", under: dir.url) == nil)
            #expect(report.followUps.isEmpty)
        }
    }

    @Test("the module docstring spells the service as OpenStack does (CloudKitty)")
    func docstringCapitalisation() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": RealTreeFixture.sdistSetupCfg(
                        name: "cloudkitty", package: "cloudkitty",
                        entries: ["cloudkitty-api = cloudkitty.api.app:build_wsgi_app"]),
                    "cloudkitty/__init__.py": "", "cloudkitty/api/__init__.py": "",
                    "cloudkitty/api/app.py": RealTreeFixture.factories(["build_wsgi_app"]),
                ], under: dir.url)
            let report = rewriter.migrate(root: dir.url, request: ServiceFixture.request("openstack/cloudkitty"))
            #expect(report.outcome == .migrated)
            let module = try #require(readFile("cloudkitty/wsgi/api.py", under: dir.url))
            #expect(module.contains("\"\"\"WSGI application entry-point for CloudKitty API.\"\"\""))
        }
    }
}
