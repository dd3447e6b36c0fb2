import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("factories that take arguments", .tags(.python))
struct FactoryArgumentsTests {
    /// The follow-ups of migrating a one-script tree whose target is `factory` in `<pkg>/api/app.py`.
    private func followUps(package: String, factory: String, definition: String) throws -> [FollowUp] {
        try withTemporaryDirectory { dir in
            var files = RemovalTreeFixture.base(
                name: package, package: package, entries: ["\(package)-api = \(package).api.app:\(factory)"])
            files["\(package)/api/__init__.py"] = ""
            files["\(package)/api/app.py"] = "import sys\n\n\n" + definition + "    return None\n"
            try writeFiles(files, under: dir.url)
            let report = WSGIModulePathsRewriter().migrate(
                root: dir.url, request: ServiceFixture.request("openstack/\(package)"))
            #expect(report.outcome == .migrated)
            return report.followUps.filter { $0.file == "\(package)/api/app.py" }
        }
    }

    @Test("a factory whose parameters all have defaults gets a follow-up at its def, naming the signature (aodh)")
    func defaults() throws {
        let found = try followUps(
            package: "aodh", factory: "build_wsgi_app", definition: "def build_wsgi_app(argv=None):\n")
        #expect(
            found == [
                FollowUp(
                    file: "aodh/api/app.py", line: 4,
                    reason: "build_wsgi_app(argv=None) takes arguments and aodh/wsgi/api.py calls it with none, as "
                        + "PBR's script did: check that its defaults are right under a WSGI server (an argv left to "
                        + "its default may parse the server's own command line)")
            ])
    }

    @Test("a signature over several lines is read whole (octavia)")
    func multiline() throws {
        let found = try followUps(
            package: "octavia", factory: "setup_app",
            definition: "def setup_app(pecan_config=None, debug=False,\n              argv=None):\n")
        #expect(found.map(\.line) == [4])
        #expect(
            found.first?.reason.hasPrefix("setup_app(pecan_config=None, debug=False, argv=None) takes arguments")
                == true)
    }

    @Test("a required positional argument is called out as worse: importing the module raises TypeError")
    func required() throws {
        let found = try followUps(
            package: "octavia", factory: "setup_app", definition: "def setup_app(argv, *, debug=False):\n")
        #expect(
            found.first?.reason
                == "setup_app(argv, *, debug=False) requires argv, yet octavia/wsgi/api.py calls it with no arguments, "
                + "as PBR's script did: importing the module raises TypeError; pass the arguments there or give them "
                + "defaults")
    }

    @Test("a decorated factory may get its arguments from the decorator: the follow-up says so (trove)")
    func decorated() throws {
        let found = try followUps(
            package: "trove", factory: "wsgimain", definition: "@with_initialize\ndef wsgimain(CONF):\n")
        #expect(found.map(\.line) == [5])
        #expect(
            found.first?.reason
                == "wsgimain(CONF) requires CONF but is decorated with @with_initialize, which may supply it; "
                + "trove/wsgi/api.py calls it with no arguments, as PBR's script did: check that this works")
    }

    @Test("a factory with no parameters gets no follow-up, nor does a module fleet did not write")
    func none() throws {
        #expect(try followUps(package: "glance", factory: "init_app", definition: "def init_app():\n").isEmpty)
        try withTemporaryDirectory { dir in
            try writeFiles(RemovalTreeFixture.aodh, under: dir.url)
            let report = WSGIModulePathsRewriter().migrate(
                root: dir.url, request: ServiceFixture.request("openstack/aodh"))
            #expect(report.outcome == .migrated)
            #expect(report.followUps.isEmpty)
        }
    }
}
