import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// DESIGN.md section 3.1 on trees shaped like the real removal-phase services (``RemovalTreeFixture``).
@Suite("wsgi-module-paths rewriter in the removal phase", .tags(.python))
struct RemovalPhaseTests {
    let rewriter = WSGIModulePathsRewriter()

    /// What the rewriter did to `files`, the commit message built from it as the commit step does, and the note.
    private func run(
        _ project: String, _ files: [String: String], servers: [String: ServerChoice] = [:],
        entryPoints: EntryPointPolicy = .remove
    ) throws -> (report: MigrationReport, message: String, note: String?, tree: [String: String]) {
        try withTemporaryDirectory { dir in
            try writeFiles(files, under: dir.url)
            let request = ServiceFixture.request(project, servers: servers, entryPoints: entryPoints)
            let report = rewriter.migrate(root: dir.url, request: request)
            // What the pipeline's commit step does: the rewriter's text for these details, in the plan's message.
            let details = WSGIDetails(
                package: report.package, servers: report.servers, entryPointsRemoved: report.entryPointsRemoved,
                releaseNote: report.releaseNote)
            let text = WSGIModulePathsRewriter(options: goalPlan().wsgiOptions).commitText(
                details: details, followUps: report.followUps, removedScripts: report.removedScripts)
            let draft = CommitDraft(
                name: project, targetBranch: "master", changeId: RemovalPhaseGoldens.changeID,
                placeholders: ["package": report.package ?? ""], text: text)
            let message = CommitMessageBuilder.message(plan: goalPlan(), change: draft, signedOffBy: nil)
            let tree = Dictionary(
                uniqueKeysWithValues: ServiceFixture.listing(dir.url).map { ($0, readFile($0, under: dir.url) ?? "") })
            return (report, message, report.releaseNote.flatMap { readFile($0, under: dir.url) }, tree)
        }
    }

