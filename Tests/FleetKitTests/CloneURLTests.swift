import FleetKit
import Foundation
import Testing

@Suite("Clone URLs")
struct CloneURLTests {
    @Test(
        "relative paths resolve against the manifest's folder; URLs, scp-style and absolute paths stay",
        arguments: [
            ("remotes/nova.git", "/srv/fleet/remotes/nova.git"),
            ("../nova.git", "/srv/nova.git"),
            ("/abs/nova.git", "/abs/nova.git"),
            ("https://opendev.org/openstack/nova", "https://opendev.org/openstack/nova"),
            ("file:///srv/nova.git", "file:///srv/nova.git"),
            ("git@github.com:openstack/nova.git", "git@github.com:openstack/nova.git"),
        ])
    func resolve(input: String, expected: String) {
        let manifest = URL(fileURLWithPath: "/srv/fleet/manifest.yaml")
        #expect(CloneURL.resolve(input, relativeTo: manifest) == expected)
    }
}
