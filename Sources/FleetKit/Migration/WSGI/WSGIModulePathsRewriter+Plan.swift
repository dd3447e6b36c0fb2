extension WSGIModulePathsRewriter {
    /// `Plans/remove-wsgi_scripts.yaml`.
    static let removeWSGIScripts = #"""
        # The OpenStack community goal "Migrate from wsgi scripts to module paths" (2025.2).
        # fleet compiles this file into its binary as the built-in plan `remove-wsgi_scripts`;
        # a test keeps Sources/FleetKit/Migration/WSGI/WSGIModulePathsRewriter+Plan.swift identical to it.
        goal: Migrate from wsgi scripts to module paths
        goal_url: https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html
        topic: remove-wsgi_scripts
        branch: remove-wsgi_scripts
        rewriter: wsgi-module-paths
        options: {entry_points: remove, release_note: true, rewrite_uwsgi_ini: true}
        commit:
          subject: Migrate from wsgi scripts to module paths
          body: >-
            PBR's wsgi_scripts entry points generate WSGI scripts at install time,
            and that mechanism is breaking as pip and setuptools move to PEP 517
            builds. uWSGI and gunicorn can load an application from a Python module
            path instead, so this change adds a WSGI module holding the application
            object for each server this project exposes, points any uWSGI
            configuration at it, and removes the wsgi_scripts entry points, as the
            community goal asks.
          topic_trailer: Topic
          signed_off_by: true

        """#
}
