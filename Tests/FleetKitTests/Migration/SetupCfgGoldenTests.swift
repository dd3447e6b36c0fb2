import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// Golden before/after `setup.cfg` files: the rewriter removes `wsgi_scripts` and nothing else.
@Suite("setup.cfg formatting variants, before and after")
struct SetupCfgGoldenTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var before: String
        var after: String
        var testDescription: String { name }
    }

    static let variants: [Variant] = [
        Variant(
            name: "key=value without spaces, tab continuations, # and ; comments, no blank lines, keys after",
            before: """
                [metadata]
                name=ironic
                [files]
                packages=
                \tironic
                [entry_points]
                console_scripts=
                \tironic-api=ironic.cmd.api:main
                ; the WSGI entry point
                wsgi_scripts=
                \tironic-api-wsgi=ironic.api.wsgi:initialize_wsgi_app
                \t# ironic-api-wsgi-old=ironic.api.app:build
                ironic.dhcp=
                \tneutron=ironic.dhcp.neutron:NeutronDHCPApi

                """,
            after: """
                [metadata]
                name=ironic
                [files]
                packages=
                \tironic
                [entry_points]
                console_scripts=
                \tironic-api=ironic.cmd.api:main
                ; the WSGI entry point
                ironic.dhcp=
                \tneutron=ironic.dhcp.neutron:NeutronDHCPApi

                """),
        Variant(
            name: "CRLF line endings, a blank line inside the value, keys after",
            before: [
                "[metadata]", "name = ironic", "", "[entry_points]", "wsgi_scripts =",
                "    ironic-api-wsgi = ironic.api.wsgi:initialize_wsgi_app", "",
                "    ironic-api-wsgi-v2 = ironic.api.wsgi:initialize_wsgi_app", "console_scripts =",
                "    ironic-api = ironic.cmd.api:main", "",
            ].joined(separator: "\r\n"),
            after: [
                "[metadata]", "name = ironic", "", "[entry_points]", "console_scripts =",
                "    ironic-api = ironic.cmd.api:main", "",
            ].joined(separator: "\r\n")),
        Variant(
            name: "an [entry_points] holding only wsgi_scripts, between two sections",
            before: """
                [metadata]
                name = ironic

                [entry_points]
                wsgi_scripts =
                    ironic-api-wsgi = ironic.api.wsgi:initialize_wsgi_app

                [extras]
                guru_meditation_reports =
                  oslo.reports>=1.18.0 # Apache-2.0

                """,
            after: """
                [metadata]
                name = ironic

                [extras]
                guru_meditation_reports =
                  oslo.reports>=1.18.0 # Apache-2.0

                """),
        Variant(
            name: "the value on the key line, the last key of the file, no final newline",
            before:
                "[metadata]\nname = ironic\n\n[entry_points]\noslo.config.opts =\n"
                + "    ironic = ironic.conf.opts:list_opts\n"
                + "wsgi_scripts = ironic-api-wsgi = ironic.api.wsgi:initialize_wsgi_app",
            after:
                "[metadata]\nname = ironic\n\n[entry_points]\noslo.config.opts =\n"
                + "    ironic = ironic.conf.opts:list_opts\n"
        ),
    ]

    @Test("removes wsgi_scripts and keeps every other byte", arguments: variants)
    func golden(_ variant: Variant) throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "setup.cfg": variant.before, "ironic/__init__.py": "", "ironic/api/__init__.py": "",
                    "ironic/api/wsgi.py": ServiceFixture.factoryModule("initialize_wsgi_app", body: "ironic"),
                ], under: dir.url)
            let pending = WSGIModulePathsRewriter().rewrite(
                root: dir.url, request: ServiceFixture.request("openstack/ironic"))
            #expect(pending.report.outcome == .migrated)
            #expect(pending.report.servers.first?.target == "ironic.api.wsgi:initialize_wsgi_app")
            #expect(try Data(contentsOf: dir.url.appendingPathComponent("setup.cfg")) == Data(variant.after.utf8))
        }
    }
}
