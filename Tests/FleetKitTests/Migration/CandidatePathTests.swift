import Testing

@testable import FleetKit

/// The per-file checks the rewriter runs on every path of a tree: byte-level, with the answers the grapheme-level
/// checks gave.
@Suite("Candidate paths for the follow-up scan and the uWSGI rewrite")
struct CandidatePathTests {
    @Test(
        "follow-up candidates: scanned folders, scanned and skipped extensions, release notes and setup.cfg left out",
        arguments: [
            ("devstack/plugin.sh", true), ("devstack/lib/nova", true), ("doc/source/conf.py", true),
            ("doc/source/admin/wsgi.rst", true), ("api-ref/source/index.rst", true), ("etc/nova/api-paste.ini", true),
            ("etc/nova/policy.py", false), ("nova/api/openstack/wsgi.py", false), ("tools/run.py", true),
            ("README.rst", true), ("httpd/nova-api.conf", true), ("nova.egg-info/SOURCES.txt", true),
            ("setup.cfg", false), ("releasenotes/notes/x.yaml", false), ("doc/source/_static/logo.png", false),
            ("doc/source/figures/a.svg", false), ("etc/nova/nova-config.json", false), ("Makefile", false),
            (".bashrc", false), ("doc/Makefile", true), ("playbooks/deploy.yaml", true), ("a.tar.gz", false),
            ("contrib/x.", true), ("x.RST", false), ("tox.ini", true), ("docé/naïve.rst", true),
        ])
    func followUpCandidates(path: String, expected: Bool) {
        #expect(FollowUpScanner.isCandidate(path) == expected)
    }

    @Test(
        "uWSGI candidates: ini files and their templates anywhere, .conf only with uwsgi in the name",
        arguments: [
            ("etc/nova/nova-api-uwsgi.ini", true), ("devstack/files/api.ini.j2", true), ("a/b.ini.tmpl", true),
            ("b.ini.template", true), ("etc/uwsgi/nova-uwsgi.conf", true), ("etc/nova/nova.conf", false),
            ("etc/uwsgi/apache.conf", false), ("ini", false), ("tox.ini", true), ("a.ini/b.txt", false),
        ])
    func uwsgiCandidates(path: String, expected: Bool) {
        #expect(UWSGIIniRewriter.isCandidate(path) == expected)
    }

    @Test("a relative path's name and extension")
    func nameAndExtension() {
        #expect(RelativePath.name("a/b/c.txt") == "c.txt")
        #expect(RelativePath.name("c.txt") == "c.txt")
        #expect(RelativePath.fileExtension("a.tar.gz") == "gz")
        #expect(RelativePath.fileExtension(".bashrc") == "")
        #expect(RelativePath.fileExtension("Makefile") == "")
        #expect(RelativePath.fileExtension("a.b.") == "b")
        #expect(RelativePath.fileExtension("naïve.rst") == "rst")
    }
}
