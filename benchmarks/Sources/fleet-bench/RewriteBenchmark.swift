import FleetKit
import Foundation

/// Times the wsgi-module-paths rewriter's analyze+rewrite on a nova-sized tree (about 4,000 files), python aside,
/// and its python verification separately.
enum RewriteBenchmark {
    static let runs = 10

    static func run() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "fleet-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = novaSizedTree()
        try write(files, under: root)
        print("tree: \(files.count) files, \(files.values.reduce(0) { $0 + $1.utf8.count } / 1024) KiB")
        let rewriter = WSGIModulePathsRewriter()
        let request = MigrationRequest(projectName: "openstack/nova", noteSuffix: "0123456789abcdef")
        var rewriteTimes: [Double] = []
        var verifyTimes: [Double] = []
        for run in 0...runs {
            let start = DispatchTime.now()
            let pending = rewriter.rewrite(root: root, request: request)
            let rewritten = DispatchTime.now()
            let report = rewriter.verify(pending, root: root)
            let verified = DispatchTime.now()
            guard report.outcome == .migrated else {
                throw BenchmarkError("unexpected outcome \(report.outcome)")
            }
            if run > 0 {  // run 0 warms the page cache and the runtime
                rewriteTimes.append(milliseconds(start, rewritten))
                verifyTimes.append(milliseconds(rewritten, verified))
            }
            try restore(report, files: files, under: root)
        }
        print(summary("analyze+rewrite", rewriteTimes))
        print(summary("verify (python)", verifyTimes))
    }

    /// The files of a tree shaped like nova before the migration.
    static func novaSizedTree() -> [String: String] {
        var files: [String: String] = [:]
        let module = (0..<60).map { "def helper_\($0)(context, instance):\n    return context, instance\n\n\n" }
            .joined()
        for folder in 0..<60 {
            for file in 0..<55 {
                files["nova/area\(folder)/sub\(file % 5)/module_\(file).py"] = module
            }
            for sub in 0..<5 { files["nova/area\(folder)/sub\(sub)/__init__.py"] = "" }
            files["nova/area\(folder)/__init__.py"] = ""
        }
        let prose = String(
            repeating: "Compute services run behind a WSGI server such as uWSGI or mod_wsgi.\n", count: 40)
        for page in 0..<400 {
            let mention = page % 50 == 0 ? "Run ``nova-api-wsgi`` under uWSGI.\n" : ""
            files["doc/source/admin/page_\(page).rst"] = "Page \(page)\n=======\n\n" + prose + mention
        }
        for page in 0..<150 { files["api-ref/source/servers_\(page).inc"] = prose }
        for note in 0..<300 {
            files["releasenotes/notes/note-\(note)-0123456789abcdef.yaml"] = "---\nfixes:\n  - |\n    Fix \(note).\n"
        }
        files["nova/__init__.py"] = ""
        files["nova/api/__init__.py"] = ""
        files["nova/api/openstack/__init__.py"] = ""
        files["nova/api/openstack/compute/__init__.py"] = ""
        files["nova/api/openstack/compute/wsgi.py"] = "def init_application():\n    return None\n"
        files["nova/api/metadata/__init__.py"] = ""
        files["nova/api/metadata/wsgi.py"] = "def init_application():\n    return None\n"
        files["etc/nova/nova-api-uwsgi.ini"] = "[uwsgi]\nwsgi-file = /usr/local/bin/nova-api-wsgi\nprocesses = 2\n"
        files["doc/source/conf.py"] = "extensions = ['sphinxcontrib.apidoc']\napidoc_module_dir = '../../nova'\n"
        files["setup.py"] = "import setuptools\n\nsetuptools.setup(setup_requires=['pbr>=2.0.0'], pbr=True)\n"
        files["setup.cfg"] = """
            [metadata]
            name = nova

            [files]
            packages =
                nova

            [entry_points]
            console_scripts =
                nova-api = nova.cmd.api:main
            wsgi_scripts =
                nova-api-wsgi = nova.api.openstack.compute.wsgi:init_application
                nova-metadata-wsgi = nova.api.metadata.wsgi:init_application
            nova.compute.monitors.cpu =
                virt_driver = nova.compute.monitors.cpu.virt_driver:Monitor

            """
        return files
    }

    private static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Puts the tree back as it was: originals rewritten, created files removed.
    private static func restore(_ report: MigrationReport, files: [String: String], under root: URL) throws {
        for path in report.changedPaths {
            let url = root.appendingPathComponent(path)
            if let original = files[path] {
                try Data(original.utf8).write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent("nova/wsgi"))
    }

    private static func milliseconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    private static func summary(_ label: String, _ times: [Double]) -> String {
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        return String(
            format: "%@: min %.1f ms, median %.1f ms, max %.1f ms over %d runs", label, sorted[0], median,
            sorted[sorted.count - 1], sorted.count)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
