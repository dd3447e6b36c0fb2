import Foundation

/// Pieces of the real OpenStack trees in `benchmarks/real-trees/README.md`, as the PyPI sdists hold them: `setup.cfg`
/// rewritten by setuptools (tab-indented continuation lines, `key = ` with a trailing space), and the files fleet
/// reported wrongly or missed, quoted line for line.
enum RealTreeFixture {
    /// A `setup.cfg` as setuptools writes it into an sdist, declaring `entries` under `wsgi_scripts`.
    static func sdistSetupCfg(name: String, package: String, entries: [String]) -> String {
        "[metadata]\nname = \(name)\nsummary = OpenStack \(name)\ndescription_file = \n\tREADME.rst\n"
            + "author = OpenStack\nclassifier = \n\tEnvironment :: OpenStack\n\tProgramming Language :: Python :: 3\n\n"
            + "[files]\npackages = \n\t\(package)\n\n[entry_points]\nconsole_scripts = \n\t\(name)-manage = "
            + "\(package).cmd.manage:main\nwsgi_scripts = \n" + entries.map { "\t\($0)\n" }.joined()
            + "oslo.config.opts = \n\t\(name) = \(package).opts:list_opts\n\n[extras]\nosprofiler = \n"
            + "\tosprofiler>=1.4.0 # Apache-2.0\n\n"
    }

    /// A module defining each of `factories` as a function returning a tiny WSGI app.
    static func factories(_ names: [String]) -> String {
        "\"\"\"WSGI helpers.\"\"\"\n\n\ndef _app(environ, start_response):\n"
            + "    start_response('200 OK', [])\n    return [b'ok']\n"
            + names.map { "\n\ndef \($0)():\n    return _app\n" }.joined()
    }

    /// keystone 25.0.0: `httpd/keystone-uwsgi-admin.ini`, whose script the manifest skips.
    static let keystoneAdminIni = """
        [uwsgi]
        wsgi-file = /usr/local/bin/keystone-wsgi-admin

        # Versions of mod_proxy_uwsgi>=2.0.6 should use a UNIX socket, see
        # http://uwsgi-docs.readthedocs.org/en/latest/Apache.html#mod-proxy-uwsgi
        uwsgi-socket = 127.0.0.1:35358

        # Override the default size for headers from the 4k default.
        buffer-size = 65535

        # This is running standalone
        master = true

        """

    /// manila 19.1.1: `httpd/manila-uwsgi.ini`, naming `manila-wsgi-api` while the entry point is `manila-wsgi`.
    static let manilaUWSGIIni = """
        [uwsgi]
        socket-timeout = 10
        http-auto-chunked = true
        http-chunked-input = true
        http-raw-body = true
        chmod-socket = 666
        lazy-apps = true
        add-header = Connection: close
        buffer-size = 65535
        thunder-lock = true
        plugins = python
        enable-threads = true
        exit-on-reload = true
        die-on-term = true
        master = true
        processes = 4
        http-socket = 127.0.0.1:61999
        wsgi-file = /usr/local/bin/manila-wsgi-api

        """

    /// freezer-api 17.0.0: `etc/freezer/uwsgi.conf` (no final newline, as upstream).
    static let freezerUWSGIConf = """
        [uwsgi]
        chmod-socket = 666
        lazy-apps = true
        strict = true
        http = :9090
        processes = 2
        threads = 2
        wsgi-file = /opt/stack/freezer-api/freezer_api/cmd/wsgi.py
        callable = app
        master = true
        add-header = Connection: close
        plugins = python
        enable-threads = true
        exit-on-reload = true
        die-on-term = true
        socket = /var/run/uwsgi/freezer-api-wsgi.socket
        thunder-lock = true
        """

    /// freezer-api 17.0.0: the uWSGI part of `devstack/lib/freezer-api` (the `iniset` is line 5 here).
    static let freezerDevstack = """
        function configure_freezer_api_uwsgi {
            rm -f "$FREEZER_API_UWSGI_CONF"
            iniset $FREEZER_API_UWSGI_CONF 'uwsgi' master true
            iniset $FREEZER_API_UWSGI_CONF 'uwsgi' http $FREEZER_API_SERVICE_HOST:$FREEZER_API_SERVICE_PORT
            iniset $FREEZER_API_UWSGI_CONF 'uwsgi' wsgi-file $FREEZER_API_DIR/freezer_api/cmd/wsgi.py
            iniset $FREEZER_API_UWSGI_CONF 'uwsgi' socket  /var/run/uwsgi/freezer-api-wsgi.socket
        }

        """

    /// aodh 20.0.1: `devstack/plugin.sh`, abridged around every line that names `aodh-api` (line numbers differ).
    static let aodhPlugin = """
        #!/bin/bash
        function aodh_service_url {
            echo "$AODH_SERVICE_PROTOCOL://$AODH_SERVICE_HOST:$AODH_SERVICE_PORT"
        }
        function configure_aodh {
            if is_service_enabled aodh-api; then
                _config_aodh_apache_wsgi
            fi
            if [ "$AODH_DEPLOY" == "uwsgi" ]; then
                iniset "$AODH_UWSGI_FILE" uwsgi wsgi-file "$AODH_DIR/aodh/api/app.wsgi"
            fi
        }
        function start_aodh {
            if [ "$AODH_DEPLOY" == "uwsgi" ]; then
                run_process aodh-api "$AODH_BIN_DIR/uwsgi $AODH_UWSGI_FILE"
            else
                run_process aodh-api "$AODH_BIN_DIR/aodh-api -p $AODH_SERVICE_PORT"
            fi
            if is_service_enabled aodh-api; then
                wait_for_service $SERVICE_TIMEOUT $(aodh_service_url)/v2/
            fi
        }
        function stop_aodh {
            disable_service aodh-api
            stop_process aodh-api
            service_check aodh-api
        }

        """

    /// nova 29.4.0: the head of `nova/wsgi.py`, "Utility methods for working with WSGI servers", which no entry point
    /// targets.
    static let novaWSGIModule = """
        # Copyright 2010 United States Government as represented by the
        # Administrator of the National Aeronautics and Space Administration.
        # All Rights Reserved.
        #
        #    Licensed under the Apache License, Version 2.0 (the "License"); you may
        #    not use this file except in compliance with the License.

        \"\"\"Utility methods for working with WSGI servers.\"\"\"

        import os.path
        import socket
        import ssl
        import sys

        import eventlet
        import eventlet.wsgi
        import greenlet
        from oslo_log import log as logging
        from oslo_service import service
        from oslo_utils import excutils
        from paste import deploy
        import routes.middleware
        import webob.dec
        import webob.exc

        import nova.conf
        from nova import exception
        from nova.i18n import _
        from nova import utils

        CONF = nova.conf.CONF
        LOG = logging.getLogger(__name__)


        class Server(service.ServiceBase):
            \"\"\"Server class to manage a WSGI server, serving a WSGI application.\"\"\"

            def __init__(self, name, app, host='0.0.0.0', port=0):
                import webob
                self.name = name
                self._server = None

        """
}
