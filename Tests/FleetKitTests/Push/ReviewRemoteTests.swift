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

@Suite("Recording a push")
struct RecordPushedTests {
    @Test("both success branches mark the repo pushed, link the change or the remote, and drop a stale message")
    func recordPushed() {
        var result = ReportFixtures.nova
        result.pushed = false
        result.message = "push failed: connection refused"
        let local = ReviewPusher.Push(
            name: result.name, refspec: "refs/heads/b:refs/for/master", remote: "/srv/nova.git")
        ReviewPusher.recordPushed(&result, local)
        #expect(result.pushed == true)
        #expect(result.reviewUrl == "/srv/nova.git")
        #expect(result.message == nil)

        let gerrit = ReviewPusher.Push(
            name: result.name, refspec: "refs/heads/b:refs/for/master",
            remote: "ssh://fleet@review.example.org:29418/openstack/nova")
        ReviewPusher.recordPushed(&result, gerrit)
        #expect(result.reviewUrl == result.changeId.map { "https://review.example.org/q/\($0)" })
    }
}