    /// `files` with `wsgi_scripts` and its lines gone from `setup.cfg`, the removal note added.
    private func removed(_ files: [String: String], note: String) -> [String: String] {
        var expected = files
        let lines = (files["setup.cfg"] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var inScripts = false
        for line in lines {
            if line.hasPrefix("wsgi_scripts") {
                inScripts = true
                continue
            }
            if inScripts && line.hasPrefix("\t") { continue }
            inScripts = false
            kept.append(line)
        }
        expected["setup.cfg"] = kept.joined(separator: "\n")
        expected["releasenotes/notes/remove-wsgi-scripts-0123456789abcdef.yaml"] = note
        return expected
    }

    @Test("one script whose module exists: a removal-only change, true in its subject, body and note (aodh)")
    func aodhRemovalOnly() throws {
        let (report, message, note, tree) = try run("openstack/aodh", RemovalTreeFixture.aodh)
        #expect(report.outcome == .migrated)
        #expect(
            report.servers == [
                ServerMigration(
                    script: "aodh-api", target: "aodh.api.app:build_wsgi_app", module: "aodh.wsgi.api",
                    file: "aodh/wsgi/api.py", created: false)
            ])
        #expect(report.criteriaMet)
        #expect(report.followUps.isEmpty)
        #expect(note == RemovalPhaseGoldens.aodhNote)
        #expect(tree == removed(RemovalTreeFixture.aodh, note: RemovalPhaseGoldens.aodhNote))
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI script removed and the existing module that replaces it:",
                    scripts: "  aodh-api -> aodh.wsgi.api"))
        #expect(!message.contains("adds"))
    }

    @Test("a retargeted entry point whose module imports and calls it: removal-only (heat)")
    func heatRetargeted() throws {
        let (report, message, note, tree) = try run("openstack/heat", RemovalTreeFixture.heat)
        #expect(report.outcome == .migrated)
        #expect(report.servers.map(\.module) == ["heat.wsgi.api", "heat.wsgi.cfn"])
        #expect(report.servers.allSatisfy { !$0.created })
        #expect(note == RemovalPhaseGoldens.heatNote)
        #expect(tree == removed(RemovalTreeFixture.heat, note: RemovalPhaseGoldens.heatNote))
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI scripts removed and the existing modules that replace them:",
                    scripts: "  heat-wsgi-api -> heat.wsgi.api\n  heat-wsgi-api-cfn -> heat.wsgi.cfn"))
    }

    @Test("a target that only returns init_application(NAME) is served by the module making that call (nova)")
    func novaIndirection() throws {
        let (report, message, note, tree) = try run("openstack/nova", RemovalTreeFixture.nova())
        #expect(report.outcome == .migrated)
        #expect(report.servers.map(\.file) == ["nova/wsgi/osapi_compute.py", "nova/wsgi/metadata.py"])
        #expect(tree["nova/wsgi/api.py"] == nil)
        #expect(note == RemovalPhaseGoldens.novaNote)
        #expect(tree == removed(RemovalTreeFixture.nova(), note: RemovalPhaseGoldens.novaNote))
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI scripts removed and the existing modules that replace them:",
                    scripts: "  nova-api-wsgi -> nova.wsgi.osapi_compute\n  nova-metadata-wsgi -> nova.wsgi.metadata"))
    }

    @Test("an alias of the factory is served by the module calling the original: one module, two scripts (keystone)")
    func keystoneAlias() throws {
        let (report, message, note, tree) = try run("openstack/keystone", RemovalTreeFixture.keystone)
        #expect(report.outcome == .migrated)
        #expect(report.servers.map(\.module) == ["keystone.wsgi.api", "keystone.wsgi.api"])
        #expect(tree["keystone/wsgi/admin.py"] == nil && tree["keystone/wsgi/public.py"] == nil)
        #expect(note == RemovalPhaseGoldens.keystoneNote)
        #expect(tree == removed(RemovalTreeFixture.keystone, note: RemovalPhaseGoldens.keystoneNote))
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI scripts removed and the existing modules that replace them:",
                    scripts: "  keystone-wsgi-admin -> keystone.wsgi.api\n  keystone-wsgi-public -> keystone.wsgi.api"))
    }

    @Test("with the manifest's servers: (public: api, admin: skip) keystone is removal-only, the skip named")
    func keystoneManifest() throws {
        let (report, message, _, _) = try run(
            "openstack/keystone", RemovalTreeFixture.keystone,
            servers: ["keystone-wsgi-public": .name("api"), "keystone-wsgi-admin": .skip])
        #expect(report.outcome == .migrated)
        #expect(report.servers.map(\.created) == [false])
        #expect(report.releaseNote == "releasenotes/notes/remove-wsgi-scripts-0123456789abcdef.yaml")
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI scripts removed and the existing modules that replace them:",
                    scripts: "  keystone-wsgi-public -> keystone.wsgi.api\n"
                        + "  keystone-wsgi-admin -> no module (skipped in the manifest)", keeps: true))
    }

    @Test(
        "application in <pkg>/wsgi/__init__.py serves the one script as <pkg>.wsgi, whatever it calls (ironic)",
        arguments: ["wsgi.initialize_wsgi_app()", "deploy.loadapp()"])
    func ironicPackageModule(call: String) throws {
        let files = RemovalTreeFixture.ironic(initCall: call)
        let (report, message, note, tree) = try run("openstack/ironic", files)
        #expect(report.outcome == .migrated)
        #expect(
            report.servers == [
                ServerMigration(
                    script: "ironic-api-wsgi", target: "ironic.api.wsgi:initialize_wsgi_app", module: "ironic.wsgi",
                    file: "ironic/wsgi/__init__.py", created: false)
            ])
        #expect(note == RemovalPhaseGoldens.ironicNote)
        #expect(tree == removed(files, note: RemovalPhaseGoldens.ironicNote))
        #expect(
            message
                == RemovalPhaseGoldens.removalMessage(
                    heading: "The WSGI script removed and the existing module that replaces it:",
                    scripts: "  ironic-api-wsgi -> ironic.wsgi"))
    }

    @Test("one module exists and one is written: a mixed change says which, per script (nova)")
    func novaMixed() throws {
        let files = RemovalTreeFixture.nova().filter { $0.key != "nova/wsgi/metadata.py" }
        let (report, message, note, tree) = try run("openstack/nova", files)
        #expect(report.outcome == .migrated)
        #expect(report.servers.map(\.module) == ["nova.wsgi.osapi_compute", "nova.wsgi.metadata"])
        #expect(report.servers.map(\.created) == [false, true])
        #expect(
            Set(report.changedPaths) == [
                "nova/wsgi/metadata.py", "setup.cfg", "releasenotes/notes/add-nova-wsgi-module-0123456789abcdef.yaml",
            ])
        #expect(tree["nova/wsgi/metadata.py"]?.contains("application = wsgi.init_application()") == true)
        #expect(message == RemovalPhaseGoldens.novaMixedMessage)
        #expect(note == RemovalPhaseGoldens.novaMixedNote)
    }

    @Test("a script no existing module serves, beside one that serves none, is needs-attention naming both")
    func unmatchedScript() throws {
        let files = RemovalTreeFixture.nova(computeName: "compute")
        let (report, _, _, tree) = try run("openstack/nova", files)
        let reason = try #require(report.outcome.attentionReason)
        #expect(
            reason
                == "setup.cfg:19: nova-api-wsgi (nova.api.openstack.compute.wsgi:init_application) is served by none "
                + "of the modules that already define application (nova.wsgi.osapi_compute), as far as fleet can "
                + "tell; fleet will not write a second module for a server that may already have one: say which "
                + "module serves it in the manifest, for example servers: {nova-api-wsgi: osapi_compute}")
        #expect(tree == files)
        let settled = try run(
            "openstack/nova", files, servers: ["nova-api-wsgi": .name("osapi_compute")])
        #expect(settled.report.outcome == .migrated)
        #expect(settled.report.servers.map(\.created) == [false, false])
    }

    @Test("a flat <pkg>/wsgi.py defining application with no scripts left is already-migrated (freezer-api)")
    func flatModuleIsDone() throws {
        let (report, _, _, tree) = try run("openstack/freezer-api", RemovalTreeFixture.freezer)
        #expect(report.outcome == .alreadyMigrated)
        #expect(report.criteriaMet)
        #expect(report.package == "freezer_api")
        #expect(tree == RemovalTreeFixture.freezer)
    }

    @Test(
        "with entry_points keep, every removal-phase tree is already-migrated and untouched",
        arguments: ["aodh", "heat", "nova", "keystone", "ironic"])
    func keepLeavesThem(name: String) throws {
        let trees = [
            "aodh": RemovalTreeFixture.aodh, "heat": RemovalTreeFixture.heat, "nova": RemovalTreeFixture.nova(),
            "keystone": RemovalTreeFixture.keystone, "ironic": RemovalTreeFixture.ironic(),
        ]
        let files = try #require(trees[name])
        let (report, _, _, tree) = try run("openstack/\(name)", files, entryPoints: .keep)
        #expect(report.outcome == .alreadyMigrated)
        #expect(report.criteriaMet)
        #expect(!report.servers.isEmpty && report.servers.allSatisfy { !$0.created })
        #expect(tree == files)
    }
}
