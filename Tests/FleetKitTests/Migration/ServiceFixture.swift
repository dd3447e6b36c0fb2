import FleetKit
import FleetTestSupport
import Foundation

/// OpenStack-shaped service trees, written at test time as plain folders.
enum ServiceFixture {
    /// A nova-like `setup.cfg` as it was before the migration: metadata, files, and an `[entry_points]` with
    /// console_scripts before and oslo.config.opts after `wsgi_scripts`.
    static let novaSetupCfg = """
        [metadata]
        name = nova
        summary = Cloud computing fabric controller
        description_file =
            README.rst
        author = OpenStack
        home_page = https://docs.openstack.org/nova/latest/
        python_requires = >=3.9

        [files]
        data_files =
            etc/nova =
                etc/nova/api-paste.ini
                etc/nova/rootwrap.conf
        packages =
            nova

        [entry_points]
        oslo.config.opts =
            nova.conf = nova.conf.opts:list_opts
        console_scripts =
            nova-api = nova.cmd.api:main
            nova-compute = nova.cmd.compute:main
        wsgi_scripts =
            nova-api-wsgi = nova.api.openstack.compute.wsgi:init_application
            nova-metadata-wsgi = nova.api.metadata.wsgi:init_application
        nova.compute.monitors.cpu =
            virt_driver = nova.compute.monitors.cpu.virt_driver:Monitor

        [extras]
        osprofiler =
            osprofiler>=1.4.0 # Apache-2.0

        """

    /// nova's tree: the package, the two targets, `setup.py` calling pbr, and release notes.
    static func nova(setupCfg: String = novaSetupCfg, releaseNotes: Bool = true) -> [String: String] {
        var files: [String: String] = [
            "setup.cfg": setupCfg,
            "setup.py": "import setuptools\n\nsetuptools.setup(\n    setup_requires=['pbr>=2.0.0'],\n    pbr=True)\n",
            "nova/__init__.py": "",
            "nova/api/__init__.py": "",
            "nova/api/openstack/__init__.py": "",
            "nova/api/openstack/compute/__init__.py": "",
            "nova/api/openstack/compute/wsgi.py": factoryModule("init_application", body: "compute"),
            "nova/api/metadata/__init__.py": "",
            "nova/api/metadata/wsgi.py": factoryModule("init_application", body: "metadata"),
        ]
        if releaseNotes {
            files["releasenotes/notes/old-note-0123456789abcdef.yaml"] = "---\nfixes:\n  - |\n    Old.\n"
        }
        return files
    }

    /// A Python module whose `name()` returns a WSGI app answering `body`.
    static func factoryModule(_ name: String, body: String) -> String {
        """
        \"\"\"WSGI script for the fixture API.\"\"\"


        def _app(environ, start_response):
            start_response('200 OK', [('Content-Type', 'text/plain')])
            return [b'\(body)']


        def \(name)():
            return _app

        """
    }

    /// A request for `project` with a fixed note suffix.
    static func request(
        _ project: String, package: String? = nil, servers: [String: ServerChoice] = [:],
        entryPoints: EntryPointPolicy = .remove, releaseNote: Bool = true, rewriteIni: Bool = true
    ) -> MigrationRequest {
        MigrationRequest(
            projectName: project, package: package, servers: servers,
            options: MigrationOptions(entryPoints: entryPoints, releaseNote: releaseNote, rewriteUWSGIIni: rewriteIni),
            noteSuffix: "0123456789abcdef")
    }

    /// Every regular file under `root`, relative, sorted (to prove nothing else changed).
    static func listing(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

extension MigrationReport.Outcome {
    /// The reason of a `needsAttention` outcome, or nil.
    var attentionReason: String? {
        if case .needsAttention(let reason) = self { return reason }
        return nil
    }

    /// The reason of a `notApplicable` outcome, or nil.
    var notApplicableReason: String? {
        if case .notApplicable(let reason) = self { return reason }
        return nil
    }
}
