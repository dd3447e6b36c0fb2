import FleetKit
import Testing

@Suite("Commit message builder")
struct CommitMessageBuilderTests {
    @Test("nova: two servers, entry points removed, a release note and follow-ups")
    func nova() {
        let result = RepoResult.v1(
            name: "openstack/nova", status: .migrated, path: "/w/openstack/nova", branch: "remove-wsgi_scripts",
            package: "nova", targetBranch: "master", changeId: novaChangeID,
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
                FollowUp(file: "doc/source/admin/uwsgi.rst", line: 40, reason: "names the script"),
            ])
        let message = CommitMessageBuilder.message(
            plan: goalPlan(), result: result, signedOffBy: "Jane Doe <jane@example.org>")
        #expect(
            message == """
                Add nova.wsgi module

                PBR's wsgi_scripts entry points will stop working with newer pip and
                setuptools, and gunicorn never supported them. Provide module paths that
                uWSGI and gunicorn can load instead.

                The WSGI scripts and their new module paths:

                  nova-api-wsgi -> nova.wsgi.osapi_compute
                  nova-metadata-wsgi -> nova.wsgi.metadata

                The wsgi_scripts entry points are removed from setup.cfg, so PBR no
                longer generates the scripts.

                Release note:
                releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml

                2 references to the old scripts (docs, devstack, uWSGI or systemd files)
                were left for a person to update; the fleet report lists them with their
                files and lines.

                Goal: Migrate from wsgi scripts to module paths
                https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html

                Topic: remove-wsgi_scripts
                Signed-off-by: Jane Doe <jane@example.org>
                Change-Id: \(novaChangeID)

                """)
        #expect(ChangeID.find(in: message) == novaChangeID)
        #expect(message.split(separator: "\n").allSatisfy { $0.count <= 72 || $0.hasPrefix("https://") })
    }

    @Test("keystone: a skipped script is named, and gets no module")
    func skippedScript() {
        let result = RepoResult.v1(
            name: "openstack/keystone", status: .migrated, path: "/w/openstack/keystone",
            branch: "remove-wsgi_scripts", package: "keystone", targetBranch: "master", changeId: keystoneChangeID,
            servers: [
                ServerMigration(
                    script: "keystone-wsgi-public", target: "keystone.server.wsgi:initialize_public_application",
                    module: "keystone.wsgi.api", file: "keystone/wsgi/api.py"),
                .skipped(script: "keystone-wsgi-admin", target: "keystone.server.wsgi:initialize_admin_application"),
            ],
            entryPointsRemoved: true,
            releaseNote: "releasenotes/notes/add-keystone-wsgi-module-fedcba9876543210.yaml",
            followUps: [FollowUp(file: "devstack/lib/keystone", line: 3, reason: "uses keystone-wsgi-public")])
        let message = CommitMessageBuilder.message(plan: goalPlan(), result: result, signedOffBy: nil)
        #expect(
            message == """
                Add keystone.wsgi module

                PBR's wsgi_scripts entry points will stop working with newer pip and
                setuptools, and gunicorn never supported them. Provide module paths that
                uWSGI and gunicorn can load instead.

                The WSGI scripts and their new module paths:

                  keystone-wsgi-public -> keystone.wsgi.api
                  keystone-wsgi-admin -> no module (skipped in the manifest)

                The wsgi_scripts entry points are removed from setup.cfg, so PBR no
                longer generates the scripts.

                Release note:
                releasenotes/notes/add-keystone-wsgi-module-fedcba9876543210.yaml

                1 reference to the old scripts (docs, devstack, uWSGI or systemd files)
                was left for a person to update; the fleet report lists it with its file
                and line.

                Goal: Migrate from wsgi scripts to module paths
                https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html

                Topic: remove-wsgi_scripts
                Change-Id: \(keystoneChangeID)

                """)
    }

    @Test("keep policy, one server, no release note, no Signed-off-by when the plan does not ask")
    func keepPolicyWithoutReleaseNote() {
        var plan = goalPlan()
        plan.wsgiOptions.entryPoints = .keep
        plan.commit.signedOffBy = false
        plan.commit.topicTrailer = "Gerrit-Topic"
        let result = RepoResult.v1(
            name: "openstack/freezer-api", status: .migrated, path: "/w/openstack/freezer-api",
            branch: "remove-wsgi_scripts", package: "freezer_api", targetBranch: "master", changeId: freezerChangeID,
            servers: [
                ServerMigration(
                    script: "freezer-api-wsgi", target: "freezer_api.service:initialize_app",
                    module: "freezer_api.wsgi.api", file: "freezer_api/wsgi/api.py")
            ])
        let message = CommitMessageBuilder.message(plan: plan, result: result, signedOffBy: "Jane <j@example.org>")
        #expect(
            message == """
                Add freezer_api.wsgi module

                PBR's wsgi_scripts entry points will stop working with newer pip and
                setuptools, and gunicorn never supported them. Provide module paths that
                uWSGI and gunicorn can load instead.

                The WSGI script and its new module path:

                  freezer-api-wsgi -> freezer_api.wsgi.api

                The wsgi_scripts entry points are kept for one more cycle so deployments
                can move to the module paths; a later change removes them.

                No release note: the repository has no releasenotes/notes/ folder.

                No references to the old scripts were left for a follow-up.

                Goal: Migrate from wsgi scripts to module paths
                https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html

                Gerrit-Topic: remove-wsgi_scripts
                Change-Id: \(freezerChangeID)

                """)
    }

    @Test("no release note because the plan turned them off")
    func releaseNotesOff() {
        var plan = goalPlan()
        plan.wsgiOptions.releaseNote = false
        let result = RepoResult.v1(
            name: "openstack/aodh", status: .migrated, path: "/w/aodh", branch: "b", package: "aodh",
            changeId: freezerChangeID, entryPointsRemoved: true)
        let message = CommitMessageBuilder.message(plan: plan, result: result, signedOffBy: nil)
        #expect(message.contains("\n\nNo release note: the plan does not ask for one.\n\n"))
        #expect(!message.contains("module paths:"))
    }

    @Test("a package name too long for the subject falls back to the goal title")
    func longPackageSubject() {
        let package = "networking_bagpipe_bgpvpn_neutron_dynamic_routing_extension"
        let result = RepoResult.v1(
            name: "openstack/networking-bagpipe", status: .migrated, path: "/w/x", branch: "b", package: package,
            changeId: freezerChangeID,
            servers: [
                ServerMigration(
                    script: "networking-bagpipe-bgpvpn-neutron-dynamic-routing-extension-api-wsgi",
                    target: "\(package).server:make_app", module: "\(package).wsgi.api", file: "\(package)/wsgi/api.py")
            ], entryPointsRemoved: true)
        let message = CommitMessageBuilder.message(plan: goalPlan(), result: result, signedOffBy: nil)
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Migrate from wsgi scripts to module paths")
        // The one server line is too long: it breaks at the arrow, with the module path whole and indented.
        #expect(
            message.contains(
                """
                  networking-bagpipe-bgpvpn-neutron-dynamic-routing-extension-api-wsgi ->
                      networking_bagpipe_bgpvpn_neutron_dynamic_routing_extension.wsgi.api\n
                """))
    }

    @Test("with no goal title to fall back to, the subject is cut at a word boundary")
    func subjectCutAtWord() {
        var plan = goalPlan()
        plan.goal = String(repeating: "Very long goal title ", count: 5)
        plan.commit.subject = "Provide the {package}.wsgi module for every WSGI server of this service"
        let result = RepoResult.v1(
            name: "openstack/x", status: .migrated, path: "/w/x", branch: "b", package: "quite_long_pkg")
        let subject = CommitMessageBuilder.subject(plan: plan, result: result)
        #expect(subject == "Provide the quite_long_pkg.wsgi module for every WSGI server of this")
        #expect(subject.count <= 72)
    }

    @Test("a URL longer than 72 characters in the plan body is never broken")
    func longURL() {
        var plan = goalPlan()
        let url = "https://review.opendev.org/q/topic:remove-wsgi_scripts+status:open+project:openstack/nova"
        plan.commit.body = "See the other changes of this goal at \(url) before reviewing this one, thanks."
        let result = RepoResult.v1(
            name: "openstack/nova", status: .migrated, path: "/w/nova", branch: "b", package: "nova",
            changeId: novaChangeID, entryPointsRemoved: true)
        let message = CommitMessageBuilder.message(plan: plan, result: result, signedOffBy: nil)
        #expect(
            message.hasPrefix(
                """
                Add nova.wsgi module

                See the other changes of this goal at
                \(url)
                before reviewing this one, thanks.

                The wsgi_scripts entry points are removed
                """))
        #expect(url.count > 72)
    }

    @Test("ends with one newline, one trailer block, Change-Id last; missing ids are made stable")
    func trailerBlock() {
        let result = RepoResult.v1(
            name: "openstack/nova", status: .migrated, path: "/w/nova", branch: "b", package: "nova",
            targetBranch: "master")
        let message = CommitMessageBuilder.message(plan: goalPlan(), result: result, signedOffBy: "A <a@example.org>")
        #expect(message.hasSuffix(".org>\nChange-Id: I358b5fe80e9dece6fb223add9b21eccfb8489e0b\n"))
        #expect(!message.hasSuffix("\n\n"))
        let paragraphs = message.split(separator: "\n\n")
        #expect(
            paragraphs.last
                == "Topic: remove-wsgi_scripts\nSigned-off-by: A <a@example.org>\nChange-Id: I358b5fe80e9dece6fb223add9b21eccfb8489e0b\n"
        )
        #expect(message.components(separatedBy: "Change-Id:").count == 2)
    }
}

private let novaChangeID = "I1111111111111111111111111111111111111111"
private let keystoneChangeID = "I2222222222222222222222222222222222222222"
private let freezerChangeID = "I3333333333333333333333333333333333333333"

/// The goal's plan, with the template text OpenStack would use.
func goalPlan() -> Plan {
    Plan(
        goal: "Migrate from wsgi scripts to module paths",
        goalURL:
            "https://governance.openstack.org/tc/goals/completed/2025.2/migrate-from-wsgi-scripts-to-module-paths.html",
        topic: "remove-wsgi_scripts", branch: "remove-wsgi_scripts", rewriter: "wsgi-module-paths",
        options: MigrationOptions(),
        commit: Plan.Commit(
            subject: "Add {package}.wsgi module",
            body: "PBR's wsgi_scripts entry points will stop working with newer pip and setuptools, and gunicorn "
                + "never supported them. Provide module paths that uWSGI and gunicorn can load instead.",
            topicTrailer: "Topic", signedOffBy: true))
}
