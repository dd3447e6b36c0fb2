import FleetKit

/// The golden texts of the removal-phase tests: commit messages and release notes, as a reviewer reads them.
enum RemovalPhaseGoldens {
    /// The Change-Id the tests' results carry.
    static let changeID = "I1111111111111111111111111111111111111111"

    /// The message of a removal-only change listing `scripts` (the lines after the heading) in a repository whose
    /// note is the removal note, with no follow-ups.
    static func removalMessage(heading: String, scripts: String, keeps: Bool = false) -> String {
        """
        Remove wsgi_scripts entry points

        PBR's wsgi_scripts entry points generate WSGI scripts at install time,
        and that mechanism is breaking as pip and setuptools move to PEP 517
        builds. uWSGI and gunicorn can load an application from a Python module
        path instead. This project already has such a module for each server it
        \(keeps ? "keeps" : "exposes"), so this change removes the wsgi_scripts entry points and points
        any uWSGI configuration at the modules, as the community goal asks.

        \(heading)

        \(scripts)

        The wsgi_scripts entry points are removed from setup.cfg, so PBR no
        longer generates the scripts.

        Release note:
        releasenotes/notes/remove-wsgi-scripts-0123456789abcdef.yaml

        No references to the old scripts were left for a follow-up.

        Goal: Migrate from wsgi scripts to module paths
        https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html

        Topic: remove-wsgi_scripts
        Change-Id: \(changeID)

        """
    }

    /// aodh: one script, one existing module.
    static let aodhNote = """
        ---
        upgrade:
          - |
            The ``aodh-api`` WSGI script has been removed. Deployment tooling should
            use the module path ``aodh.wsgi.api:application`` instead, or provide its
            own WSGI script where the server needs a file (for example, mod_wsgi).

        """

    /// heat: two scripts, each paired with its module.
    static let heatNote = """
        ---
        upgrade:
          - |
            The ``heat-wsgi-api`` and ``heat-wsgi-api-cfn`` WSGI scripts have been
            removed. Deployment tooling should use the module path that replaces each
            instead: ``heat.wsgi.api:application`` for ``heat-wsgi-api``;
            ``heat.wsgi.cfn:application`` for ``heat-wsgi-api-cfn``. Where the server
            needs a file (for example, mod_wsgi), it should provide its own WSGI
            script.

        """

    /// nova: two scripts, modules found through `init_application(NAME)`.
    static let novaNote = """
        ---
        upgrade:
          - |
            The ``nova-api-wsgi`` and ``nova-metadata-wsgi`` WSGI scripts have been
            removed. Deployment tooling should use the module path that replaces each
            instead: ``nova.wsgi.osapi_compute:application`` for ``nova-api-wsgi``;
            ``nova.wsgi.metadata:application`` for ``nova-metadata-wsgi``. Where the
            server needs a file (for example, mod_wsgi), it should provide its own WSGI
            script.

        """

    /// keystone: two scripts served by one module.
    static let keystoneNote = """
        ---
        upgrade:
          - |
            The ``keystone-wsgi-admin`` and ``keystone-wsgi-public`` WSGI scripts have
            been removed. Deployment tooling should use the module path that replaces
            each instead: ``keystone.wsgi.api:application`` for ``keystone-wsgi-admin``
            and ``keystone-wsgi-public``. Where the server needs a file (for example,
            mod_wsgi), it should provide its own WSGI script.

        """

    /// ironic: the package's own module serves the one script.
    static let ironicNote = """
        ---
        upgrade:
          - |
            The ``ironic-api-wsgi`` WSGI script has been removed. Deployment tooling
            should use the module path ``ironic.wsgi:application`` instead, or provide
            its own WSGI script where the server needs a file (for example, mod_wsgi).

        """

    /// nova, mixed: the compute module exists, fleet writes the metadata one.
    static let novaMixedMessage = """
        Add nova.wsgi module

        PBR's wsgi_scripts entry points generate WSGI scripts at install time,
        and that mechanism is breaking as pip and setuptools move to PEP 517
        builds. uWSGI and gunicorn can load an application from a Python module
        path instead. This project already has such a module for some of its
        servers; this change adds one for each server that lacks it, points any
        uWSGI configuration at the modules, and removes the wsgi_scripts entry
        points, as the community goal asks.

        The WSGI scripts and the modules that replace them:

          nova-api-wsgi -> nova.wsgi.osapi_compute (already in the tree)
          nova-metadata-wsgi -> nova.wsgi.metadata (added by this change)

        The wsgi_scripts entry points are removed from setup.cfg, so PBR no
        longer generates the scripts.

        Release note:
        releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml

        No references to the old scripts were left for a follow-up.

        Goal: Migrate from wsgi scripts to module paths
        https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html

        Topic: remove-wsgi_scripts
        Change-Id: \(changeID)

        """

    /// nova, mixed: `features:` for the new module only, `upgrade:` pairing each script.
    static let novaMixedNote = """
        ---
        features:
          - |
            The WSGI ``application`` of each API service can now be loaded from a
            Python module: ``nova.wsgi.metadata`` (replacing the ``nova-metadata-wsgi``
            script). WSGI servers that accept a module path, such as uWSGI and
            gunicorn, should use it. For example, with uWSGI, instead of:

            .. code-block:: ini

               [uwsgi]
               wsgi-file = /bin/nova-metadata-wsgi

            use:

            .. code-block:: ini

               [uwsgi]
               module = nova.wsgi.metadata:application

        """ + novaNote.dropFirst("---\n".count)
}
