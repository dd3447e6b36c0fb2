import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Governance import")
struct GovernanceImporterTests {
    /// A small `reference/projects.yaml` in the governance repository's shape.
    static let projects = """
        nova:
          ptl:
            name: A Person
            irc: aperson
            email: a@example.org
          irc-channel: openstack-nova
          service: Compute service
          mission: >
            To implement services and associated libraries to provide massively
            scalable, on demand, self service access to compute resources.
          url: https://wiki.openstack.org/wiki/Nova
          deliverables:
            nova:
              repos:
                - openstack/nova
              tags:
                - assert:supports-upgrade
            python-novaclient:
              repos:
                - openstack/python-novaclient
            placement:
              repos:
                - openstack/placement
                - openstack/osc-placement
            nova-powervm:
              deprecated: '2023.1'
              repos:
                - openstack/nova-powervm
        OpenStack Charms:
          ptl: {name: B Person}
          deliverables:
            charm-nova-compute:
              repos: [openstack/charm-nova-compute]
        freezer:
          deliverables:
            freezer-api:
              repos: [openstack/freezer-api]
            freezer-web-ui:
              deprecated: ~
              repos: [openstack/freezer-web-ui]
        """

    @Test("every repo of a non-deprecated deliverable, sorted by team then name, with its team")
    func importsAllTeams() throws {
        let text = try GovernanceImporter.manifest(
            projectsYAML: Self.projects, file: "projects.yaml", teams: [], plan: "remove-wsgi_scripts")
        #expect(
            text == """
                # Written by `fleet manifest --governance projects.yaml`:
                # 7 repositories of non-deprecated deliverables. Edit freely; see manifests/README.md.
                version: 1
                plan: remove-wsgi_scripts
                defaults:
                  base_url: https://opendev.org/
                  branch: master
                repos:
                  - name: openstack/charm-nova-compute
                    team: OpenStack Charms
                  - name: openstack/freezer-api
                    team: freezer
                  - name: openstack/freezer-web-ui
                    team: freezer
                  - name: openstack/nova
                    team: nova
                  - name: openstack/osc-placement
                    team: nova
                  - name: openstack/placement
                    team: nova
                  - name: openstack/python-novaclient
                    team: nova

                """)
    }

    @Test("the written manifest loads, with teams, URLs and branch")
    func writtenManifestLoads() throws {
        try withTemporaryDirectory { directory in
            let text = try GovernanceImporter.manifest(
                projectsYAML: Self.projects, file: "projects.yaml", teams: ["OpenStack Charms", "freezer"],
                plan: "remove-wsgi_scripts")
            let url = directory.url.appendingPathComponent("fleet.yaml")
            try Data(text.utf8).write(to: url)
            let manifest = try ManifestLoader.load(from: url)
            #expect(
                manifest.repos.map(\.name) == [
                    "openstack/charm-nova-compute", "openstack/freezer-api", "openstack/freezer-web-ui",
                ])
            #expect(manifest.repos.map(\.team) == ["OpenStack Charms", "freezer", "freezer"])
            #expect(manifest.repos.map(\.url).first == "https://opendev.org/openstack/charm-nova-compute")
            #expect(manifest.repos.allSatisfy { $0.branch == "master" })
            #expect(manifest.planReference == "remove-wsgi_scripts")
        }
    }

    @Test("team names that YAML would misread are quoted, and still load")
    func quotesOddTeamNames() throws {
        let projects = """
            "yes":
              deliverables: {a: {repos: [x/a]}}
            "Team: #1":
              deliverables: {b: {repos: [x/b]}}
            "1.5":
              deliverables: {c: {repos: [x/c]}}
            """
        let text = try GovernanceImporter.manifest(
            projectsYAML: projects, file: "p.yaml", teams: [], plan: "plans/my plan.yaml")
        #expect(text.contains("plan: plans/my plan.yaml\n"))
        #expect(text.contains("    team: \"yes\"\n"))
        #expect(text.contains("    team: \"Team: #1\"\n"))
        #expect(text.contains("    team: \"1.5\"\n"))
        try withTemporaryDirectory { directory in
            try writeFiles(["plans/my plan.yaml": validPlanYAML, "m.yaml": text], under: directory.url)
            let manifest = try ManifestLoader.load(from: directory.url.appendingPathComponent("m.yaml"))
            #expect(manifest.repos.map(\.team) == ["1.5", "Team: #1", "yes"])
        }
    }

    @Test("an unknown team is an error, with a hint for a case slip")
    func unknownTeam() {
        #expect(
            throws: InputError([
                Diagnostic(
                    file: "projects.yaml",
                    message: "unknown team 'Nova' (the file has 3 teams); did you mean 'nova'?"),
                Diagnostic(file: "projects.yaml", message: "unknown team 'swift' (the file has 3 teams)"),
            ])
        ) {
            try GovernanceImporter.manifest(
                projectsYAML: Self.projects, file: "projects.yaml", teams: ["Nova", "nova", "swift"],
                plan: "remove-wsgi_scripts")
        }
    }

    @Test("malformed and unexpected input is reported with its line")
    func malformedInput() {
        let projects = """
            nova:
              deliverables:
                nova:
                  repos: openstack/nova
                placement:
                  tags: [a]
                bad:
                  repos:
                    - openstack/../etc
                    - {name: x}
            glance: []
            neutron:
              deliverables:
                neutron:
                  repos: [openstack/nova]
            """
        #expect(
            throws: InputError([
                Diagnostic(
                    file: "p.yaml", line: 4, column: 14,
                    message: "'repos' of deliverable 'nova' must be a list, found 'openstack/nova'"),
                Diagnostic(
                    file: "p.yaml", line: 6, column: 7,
                    message: "missing key 'repos' in deliverable 'placement'"),
                Diagnostic(
                    file: "p.yaml", line: 9, column: 11,
                    message: "repository name 'openstack/../etc' could escape the workspace"),
                Diagnostic(
                    file: "p.yaml", line: 10, column: 11,
                    message: "a repository of deliverable 'bad' must be a name, found a mapping"),
                Diagnostic(
                    file: "p.yaml", line: 11, column: 9,
                    message: "team 'glance' must be a mapping, found a list"),
            ])
        ) {
            try GovernanceImporter.manifest(
                projectsYAML: projects, file: "p.yaml",
                teams: [], plan: "remove-wsgi_scripts")
        }
        #expect(
            throws: InputError([
                Diagnostic(
                    file: "p.yaml", line: 2, column: 4,
                    message: "malformed YAML: mapping values are not allowed in this context")
            ])
        ) {
            try GovernanceImporter.manifest(projectsYAML: "a: b\n  c: d\n", file: "p.yaml", teams: [], plan: "x")
        }
    }

    @Test("a repository listed twice and a selection with no repositories are errors")
    func duplicatesAndNothing() {
        let projects = """
            nova:
              deliverables:
                nova: {repos: [openstack/nova]}
            compute:
              deliverables:
                nova2: {repos: [openstack/nova]}
            retired:
              deliverables:
                old: {repos: [openstack/old], deprecated: '2024.1'}
            """
        #expect(
            throws: InputError([
                Diagnostic(
                    file: "p.yaml", line: 6, column: 21,
                    message: "repository 'openstack/nova' is listed twice (first at line 3)")
            ])
        ) {
            try GovernanceImporter.manifest(
                projectsYAML: projects, file: "p.yaml",
                teams: [], plan: "remove-wsgi_scripts")
        }
        #expect(
            throws: InputError([Diagnostic(file: "p.yaml", message: "no repositories in non-deprecated deliverables")])
        ) {
            try GovernanceImporter.manifest(
                projectsYAML: "retired:\n  deliverables:\n    old: {repos: [openstack/old], deprecated: '2024.1'}\n",
                file: "p.yaml", teams: ["retired"], plan: "remove-wsgi_scripts")
        }
    }
}
