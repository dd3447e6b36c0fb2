import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Manifest loading")
struct ManifestLoaderTests {
    @Test("a valid manifest gives repos with defaults applied, in manifest order")
    func loadsValidManifest() throws {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            defaults:
              base_url: https://opendev.org//
              branch: master
            repos:
              - name: openstack/nova
                servers:
                  nova-api-wsgi: osapi_compute
                  nova-metadata-wsgi: metadata
                team: nova
              - name: openstack/freezer-api
                url: file:///srv/git/freezer-api
                branch: stable/2025.1
                package: freezer_api
                review: ssh://review.opendev.org:29418/openstack/freezer-api
              - name: openstack/keystone
                servers: {keystone-wsgi-public: api, keystone-wsgi-admin: skip}

            """
        let manifest = try ManifestLoader.load(yaml: yaml, file: inlineManifest)
        #expect(manifest.planReference == "remove-wsgi_scripts")
        #expect(manifest.plan.topic == "remove-wsgi_scripts")
        #expect(manifest.file == inlineManifest)
        #expect(
            manifest.repos == [
                RepoSpec(
                    name: "openstack/nova", url: "https://opendev.org/openstack/nova", branch: "master", team: "nova",
                    settings: wsgiSettings(
                        servers: ["nova-api-wsgi": .name("osapi_compute"), "nova-metadata-wsgi": .name("metadata")]),
                    index: 0, line: 7),
                RepoSpec(
                    name: "openstack/freezer-api", url: "file:///srv/git/freezer-api", branch: "stable/2025.1",
                    review: "ssh://review.opendev.org:29418/openstack/freezer-api",
                    settings: wsgiSettings(package: "freezer_api"), index: 1, line: 12),
                RepoSpec(
                    name: "openstack/keystone", url: "https://opendev.org/openstack/keystone", branch: "master",
                    settings: wsgiSettings(servers: [
                        "keystone-wsgi-public": .name("api"), "keystone-wsgi-admin": .skip,
                    ]),
                    index: 2, line: 17),
            ])
    }

    @Test("without defaults a repo has no branch, and base_url joins with exactly one slash")
    func branchFallsBackToNil() throws {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            defaults: {base_url: "file:///srv/git"}
            repos: [{name: x/y}]
            """
        let manifest = try ManifestLoader.load(yaml: yaml, file: inlineManifest)
        #expect(manifest.repos.map(\.url) == ["file:///srv/git/x/y"])
        #expect(manifest.repos.map(\.branch) == [nil])
    }

    @Test("a file name that is relative prints as given")
    func relativeFileName() {
        #expect(inlineManifest.relativePath == "manifests/test.yaml")
    }

