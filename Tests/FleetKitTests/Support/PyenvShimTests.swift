import FleetTestSupport
import Foundation
import Testing

@testable import FleetKit

/// A pyenv installation made in a test folder: `shims/python3` as `pyenv rehash` writes it, a `libexec/pyenv` that
/// notes it ran and then runs the real Python as `pyenv exec` would, and installed versions whose `bin/python3` is
/// the real Python.
private struct FakePyenv {
    let root: String
    /// A folder outside the root with no `.python-version` above it but the test's own.
    let work: String

    /// The real interpreter the fake versions run.
    static let realPython = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    init(in directory: TemporaryDirectory, versions: [String] = ["3.11.9", "3.12.4"], global: String? = "3.11.9")
        throws
    {
        root = directory.path("pyenv")
        work = directory.path("work/project")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let python = try #require(Self.realPython)
        var files = [
            "pyenv/shims/python3": """
            #!/usr/bin/env bash
            set -e
            [ -n "$PYENV_DEBUG" ] && set -x

            program="${0##*/}"

            export PYENV_ROOT="\(root)"
            SHIM_PATH=${0%/*}
            if [[ $SHIM_PATH != "\(root)/shims" ]]; then
              export _PYENV_SHIM_PATH="$SHIM_PATH"
            fi
            exec "\(root)/libexec/pyenv" exec "$program" "$@"

            """,
            "pyenv/libexec/pyenv": """
            #!/bin/sh
            echo ran >> "\(root)/shim-ran"
            shift 2
            exec \(python) "$@"

            """,
        ]
        if let global { files["pyenv/version"] = global + "\n" }
        try writeFiles(files, under: directory.url)
        try Self.makeExecutable(root + "/shims/python3")
        try Self.makeExecutable(root + "/libexec/pyenv")
        for version in versions {
            let bin = root + "/versions/" + version + "/bin"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin + "/python3", withDestinationPath: python)
        }
    }

    var shim: String { root + "/shims/python3" }
    var environment: [String: String] { ["PATH": root + "/shims:/usr/bin:/bin"] }
    func python(_ version: String) -> String { root + "/versions/" + version + "/bin/python3" }
    var shimRan: Bool { FileManager.default.fileExists(atPath: root + "/shim-ran") }

    func resolve(_ environment: [String: String]? = nil, from directory: String? = nil) -> String? {
        PyenvShim.interpreter(
            for: "python3", environment: environment ?? self.environment, directory: directory ?? work)
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func makeExecutable(_ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
}

@Suite("pyenv shims resolved as pyenv resolves them", .tags(.python))
struct PyenvShimTests {
    @Test("the global version, then a .python-version nearer the working directory, then PYENV_VERSION")
    func versionOrder() throws {
        try withTemporaryDirectory { dir in
            let pyenv = try FakePyenv(in: dir)
            #expect(pyenv.resolve() == pyenv.python("3.11.9"))
            // Two levels up, with a comment, a blank line, CRLF endings and a second word pyenv ignores.
            try pyenv.write("# pinned\r\n\r\n3.12.4 extra\r\n3.11.9\r\n", to: dir.path("work/.python-version"))
            #expect(pyenv.resolve() == pyenv.python("3.12.4"))
            #expect(PyenvShim.readVersionFile(dir.path("work/.python-version")) == ["3.12.4", "3.11.9"])
            var environment = pyenv.environment
            environment["PYENV_VERSION"] = "3.11.9:3.12.4"
            #expect(pyenv.resolve(environment) == pyenv.python("3.11.9"))
            // bash's PWD (the path with its symlinks) is where pyenv starts looking, when it names this folder.
            let link = dir.path("linked")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: pyenv.work)
            try pyenv.write("3.11.9\n", to: dir.path(".python-version"))
            environment = pyenv.environment
            environment["PWD"] = link
            #expect(pyenv.resolve(environment, from: pyenv.work) == pyenv.python("3.11.9"))
            #expect(pyenv.resolve(nil, from: pyenv.work) == pyenv.python("3.12.4"))
            // A shim given as a path resolves the same way.
            #expect(
                PyenvShim.interpreter(for: pyenv.shim, environment: [:], directory: pyenv.work)
                    == pyenv.python("3.12.4"))
        }
    }

    @Test("whatever pyenv resolves in a way of its own goes through the shim")
    func leftToTheShim() throws {
        try withTemporaryDirectory { dir in
            let pyenv = try FakePyenv(in: dir)
            var environment = pyenv.environment
            for named in ["system", "3.11", "3.13.0", "python-3.11.9", "3.11.9/envs/tools", "../3.11.9"] {
                environment["PYENV_VERSION"] = named
                #expect(pyenv.resolve(environment) == nil, "PYENV_VERSION=\(named)")
            }
            // A version with no python3 of its own: pyenv would look further, and fall back to the system's.
            try FileManager.default.createDirectory(
                atPath: pyenv.root + "/versions/pypy3.10/bin", withIntermediateDirectories: true)
            environment["PYENV_VERSION"] = "pypy3.10:3.11.9"
            #expect(pyenv.resolve(environment) == nil)
            // A byte-order mark stays part of the name for pyenv, which finds no such version; a glob pyenv would
            // expand, even where a folder of that very name is installed; a name pyenv's commands read as an option.
            for named in ["\u{FEFF}3.11.9", "3.11.*", "-f"] {
                let bin = pyenv.root + "/versions/" + named + "/bin"
                try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(
                    atPath: bin + "/python3", withDestinationPath: try #require(FakePyenv.realPython))
                try pyenv.write(named + "\n", to: pyenv.work + "/.python-version")
                #expect(pyenv.resolve() == nil, "\(named)")
            }
            // A comment longer than the 1,024 bytes pyenv reads of a line at once: the rest would be read as a line.
            try pyenv.write(
                "#" + String(repeating: "=", count: 1023) + "3.12.4\n3.11.9\n", to: pyenv.work + "/.python-version")
            #expect(pyenv.resolve() == nil)
            try FileManager.default.removeItem(atPath: pyenv.work + "/.python-version")
            // A FIFO is not a file for pyenv (`-f`), which looks further up; opening it would block.
            try #require(mkfifo(pyenv.work + "/.python-version", 0o644) == 0)
            #expect(pyenv.resolve() == pyenv.python("3.11.9"))
            try FileManager.default.removeItem(atPath: pyenv.work + "/.python-version")
            // PYENV_DIR, and a PWD bash would rewrite before pyenv walks it.
            environment = pyenv.environment
            environment["PYENV_DIR"] = pyenv.work
            #expect(pyenv.resolve(environment) == nil)
            environment = pyenv.environment
            environment["PWD"] = pyenv.work + "/../project"
            #expect(pyenv.resolve(environment) == nil)
            environment["PWD"] = pyenv.work
            #expect(pyenv.resolve(environment) == pyenv.python("3.11.9"))
            // An empty .python-version means system, whatever the global version says.
            try pyenv.write("", to: pyenv.work + "/.python-version")
            #expect(pyenv.resolve() == nil)
            try FileManager.default.removeItem(atPath: pyenv.work + "/.python-version")
            #expect(pyenv.resolve() == pyenv.python("3.11.9"))
            // Not a shim at all: a python3 that is a plain script, or the real interpreter.
            #expect(
                PyenvShim.interpreter(for: "python3", environment: ["PATH": "/usr/bin"], directory: pyenv.work) == nil)
            // A copy of the shim outside $PYENV_ROOT/shims (pyenv then records _PYENV_SHIM_PATH).
            let copy = dir.path("bin/python3")
            try pyenv.write(try String(contentsOfFile: pyenv.shim, encoding: .utf8), to: copy)
            try FakePyenv.makeExecutable(copy)
            #expect(PyenvShim.interpreter(for: copy, environment: [:], directory: pyenv.work) == nil)
        }
    }

    @Test("pyenv's own hooks are known to change nothing here; any other hook leaves it to the shim")
    func hooks() throws {
        try withTemporaryDirectory { dir in
            let pyenv = try FakePyenv(in: dir)
            try pyenv.write("# rehash after pip\n", to: pyenv.root + "/pyenv.d/exec/pip-rehash.bash")
            try pyenv.write(
                "# conda\n", to: pyenv.root + "/plugins/pyenv-virtualenv/etc/pyenv.d/which/conda.bash")
            #expect(pyenv.resolve() == pyenv.python("3.11.9"))
            for hook in ["/plugins/pyenv-custom/etc/pyenv.d/version-name/pick.bash", "/pyenv.d/which/other.bash"] {
                try pyenv.write("PYENV_COMMAND_PATH=/opt/python3\n", to: pyenv.root + hook)
                #expect(pyenv.resolve() == nil, "\(hook)")
                try FileManager.default.removeItem(atPath: pyenv.root + hook)
            }
            var environment = pyenv.environment
            environment["PYENV_HOOK_PATH"] = dir.path("hooks")
            try pyenv.write("PYENV_VERSION=3.12.4\n", to: dir.path("hooks/version-name/pin.bash"))
            #expect(pyenv.resolve(environment) == nil)
            // A known hook's name in a folder it does not ship in is anyone's script.
            try FileManager.default.removeItem(atPath: dir.path("hooks/version-name/pin.bash"))
            #expect(pyenv.resolve(environment) == pyenv.python("3.11.9"))
            try pyenv.write("PYENV_COMMAND_PATH=/opt/python3\n", to: dir.path("hooks/which/conda.bash"))
            #expect(pyenv.resolve(environment) == nil)
            // A glob in the hook path names folders bash would find.
            environment["PYENV_HOOK_PATH"] = dir.path("hook*")
            #expect(pyenv.resolve(environment) == nil)
            // pip-rehash runs its own python3 in place of the version's when there is one.
            try pyenv.write("#!/bin/sh\n", to: pyenv.root + "/pyenv.d/exec/pip-rehash/python3")
            #expect(pyenv.resolve() == pyenv.python("3.11.9"))
            try FakePyenv.makeExecutable(pyenv.root + "/pyenv.d/exec/pip-rehash/python3")
            #expect(pyenv.resolve() == nil)
        }
    }

    @Test("the checker starts the version's interpreter directly, and through the shim when pyenv's choice is its own")
    func checkerSkipsTheShim() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["m.py": "x = 1\n"], under: dir.url)
            let pyenv = try FakePyenv(in: dir)
            // Resolved with the test's own environment and folder, not this machine's PYENV_VERSION or a
            // .python-version above the checkout.
            let resolve: @Sendable (String) -> String? = { [work = pyenv.work] in
                PyenvShim.interpreter(for: $0, environment: [:], directory: work)
            }
            let direct = PythonChecker(python: pyenv.shim, resolveShim: resolve)
            #expect(try direct.check(dir.path("m.py"), name: "m.py") == .compiles)
            direct.shutdown()
            #expect(!pyenv.shimRan)

            try pyenv.write("PYENV_COMMAND_PATH=/opt/python3\n", to: pyenv.root + "/pyenv.d/which/other.bash")
            let shimmed = PythonChecker(python: pyenv.shim, resolveShim: resolve)
            #expect(try shimmed.check(dir.path("m.py"), name: "m.py") == .compiles)
            shimmed.shutdown()
            #expect(pyenv.shimRan)
        }
    }
}
