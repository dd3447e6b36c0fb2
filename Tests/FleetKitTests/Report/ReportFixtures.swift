import FleetKit
import Foundation

/// A run over six OpenStack-shaped repos, one per status, with the awkward text reports must survive.
enum ReportFixtures {
    static let started = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15T15:06:40Z

    static func summary() -> Summary {
        Summary(
            goal: "Migrate from wsgi scripts to module paths", topic: "remove-wsgi_scripts", started: started,
            durationSeconds: 12.34, repos: [nova, keystone, swift, freezer, glance, heat])
    }

    static let nova = RepoResult.v1(
        name: "openstack/nova", status: .migrated, path: "/w/openstack/nova", branch: "remove-wsgi_scripts",
        package: "nova", team: "nova", targetBranch: "master", baseCommit: String(repeating: "a", count: 40),
        commit: "0123456789abcdef0123456789abcdef01234567", changeId: "I1111111111111111111111111111111111111111",
        criteriaMet: true,
        servers: [
            ServerMigration(
                script: "nova-api-wsgi", target: "nova.api.openstack.compute.wsgi:init_application",
                module: "nova.wsgi.osapi_compute", file: "nova/wsgi/osapi_compute.py"),
            ServerMigration(
                script: "nova-metadata-wsgi", target: "nova.api.metadata.wsgi:init_application",
                module: "nova.wsgi.metadata", file: "nova/wsgi/metadata.py"),
        ],
        entryPointsRemoved: true, releaseNote: "releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml",
        followUps: [
            FollowUp(file: "devstack/lib/nova", line: 12, reason: "uses the nova-api-wsgi script"),
            FollowUp(file: "doc/source/admin/uwsgi.rst", line: 40, reason: "names /usr/bin/nova-api-wsgi"),
        ],
        durationSeconds: 3.2, pushed: true, reviewUrl: "https://review.opendev.org/c/openstack/nova/+/950001")

    static let keystone = RepoResult.v1(
        name: "openstack/keystone", status: .migrated, path: "/w/openstack/keystone", branch: "remove-wsgi_scripts",
        package: "keystone", team: "keystone", targetBranch: "master",
        commit: "fedcba9876543210fedcba9876543210fedcba98", changeId: "I2222222222222222222222222222222222222222",
        criteriaMet: true,
        servers: [
            ServerMigration(
                script: "keystone-wsgi-public", target: "keystone.server.wsgi:initialize_public_application",
                module: "keystone.wsgi.api", file: "keystone/wsgi/api.py"),
            .skipped(script: "keystone-wsgi-admin", target: "keystone.server.wsgi:initialize_admin_application"),
        ],
        entryPointsRemoved: true)

    static let swift = RepoResult.v1(
        name: "openstack/swift", status: .notApplicable, path: "/w/openstack/swift", branch: "remove-wsgi_scripts",
        package: "swift", team: "swift", targetBranch: "master",
        message: "no wsgi_scripts in setup.cfg, setup.py or pyproject.toml")

    static let freezer = RepoResult.v1(
        name: "openstack/freezer-api", status: .needsAttention, path: "/w/openstack/freezer-api",
        branch: "remove-wsgi_scripts", package: "freezer_api", targetBranch: "master",
        followUps: [FollowUp(file: "devstack/plugin.sh", line: 7, reason: "runs `freezer-api-wsgi` | tee log")],
        message: "setup.cfg:31: freezer_api.cmd.api has no *init_app* | see <script>alert(1)</script> & fix_ it::")

    static let glance = RepoResult.v1(
        name: "openstack/glance", status: .alreadyMigrated, path: "/w/openstack/glance", branch: "remove-wsgi_scripts",
        package: "glance", team: "glance", targetBranch: "master", criteriaMet: true,
        servers: [
            ServerMigration(
                script: "glance-wsgi-api", target: "glance.common.wsgi_app:init_app", module: "glance.wsgi.api",
                file: "glance/wsgi/api.py")
        ])

    static let heat = RepoResult(
        name: "openstack/heat", status: .failed, path: "/w/openstack/heat", branch: "remove-wsgi_scripts",
        team: "heat", message: "clone failed:\n  could not resolve host")
}