    @Test("every problem is reported at once, in document order, with line and column")
    func reportsEverything() {
        let yaml = """
            version: 2
            plan: remove-wsgi_scripts
            colour: blue
            defaults:
              base_url: https://opendev.org/
              brnach: master
            repos:
              - name: openstack/nova
                urls: https://example.org/nova
              - name: openstack/glance
              - name: openstack/nova
              - team: heat
              - name: ../etc
              - name: /abs/path
              - name: a\\b
              - name: nova
              - name: a//b
              - name: openstack/./x
              - name: a/b/c
              - name: open stack/x

            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:1:10: error: 'version' must be 1, found '2'",
                "manifests/test.yaml:3:1: error: unknown key 'colour' in the manifest "
                    + "(expected one of: version, plan, defaults, repos)",
                "manifests/test.yaml:6:3: error: unknown key 'brnach' in 'defaults' "
                    + "(expected one of: base_url, branch, gerrit)",
                "manifests/test.yaml:9:5: error: unknown key 'urls' in repository 'openstack/nova' "
                    + "(expected one of: name, url, branch, team, review, gerrit, package, servers)",
                "manifests/test.yaml:11:11: error: duplicate repository name 'openstack/nova' (first at line 8)",
                "manifests/test.yaml:12:5: error: repository entry has no 'name'",
                "manifests/test.yaml:13:11: error: repository name '../etc' could escape the workspace",
                "manifests/test.yaml:14:11: error: repository name '/abs/path' could escape the workspace",
                "manifests/test.yaml:15:11: error: repository name 'a\\b' could escape the workspace",
                "manifests/test.yaml:16:11: error: repository name 'nova' is not '<namespace>/<repo>'",
                "manifests/test.yaml:17:11: error: repository name 'a//b' is not '<namespace>/<repo>'",
                "manifests/test.yaml:18:11: error: repository name 'openstack/./x' could escape the workspace",
                "manifests/test.yaml:19:11: error: repository name 'a/b/c' is not '<namespace>/<repo>'",
                "manifests/test.yaml:20:11: error: repository name 'open stack/x' may only use letters, digits, "
                    + "'.', '_' and '-' around its '/'",
            ])
    }

    @Test("missing top-level keys and an unknown key in a repo without a name")
    func missingKeys() {
        #expect(
            manifestDiagnostics("defaults: {}\n") == [
                "manifests/test.yaml:1:1: error: missing key 'version' in the manifest",
                "manifests/test.yaml:1:1: error: missing key 'plan' in the manifest",
                "manifests/test.yaml:1:1: error: missing key 'repos' in the manifest",
            ])
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            repos:
              - url: https://example.org/x
                colour: red
            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:4:5: error: repository entry has no 'name'",
                "manifests/test.yaml:5:5: error: unknown key 'colour' in a repository entry "
                    + "(expected one of: name, url, branch, team, review, gerrit, package, servers)",
            ])
    }

    @Test("a repo with no url needs defaults.base_url")
    func missingURL() {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            defaults:
              branch: master
            repos:
              - name: openstack/nova
              - name: openstack/glance
                url: https://example.org/glance
            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:6:5: error: repository 'openstack/nova' has no 'url' and there is no "
                    + "'defaults.base_url'"
            ])
    }

    @Test("servers values must be Python identifiers or skip, and script names must not be empty")
    func badServers() {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            defaults: {base_url: https://opendev.org/}
            repos:
              - name: openstack/nova
                servers:
                  nova-api-wsgi: osapi-compute
                  nova-metadata-wsgi: class
                  "": api
                  nova-x: ~
                  nova-y: 1st
                  nova-z: [a]
                  nova-ok: skip
              - name: openstack/heat
                servers: [heat-api-wsgi]
            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:7:22: error: server for script 'nova-api-wsgi' must be a Python identifier "
                    + "or 'skip', found 'osapi-compute'",
                "manifests/test.yaml:8:27: error: server for script 'nova-metadata-wsgi' must be a Python "
                    + "identifier or 'skip', found 'class'",
                "manifests/test.yaml:9:7: error: empty script name in 'servers'",
                "manifests/test.yaml:10:15: error: server for script 'nova-x' must be a Python identifier or "
                    + "'skip', found nothing",
                "manifests/test.yaml:11:15: error: server for script 'nova-y' must be a Python identifier or "
                    + "'skip', found '1st'",
                "manifests/test.yaml:12:15: error: server for script 'nova-z' must be a Python identifier or "
                    + "'skip', found a list",
                "manifests/test.yaml:15:14: error: 'servers' must be a mapping, found a list",
            ])
    }

    @Test("package must be a dotted Python identifier")
    func badPackage() {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            defaults: {base_url: https://opendev.org/}
            repos:
              - {name: openstack/freezer-api, package: freezer-api}
              - {name: openstack/a, package: "a..b"}
              - {name: openstack/b, package: ironic.inspector}
            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:5:44: error: 'package' 'freezer-api' is not a dotted Python identifier",
                "manifests/test.yaml:6:34: error: 'package' 'a..b' is not a dotted Python identifier",
            ])
    }

    @Test("wrong types are reported with what was found")
    func wrongTypes() {
        let yaml = """
            version: one
            plan: [remove-wsgi_scripts]
            defaults:
              - base_url: https://opendev.org/
            repos:
              name: openstack/nova
            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:1:10: error: 'version' must be 1, found 'one'",
                "manifests/test.yaml:2:7: error: 'plan' must be a string, found a list",
                "manifests/test.yaml:4:3: error: 'defaults' must be a mapping, found a list",
                "manifests/test.yaml:6:3: error: 'repos' must be a list, found a mapping",
            ])
        let entries = """
            version: 1
            plan: remove-wsgi_scripts
            defaults: {base_url: https://opendev.org/, branch: "bad branch"}
            repos:
              - openstack/nova
              - name: {a: b}
                team: [x]
                url: ""
              - name: openstack/x
                branch: x..y
            """
        #expect(
            manifestDiagnostics(entries) == [
                "manifests/test.yaml:3:52: error: 'branch' 'bad branch' is not a valid git branch name",
                "manifests/test.yaml:5:5: error: a repository entry must be a mapping, found 'openstack/nova'",
                "manifests/test.yaml:6:11: error: 'name' must be a string, found a mapping",
                "manifests/test.yaml:7:11: error: 'team' must be a string, found a list",
                "manifests/test.yaml:8:10: error: 'url' must not be empty",
                "manifests/test.yaml:10:13: error: 'branch' 'x..y' is not a valid git branch name",
            ])
    }

    @Test("an empty repos list, an empty file and a top level that is not a mapping")
    func emptyAndShapeless() {
        #expect(
            manifestDiagnostics("version: 1\nplan: remove-wsgi_scripts\nrepos: []\n") == [
                "manifests/test.yaml:3:8: error: 'repos' lists no repositories"
            ])
        #expect(manifestDiagnostics("# nothing\n") == ["manifests/test.yaml:1:1: error: the manifest is empty"])
        #expect(
            manifestDiagnostics("- a\n- b\n") == [
                "manifests/test.yaml:1:1: error: the manifest must be a mapping, found a list"
            ])
    }

    @Test("malformed YAML is one located error")
    func malformedYAML() {
        #expect(
            manifestDiagnostics("version: 1\nrepos:\n  - name: a/b\n    url: x: y\n") == [
                "manifests/test.yaml:4:11: error: malformed YAML: mapping values are not allowed in this context"
            ])
        #expect(
            manifestDiagnostics("version: 1\nplan: [a, b\n") == [
                "manifests/test.yaml:3:1: error: malformed YAML: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence at line 2, column 7)"
            ])
        #expect(
            manifestDiagnostics("version: 1\nversion: 2\n") == [
                "manifests/test.yaml:2:1: error: duplicate key 'version' (first at line 1)"
            ])
    }

    @Test("every duplicate key is reported at the duplicate, in block and flow mappings alike")
    func everyDuplicateKey() {
        let yaml = """
            version: 1
            plan: remove-wsgi_scripts
            repos:
              - name: openstack/nova
                url: /srv/nova.git
                url: /srv/nova2.git
                "url": /srv/nova3.git
              - {name: openstack/heat, team: heat, team: orchestration}
            version: 1

            """
        #expect(
            manifestDiagnostics(yaml) == [
                "manifests/test.yaml:6:5: error: duplicate key 'url' (first at line 5)",
                "manifests/test.yaml:7:5: error: duplicate key 'url' (first at line 5)",
                "manifests/test.yaml:8:40: error: duplicate key 'team' (first at line 8)",
                "manifests/test.yaml:9:1: error: duplicate key 'version' (first at line 1)",
            ])
    }

    @Test("a plan that is neither built in nor a file, and an unknown rewriter in a plan file")
    func badPlans() throws {
        try withTemporaryDirectory { directory in
            try writeFiles(
                [
                    "plans/odd.yaml": validPlanYAML.replacingOccurrences(
                        of: "wsgi-module-paths", with: "sed-everything")
                ], under: directory.url)
            let manifest = directory.url.appendingPathComponent("m.yaml")
            let base = "version: 1\ndefaults: {base_url: https://opendev.org/}\nrepos: [{name: a/b}]\n"
            #expect(
                manifestDiagnostics(base + "plan: remove-wsgi-scripts\n", file: manifest) == [
                    "\(manifest.path):4:7: error: plan 'remove-wsgi-scripts' is neither a built-in plan "
                        + "('pyproject-pbr', 'remove-wsgi_scripts') nor a readable file "
                        + "(\(directory.path("remove-wsgi-scripts")): no such file)"
                ])
            #expect(
                manifestDiagnostics(base + "plan: plans/missing.yaml\n", file: manifest) == [
                    "\(manifest.path):4:7: error: cannot read plan 'plans/missing.yaml': no such file "
                        + "(\(directory.path("plans/missing.yaml")))"
                ])
            #expect(
                manifestDiagnostics(base + "plan: plans\n", file: manifest) == [
                    "\(manifest.path):4:7: error: plan 'plans' is neither a built-in plan "
                        + "('pyproject-pbr', 'remove-wsgi_scripts') nor a readable file (\(directory.path("plans")): it is a folder)"
                ])
            #expect(
                manifestDiagnostics(base + "plan: plans/odd.yaml\ncolour: red\n", file: manifest) == [
                    "\(manifest.path):5:1: error: unknown key 'colour' in the manifest "
                        + "(expected one of: version, plan, defaults, repos)",
                    "\(directory.path("plans/odd.yaml")):5:11: error: unknown rewriter 'sed-everything' "
                        + "(known: wsgi-module-paths, pbr-pyproject, command)",
                ])
        }
    }

    @Test("a plan path is relative to the manifest's folder, or absolute")
    func planPaths() throws {
        try withTemporaryDirectory { directory in
            try writeFiles(["plans/p.yaml": validPlanYAML], under: directory.url)
            let manifest = directory.url.appendingPathComponent("fleets/m.yaml")
            let base = "version: 1\ndefaults: {base_url: https://opendev.org/}\nrepos: [{name: a/b}]\n"
            let relative = try ManifestLoader.load(yaml: base + "plan: ../plans/p.yaml\n", file: manifest)
            #expect(relative.plan.topic == "example-topic")
            #expect(relative.planReference == "../plans/p.yaml")
            let absolute = try ManifestLoader.load(
                yaml: base + "plan: \(directory.path("plans/p.yaml"))\n", file: manifest)
            #expect(absolute.plan == relative.plan)
        }
    }
}
