import Testing

@testable import FleetKit

@Suite("Review remote hosts")
struct ReviewRemoteTests {
    @Test(
        "every remote form names its host, a local path none",
        arguments: [
            ("ssh://fleet@review.opendev.org:29418/openstack/nova", "review.opendev.org"),
            ("https://review.opendev.org/openstack/nova", "review.opendev.org"),
            ("git://git.example.org/nova", "git.example.org"),
            ("fleet@review.opendev.org:openstack/nova.git", "review.opendev.org"),
            ("review.opendev.org:openstack/nova.git", "review.opendev.org"),
            ("/srv/git/nova.git", nil),
            ("./relative:path/nova.git", nil),
            ("file:///srv/git/nova.git", nil),
        ] as [(String, String?)])
    func hosts(remote: String, host: String?) {
        #expect(ReviewRemote.host(of: remote) == host)
        #expect(GerritURL.fromReviewRemote(remote) == host.map { "https://\($0)/" })
        #expect(PushPacer.host(of: remote) == host ?? "local")
        #expect(ReviewPusher.reviewURL(remote: remote, changeId: "I0123") == host.map { "https://\($0)/q/I0123" })
    }
}
