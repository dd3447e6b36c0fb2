extension DemoFleet {
    static var nova: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "nova", package: "nova",
            entryPoints: """
                [entry_points]
                oslo.config.opts =
                    nova.conf = nova.conf.opts:list_opts
                console_scripts =
                    nova-api = nova.cmd.api:main
                    nova-compute = nova.cmd.compute:main
                wsgi_scripts =
                    nova-api-wsgi = nova.api.openstack.compute.wsgi:init_application
                    nova-metadata-wsgi = nova.api.metadata.wsgi:init_application
                nova.api.extra_spec_validators =
                    accel = nova.api.validation.extra_specs.accel

                """, summary: "Cloud computing fabric controller")
        return DemoRepo(
            name: "openstack/nova",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy,
                ".gitreview": DemoRepo.gitReview(project: "openstack/nova"),
                "README.rst": "OpenStack Nova\n==============\n",
                "nova/__init__.py": "", "nova/api/__init__.py": "", "nova/api/openstack/__init__.py": "",
                "nova/api/openstack/compute/__init__.py": "",
                "nova/api/openstack/compute/wsgi.py": DemoRepo.factoryModule("init_application"),
                "nova/api/metadata/__init__.py": "",
                "nova/api/metadata/wsgi.py": DemoRepo.factoryModule("init_application", body: "metadata"),
                "releasenotes/notes/.placeholder": "", "releasenotes/source/conf.py": "project = 'nova'\n",
                "releasenotes/notes/fix-paste-2d4c1e0b8a6f3e57.yaml": DemoRepo.existingNote,
                "devstack/lib/nova":
                    "NOVA_UWSGI=$NOVA_BIN_DIR/nova-api-wsgi\nwrite_uwsgi_config \"$NOVA_UWSGI_CONF\" \"$NOVA_UWSGI\" \"/compute\"\n",
                "doc/source/user/wsgi.rst":
                    "WSGI\n====\n\nRun ``nova-api-wsgi`` under uWSGI::\n\n    uwsgi --wsgi-file /usr/local/bin/nova-api-wsgi\n",
            ],
            extraManifest: [
                "    team: nova", "    servers:", "      nova-api-wsgi: osapi_compute",
                "      nova-metadata-wsgi: metadata",
            ])
    }

    static var keystone: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "keystone", package: "keystone",
            entryPoints: """
                [entry_points]
                console_scripts =
                    keystone-manage = keystone.cmd.manage:main

                wsgi_scripts =
                    keystone-wsgi-admin = keystone.server.wsgi:initialize_admin_application
                    keystone-wsgi-public = keystone.server.wsgi:initialize_public_application

                """, summary: "OpenStack Identity")
        let server =
            DemoRepo.factoryModule("initialize_public_application")
            + "\ninitialize_admin_application = initialize_public_application\n"
        return DemoRepo(
            name: "openstack/keystone",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy,
                ".gitreview": DemoRepo.gitReview(project: "openstack/keystone"),
                "keystone/__init__.py": "", "keystone/server/__init__.py": "", "keystone/server/wsgi.py": server,
                "releasenotes/notes/bp-old-3f1e2d4c5b6a7980.yaml": DemoRepo.existingNote,
                "httpd/keystone-uwsgi-public.ini":
                    "[uwsgi]\nwsgi-file = /usr/local/bin/keystone-wsgi-public\nprocesses = 4\n",
                "httpd/wsgi-keystone.conf": "WSGIScriptAlias /identity /usr/local/bin/keystone-wsgi-public\n",
            ],
            extraManifest: [
                "    team: keystone", "    servers:", "      keystone-wsgi-public: api",
                "      keystone-wsgi-admin: skip",
            ])
    }

    static var heat: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "heat", package: "heat",
            entryPoints: """
                [entry_points]
                console_scripts =
                    heat-api = heat.cmd.api:main
                wsgi_scripts =
                    heat-wsgi-api = heat.httpd.heat_api:init_application
                    heat-wsgi-api-cfn = heat.httpd.heat_api_cfn:init_application

                """, summary: "OpenStack Orchestration")
        return DemoRepo(
            name: "openstack/heat",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy,
                ".gitreview": DemoRepo.gitReview(project: "openstack/heat"),
                "heat/__init__.py": "", "heat/httpd/__init__.py": "",
                "heat/httpd/heat_api.py": DemoRepo.factoryModule("init_application"),
                "heat/httpd/heat_api_cfn.py": DemoRepo.factoryModule("init_application", body: "cfn"),
                "releasenotes/notes/old-note-0a1b2c3d4e5f6a7b.yaml": DemoRepo.existingNote,
                "devstack/upgrade/resources.sh": "uwsgi --wsgi-file $HEAT_BIN_DIR/heat-wsgi-api\n",
                "etc/heat/heat-api-uwsgi.ini": "[uwsgi]\nwsgi-file = /usr/local/bin/heat-wsgi-api\nmaster = true\n",
            ],
            extraManifest: ["    team: heat"])
    }

    static var freezerAPI: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "freezer-api", package: "freezer_api",
            entryPoints: """
                [entry_points]
                wsgi_scripts =
                    freezer-api-wsgi = freezer_api.cmd.api:build_app

                """, summary: "OpenStack Backup/Restore API")
        return DemoRepo(
            name: "openstack/freezer-api",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy,
                ".gitreview": DemoRepo.gitReview(project: "openstack/freezer-api"),
                "freezer_api/__init__.py": "", "freezer_api/cmd/__init__.py": "",
                "freezer_api/cmd/api.py": DemoRepo.factoryModule("build_app"),
            ],
            extraManifest: ["    team: freezer"])
    }

    static var aodh: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "aodh", package: "aodh",
            entryPoints: """
                [entry_points]
                wsgi_scripts =
                    aodh-api = aodh.api.app:build_wsgi_app

                console_scripts =
                    aodh-dbsync = aodh.cmd.storage:dbsync

                """, summary: "OpenStack Telemetry Alarming")
        return DemoRepo(
            name: "openstack/aodh",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy,
                ".gitreview": DemoRepo.gitReview(project: "openstack/aodh"),
                "aodh/__init__.py": "", "aodh/api/__init__.py": "",
                "aodh/api/app.py": DemoRepo.factoryModule("build_wsgi_app"),
                "aodh/wsgi.py": "\"\"\"Shared WSGI helpers.\"\"\"\n\nDEFAULT_PORT = 8042\n",
                "releasenotes/notes/old-1234567890abcdef.yaml": DemoRepo.existingNote,
            ],
            extraManifest: ["    team: telemetry"])
    }

    static var novaclient: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "python-novaclient", package: "novaclient",
            entryPoints: "[entry_points]\nconsole_scripts =\n    nova = novaclient.shell:main\n\n",
            summary: "Client library for OpenStack Compute API")
        return DemoRepo(
            name: "openstack/python-novaclient",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy, "novaclient/__init__.py": "",
                "novaclient/shell.py": "def main():\n    return 0\n",
            ],
            extraManifest: ["    team: nova"])
    }

    static var placement: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "openstack-placement", package: "placement",
            entryPoints: "[entry_points]\nconsole_scripts =\n    placement-manage = placement.cmd.manage:main\n\n",
            summary: "Resource provider inventory and allocation service")
        let module = """
            \"\"\"WSGI application entry-point for Placement API.\"\"\"

            import threading

            from placement import deploy

            application = None
            lock = threading.Lock()
            with lock:
                if application is None:
                    application = deploy.loadapp()

            """
        return DemoRepo(
            name: "openstack/placement",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy, "placement/__init__.py": "",
                "placement/deploy.py": DemoRepo.factoryModule("loadapp"),
                "placement/wsgi/__init__.py": "", "placement/wsgi/api.py": module,
            ],
            extraManifest: ["    team: placement"])
    }

    static var zun: DemoRepo {
        let cfg = DemoRepo.setupCfg(
            name: "zun", package: "zun",
            entryPoints: """
                [entry_points]
                wsgi_scripts =
                    zun-api-wsgi = zun.api.wsgi:init_application

                """, summary: "Container Management service for OpenStack")
        return DemoRepo(
            name: "openstack/zun",
            files: [
                "setup.cfg": cfg, "setup.py": DemoRepo.setupPy, "zun/__init__.py": "", "zun/api/__init__.py": "",
                "zun/api/app.py": DemoRepo.factoryModule("setup_app"),
            ],
            extraManifest: ["    team: zun"])
    }
}
