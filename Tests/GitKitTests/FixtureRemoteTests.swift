import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Fixture remotes", .tags(.git))
struct FixtureRemoteTests {
    @Test("a fixture remote is a bare repository whose branch moves with each upstream commit")
    func remoteMoves() throws {
        try withTemporaryDirectory { dir in
            let remote = try FixtureRemote(in: dir.url, name: "nova", files: ["setup.cfg": "[metadata]\nname = nova\n"])
            let first = try remote.tip()
            #expect(try Repository.open(at: remote.bareURL.path).isBare)
            let second = try remote.commit(["README.rst": "Nova\n", "setup.cfg": nil])
            #expect(try remote.tip() == second)
            #expect(second != first)
            let bare = try Repository.open(at: remote.bareURL.path)
            #expect(try bare.listFiles(at: second) == ["README.rst"])
        }
    }
}
