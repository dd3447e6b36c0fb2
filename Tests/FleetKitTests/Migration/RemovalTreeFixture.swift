/// Trees shaped like the real removal-phase services, whose modules exist while `wsgi_scripts` is still declared.
///
/// From their PyPI sdists (as in `benchmarks/real-trees/README.md`); the Python files are quoted from the versions
/// named, without their licence headers and with the bodies fleet does not read abridged.
enum RemovalTreeFixture {
    /// The sdist `setup.cfg` of `name` declaring `entries`, with a releasenotes folder beside it.
    static func base(name: String, package: String, entries: [String]) -> [String: String] {
        [
            "setup.cfg": RealTreeFixture.sdistSetupCfg(name: name, package: package, entries: entries),
            "\(package)/__init__.py": "",
            "releasenotes/notes/old-note-0123456789abcdef.yaml": "---\nfixes:\n  - |\n    Old.\n",
        ]
    }

    /// The goal's generated module shape, binding `application` from `call` after `imports`.
    static func serverModule(_ title: String, imports: String, call: String, preamble: String = "") -> String {
        "\"\"\"WSGI application entry-point for \(title).\"\"\"\n\nimport threading\n\n\(imports)\n\n\(preamble)"
            + "application = None\nlock = threading.Lock()\nwith lock:\n    if application is None:\n"
            + "        application = \(call)\n"
    }

    /// aodh 22.0.1: `aodh/wsgi/api.py` passes `argv=[]` to the factory PBR called with none.
    static var aodh: [String: String] {
        var files = base(name: "aodh", package: "aodh", entries: ["aodh-api = aodh.api.app:build_wsgi_app"])
        files["aodh/api/__init__.py"] = ""
        files["aodh/api/app.py"] = aodhApp
        files["aodh/wsgi/__init__.py"] = ""
        files["aodh/wsgi/api.py"] =
            "\"\"\"WSGI application entry-point for Aodh API.\"\"\"\n\nimport threading\n\nfrom aodh.api import app\n"
            + "\n\napplication = None\nwith threading.Lock():\n    if application is None:\n"
            + "        application = app.build_wsgi_app(argv=[])\n"
        return files
    }

    /// aodh's `aodh/api/app.py`, around its factory (line 6 here).
    static let aodhApp = """
        from aodh import service


        def build_wsgi_app(argv=None):
            conf = service.prepare_service(argv=argv, with_gmr=False)
            return conf

        """

    /// heat 26.0.2: the entry points were retargeted to `heat.api.*.wsgi`, and `heat/wsgi/{api,cfn}.py` call them.
    static var heat: [String: String] {
        var files = base(
            name: "heat", package: "heat",
            entries: [
                "heat-wsgi-api = heat.api.openstack.wsgi:init_application",
                "heat-wsgi-api-cfn = heat.api.cfn.wsgi:init_application",
            ])
        for (api, title) in [("openstack", "heat-api"), ("cfn", "heat-api-cfn")] {
            files["heat/api/__init__.py"] = ""
            files["heat/api/\(api)/__init__.py"] = ""
            files["heat/api/\(api)/wsgi.py"] =
                "\"\"\"WSGI script for \(title).\"\"\"\n\nfrom heat.common import config\n\n\n"
                + "def init_application():\n    return config.load_paste_app()\n"
        }
        files["heat/wsgi/__init__.py"] = ""
        files["heat/wsgi/api.py"] = serverModule(
            "the Heat API", imports: "from heat.api.openstack import wsgi", call: "wsgi.init_application()")
        files["heat/wsgi/cfn.py"] = serverModule(
            "the Heat API", imports: "from heat.api.cfn import wsgi", call: "wsgi.init_application()")
        return files
    }

