import FleetKit
import FleetTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The virtualenv holding reno, gunicorn and pbr (`FLEET_TEST_VENV`), when it has `tool`.
private func venvTool(_ tool: String) -> String? {
    guard let venv = ProcessInfo.processInfo.environment["FLEET_TEST_VENV"] else { return nil }
    let path = venv + "/bin/" + tool
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// A migrated ironic-shaped service whose factory returns a WSGI app answering `body`.
private func migratedService(in dir: TemporaryDirectory, body: String) throws -> MigrationReport {
    try writeFiles(
        [
            "setup.cfg": """
            [metadata]
            name = ironic
            summary = Fixture bare metal service
            author = OpenStack

            [files]
            packages =
                ironic

            [entry_points]
            wsgi_scripts =
                ironic-api-wsgi = ironic.api.wsgi:initialize_wsgi_app

            """,
            "setup.py": "import setuptools\n\nsetuptools.setup(\n    setup_requires=['pbr>=2.0.0'],\n    pbr=True)\n",
            "ironic/__init__.py": "", "ironic/api/__init__.py": "",
            "ironic/api/wsgi.py": ServiceFixture.factoryModule("initialize_wsgi_app", body: body),
            "releasenotes/notes/first-note-0000000000000001.yaml": "---\nfeatures:\n  - |\n    First note.\n",
        ], under: dir.url)
    let report = WSGIModulePathsRewriter().migrate(root: dir.url, request: ServiceFixture.request("openstack/ironic"))
    #expect(report.outcome == .migrated)
    return report
}

@Suite("wsgi-module-paths proofs with real tools", .tags(.python))
struct RealToolTests {
    // Needs reno from FLEET_TEST_VENV; CI installs it (.ci/run), other runs skip with this reason.
    @Test(
        "reno lint accepts the generated release note",
        .enabled(if: venvTool("reno") != nil, "reno not found: set FLEET_TEST_VENV to a virtualenv with reno"))
    func renoLint() throws {
        let reno = try #require(venvTool("reno"))
        try withTemporaryDirectory { dir in
            let report = try migratedService(in: dir, body: "reno")
            let note = try #require(report.releaseNote)
            try writeFiles(
                [
                    "releasenotes/config.yaml":
                        "---\nsections:\n  - [features, New Features]\n  - [upgrade, Upgrade Notes]\n"
                ], under: dir.url)
            for arguments in [
                ["init", "-q", "-b", "master"], ["add", "-A"],
                ["-c", "user.name=Fixture", "-c", "user.email=fixture@example.org", "commit", "-q", "-m", "Migrate"],
            ] {
                let git = try ProcessRunner.run("git", arguments, currentDirectory: dir.url)
                try #require(git.isSuccess, "git \(arguments): \(git.stderr)")
            }
            let lint = try ProcessRunner.run(reno, ["lint"], currentDirectory: dir.url)
            #expect(lint.isSuccess, "reno lint: \(lint.stdout)\(lint.stderr)")
            let listed = try ProcessRunner.run(reno, ["list"], currentDirectory: dir.url)
            #expect(listed.stdout.contains(note), "reno list: \(listed.stdout)\(listed.stderr)")
        }
    }

    // Needs gunicorn from FLEET_TEST_VENV; CI installs it (.ci/run), other runs skip with this reason.
    @Test(
        "gunicorn serves <pkg>.wsgi.api:application and answers a GET with the app's body",
        .enabled(
            if: venvTool("gunicorn") != nil, "gunicorn not found: set FLEET_TEST_VENV to a virtualenv with gunicorn"),
        .timeLimit(.minutes(1)))
    func gunicornServes() throws {
        let gunicorn = try #require(venvTool("gunicorn"))
        let python = try #require(venvTool("python"))
        try withTemporaryDirectory { dir in
            _ = try migratedService(in: dir, body: "hello from ironic.wsgi.api")
            let port = try freePort()
            // The test process blocks signals such as SIGTERM and children inherit that mask, which would make
            // gunicorn ignore terminate(): start it through python with the mask cleared.
            let server = Process()
            server.executableURL = URL(fileURLWithPath: python)
            server.arguments = [
                "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                    + "os.execv(sys.argv[1], sys.argv[1:])",
                gunicorn, "--bind", "127.0.0.1:\(port)", "--workers", "1", "--chdir", dir.url.path,
                "ironic.wsgi.api:application",
            ]
            server.environment = ProcessInfo.processInfo.environment.merging(
                ["PYTHONPYCACHEPREFIX": dir.path(".pycache-outside-tree")]) { $1 }
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            let fetch =
                "import urllib.request, sys\n"
                + "print(urllib.request.urlopen('http://127.0.0.1:\(port)/', timeout=2).read().decode(), end='')"
            let deadline = Date().addingTimeInterval(20)
            var body = ""
            while Date() < deadline, server.isRunning {
                let output = try ProcessRunner.run(python, ["-c", fetch])
                if output.isSuccess {
                    body = output.stdout
                    break
                }
                usleep(100_000)
            }
            #expect(body == "hello from ironic.wsgi.api")
        }
    }

    // Needs pip with pbr, setuptools and wheel from FLEET_TEST_VENV; CI installs them, other runs skip.
    @Test(
        "pip wheel with pbr builds the migrated package: the wheel holds <pkg>/wsgi/api.py and no wsgi script",
        .enabled(if: venvTool("pbr") != nil, "pbr not found: set FLEET_TEST_VENV to a virtualenv with pbr"),
        .timeLimit(.minutes(2)))
    func pipWheel() throws {
        let pip = try #require(venvTool("pip"))
        let python = try #require(venvTool("python"))
        try withTemporaryDirectory { dir in
            try withTemporaryDirectory { out in
                _ = try migratedService(in: dir, body: "wheel")
                let build = try ProcessRunner.run(
                    pip,
                    ["wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", out.url.path, dir.url.path],
                    environment: ["PBR_VERSION": "1.0.0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"])
                try #require(build.isSuccess, "pip wheel: \(build.stdout)\(build.stderr)")
                let wheel = try #require(
                    try FileManager.default.contentsOfDirectory(atPath: out.url.path).first { $0.hasSuffix(".whl") })
                let list =
                    "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n"
                    + "    print(n)\n    if n.endswith('entry_points.txt'):\n"
                    + "        sys.stderr.write(z.read(n).decode())\n"
                let listing = try ProcessRunner.run(python, ["-c", list, out.url.appendingPathComponent(wheel).path])
                let names = listing.stdout.split(separator: "\n").map(String.init)
                #expect(names.contains("ironic/wsgi/api.py"))
                #expect(names.contains("ironic/wsgi/__init__.py"))
                #expect(!names.contains { $0.contains("ironic-api-wsgi") })
                #expect(!listing.stderr.contains("wsgi_scripts"))
            }
        }
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
private func freePort() throws -> Int {
    #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw MigrationProblem("socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard bound else { throw MigrationProblem("bind failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
