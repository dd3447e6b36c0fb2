import FleetKit
import Foundation
import Testing

/// The manifests and plans users run must stay valid.
@Suite("Checked-in manifests and plans")
struct CheckedInFilesTests {
    static func files(in folder: String) -> [String] {
        let url = repositoryRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test("there are manifests and plans to check")
    func foldersAreNotEmpty() {
        #expect(Self.files(in: "manifests").contains("manifests/openstack-services.yaml"))
        #expect(Self.files(in: "Plans").contains("Plans/remove-wsgi_scripts.yaml"))
    }

    @Test("every manifest loads and validates", arguments: files(in: "manifests"))
    func manifestLoads(path: String) throws {
        let manifest = try ManifestLoader.load(from: repositoryRoot.appendingPathComponent(path))
        #expect(!manifest.repos.isEmpty)
    }

    @Test("every plan loads and validates", arguments: files(in: "Plans"))
    func planLoads(path: String) throws {
        let plan = try PlanLoader.load(from: repositoryRoot.appendingPathComponent(path))
        #expect(RewriterRegistry.builtIn.names.contains(plan.rewriter))
    }

    @Test("the OpenStack services manifest lists the services with wsgi_scripts and the goal's server names")
    func openStackServices() throws {
        let manifest = try ManifestLoader.load(
            from: repositoryRoot.appendingPathComponent("manifests/openstack-services.yaml"))
        let names = manifest.repos.map { $0.name.replacingOccurrences(of: "openstack/", with: "") }
        #expect(
            names == [
                "aodh", "barbican", "blazar", "cinder", "cloudkitty", "cyborg", "designate", "freezer-api", "glance",
                "heat", "ironic", "ironic-inspector", "keystone", "magnum", "manila", "masakari", "mistral",
                "neutron", "nova", "octavia", "placement", "trove", "watcher", "zun",
            ])
        #expect(manifest.repos.allSatisfy { $0.url == "https://opendev.org/\($0.name)" && $0.branch == "master" })
        #expect(manifest.repos.allSatisfy { $0.team != nil })
        let byName = Dictionary(uniqueKeysWithValues: manifest.repos.map { ($0.name, $0) })
        #expect(
            byName["openstack/nova"]?.wsgi.servers
                == ["nova-api-wsgi": .name("osapi_compute"), "nova-metadata-wsgi": .name("metadata")])
        #expect(
            byName["openstack/keystone"]?.wsgi.servers
                == ["keystone-wsgi-public": .name("api"), "keystone-wsgi-admin": .skip])
        #expect(byName["openstack/freezer-api"]?.wsgi.package == "freezer_api")
        #expect(byName["openstack/ironic-inspector"]?.wsgi.package == "ironic_inspector")
        #expect(byName["openstack/ironic-inspector"]?.team == "ironic")
        #expect(manifest.plan.topic == "remove-wsgi_scripts")
    }
}