    /// nova 32.2.1: each target only returns `wsgi_app.init_application(NAME)`; each module makes that call.
    ///
    /// Each module has its own `NAME`; `computeName` lets a test make the compute module call something else.
    static func nova(computeName: String = "osapi_compute") -> [String: String] {
        var files = base(
            name: "nova", package: "nova",
            entries: [
                "nova-api-wsgi = nova.api.openstack.compute.wsgi:init_application",
                "nova-metadata-wsgi = nova.api.metadata.wsgi:init_application",
            ])
        for (folder, name, title) in [
            ("openstack/compute", "osapi_compute", "Compute"), ("metadata", "metadata", "Metadata"),
        ] {
            files["nova/api/\(folder)/wsgi.py"] =
                "\"\"\"WSGI application entry-point for Nova \(title) API, installed by pbr.\"\"\"\n\n"
                + "from nova.api.openstack import wsgi_app\n\nNAME = \"\(name)\"\n\n\ndef init_application():\n"
                + "    return wsgi_app.init_application(NAME)\n"
            let constant = name == "osapi_compute" ? computeName : name
            files["nova/wsgi/\(name).py"] = serverModule(
                "Nova \(title) API", imports: "from nova.api.openstack import wsgi_app",
                call: "wsgi_app.init_application(NAME)", preamble: "NAME = \"\(constant)\"\n\n")
        }
        files["nova/api/__init__.py"] = ""
        files["nova/api/openstack/__init__.py"] = ""
        files["nova/api/openstack/wsgi_app.py"] = "def init_application(name):\n    return name\n"
        files["nova/api/openstack/compute/__init__.py"] = ""
        files["nova/api/metadata/__init__.py"] = ""
        files["nova/wsgi/__init__.py"] = ""
        return files
    }

    /// keystone 27.1.0: the admin factory is an alias of the public one, and `keystone/wsgi/api.py` calls the public
    /// one, so it serves both scripts.
    static var keystone: [String: String] {
        var files = base(
            name: "keystone", package: "keystone",
            entries: [
                "keystone-wsgi-admin = keystone.server.wsgi:initialize_admin_application",
                "keystone-wsgi-public = keystone.server.wsgi:initialize_public_application",
            ])
        files["keystone/server/__init__.py"] = ""
        files["keystone/server/wsgi.py"] = """
            from keystone.server.flask import core as flask_core


            def initialize_public_application():
                return flask_core.initialize_application(
                    name='public', config_files=flask_core._get_config_files()
                )


            initialize_admin_application = initialize_public_application

            """
        files["keystone/wsgi/__init__.py"] = ""
        files["keystone/wsgi/api.py"] =
            "\"\"\"WSGI application entry-point for Keystone API.\"\"\"\n\nimport threading\n\n"
            + "from keystone.server import wsgi\n\napplication = None\nwith threading.Lock():\n"
            + "    if application is None:\n        application = wsgi.initialize_public_application()\n"
        return files
    }

    /// ironic 29.1.0: `application` lives in `ironic/wsgi/__init__.py`; the factory takes `argv=sys.argv`.
    ///
    /// `initCall` replaces the call there (for a module that does not import the target).
    static func ironic(initCall: String = "wsgi.initialize_wsgi_app()") -> [String: String] {
        var files = base(
            name: "ironic", package: "ironic", entries: ["ironic-api-wsgi = ironic.api.wsgi:initialize_wsgi_app"])
        files["ironic/api/__init__.py"] = ""
        files["ironic/api/wsgi.py"] =
            "\"\"\"WSGI script for Ironic API, installed by pbr.\"\"\"\n\nimport sys\n\n\n"
            + "def initialize_wsgi_app(argv=sys.argv):\n    return argv\n"
        files["ironic/wsgi/__init__.py"] = serverModule(
            "Ironic API", imports: "from ironic.api import wsgi", call: initCall)
        return files
    }

    /// freezer-api 18.0.0: a flat `freezer_api/wsgi.py` defines `application`, and no `wsgi_scripts` are left.
    static var freezer: [String: String] {
        [
            "setup.cfg": "[metadata]\nname = freezer-api\n\n[files]\npackages = \n\tfreezer_api\n\n[entry_points]\n"
                + "console_scripts = \n\tfreezer-api = freezer_api.cmd.api:main\n",
            "freezer_api/__init__.py": "",
            "freezer_api/service.py": "def initialize_app(conf=None, name='main'):\n    return None\n",
            "freezer_api/wsgi.py":
                "\"\"\"WSGI application entry-point for the Freezer API.\"\"\"\n\nimport threading\n\n"
                + "from freezer_api.service import initialize_app\n\napplication = None\n\nlock = threading.Lock()\n"
                + "with lock:\n    if application is None:\n        application = initialize_app()\n",
        ]
    }
}
