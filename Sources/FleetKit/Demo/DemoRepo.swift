/// One sample repository of the demo fleet: its files and its manifest entry.
struct DemoRepo {
    var name: String
    var files: [String: String]
    var extraManifest: [String] = []

    /// The `setup.cfg` PBR-based OpenStack services carry, with `entryPoints` inside `[entry_points]`.
    static func setupCfg(name: String, package: String, entryPoints: String, summary: String) -> String {
        """
        [metadata]
        name = \(name)
        summary = \(summary)
        description_file =
            README.rst
        author = OpenStack
        author_email = openstack-discuss@lists.openstack.org
        home_page = https://docs.openstack.org/\(name)/latest/
        python_requires = >=3.9
        classifier =
            Environment :: OpenStack
            Intended Audience :: Information Technology
            License :: OSI Approved :: Apache Software License
            Programming Language :: Python :: 3

        [files]
        packages =
            \(package)
        data_files =
            etc/\(name) =
                etc/\(name)/api-paste.ini

        \(entryPoints)
        [extras]
        osprofiler =
            osprofiler>=1.4.0 # Apache-2.0

        """
    }

    static let setupPy = """
        # Copyright (c) 2013 Hewlett-Packard Development Company, L.P.
        #
        # Licensed under the Apache License, Version 2.0 (the "License");
        import setuptools

        setuptools.setup(
            setup_requires=['pbr>=2.0.0'],
            pbr=True)

        """

    static func gitReview(project: String) -> String {
        "[gerrit]\nhost=review.opendev.org\nport=29418\nproject=\(project).git\ndefaultbranch=master\n"
    }

    /// A module whose factory returns a tiny WSGI app, the way the services' `init_application` functions do.
    static func factoryModule(_ function: String, body: String = "Hello from the demo API") -> String {
        """
        # Licensed under the Apache License, Version 2.0 (the "License"); you may
        # not use this file except in compliance with the License.

        \"\"\"WSGI application factory.\"\"\"

        import logging

        LOG = logging.getLogger(__name__)


        def _app(environ, start_response):
            start_response('200 OK', [('Content-Type', 'text/plain')])
            return [b'\(body)']


        def \(function)():
            \"\"\"Load configuration and return the WSGI application.\"\"\"
            LOG.debug('building the WSGI application')
            return _app

        """
    }

    static let releaseNoteConfig = "---\nclosed_branch_tag_re: \"(.+)-eol\"\n"
    static let existingNote = "---\nfixes:\n  - |\n    Fixed a bug in the API paste pipeline.\n"
}
