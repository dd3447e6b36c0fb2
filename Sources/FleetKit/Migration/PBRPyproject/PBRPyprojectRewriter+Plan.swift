extension PBRPyprojectRewriter {
    /// `Plans/pyproject-pbr.yaml`.
    static let pyprojectPBRPlan = #"""
        # The OpenStack-wide change that let pip 23.1 and later build pbr projects through PEP 517:
        # a minimal pyproject.toml that declares pbr's build backend.
        # fleet compiles this file into its binary as the built-in plan `pyproject-pbr`; a test keeps
        # Sources/FleetKit/Migration/PBRPyproject/PBRPyprojectRewriter+Plan.swift identical to it.
        # `requires: ["pbr>=6.0.0", "setuptools>=64.0.0"]` writes the other text OpenStack used.
        goal: Add pyproject.toml to support pip 23.1
        goal_url: https://pip.pypa.io/en/stable/news/#v23-1
        topic: pyproject-pbr
        branch: pyproject-pbr
        rewriter: pbr-pyproject
        options:
          requires: ["pbr>=6.1.1"]
        commit:
          subject: Add pyproject.toml to support pip 23.1
          body: |-
            pip 23.1 removed the "setup.py install" fallback for projects that do
            not have a pyproject.toml: pip no longer runs setup.py for them but
            builds them through PEP 517, with a pyproject.toml vendored in pip
            that names the setuptools backend. This change adds the minimal
            pyproject.toml that declares pbr's own PEP 517 backend, pbr.build, so
            that pbr builds this project's wheels, editable ones included.

            See https://pip.pypa.io/en/stable/news/#v23-1 and
            https://github.com/pypa/pip/issues/8368 for more details on the removal
            of the fallback support.
          topic_trailer: Topic
          signed_off_by: true

        """#
}
