import Foundation

/// Reads a `pyproject.toml` with Python's own TOML parser (`tomllib`, Python 3.11 and later), as pip would.
struct PyprojectChecker {
    /// The Python interpreter.
    var python: String

    /// Why `file` does not declare the pbr backend with exactly `requires`, or nil when it does.
    ///
    /// An interpreter that cannot be started or has no `tomllib` checks nothing: the byte-for-byte comparison before
    /// it is the contract.
    func problem(in file: URL, requires: [String]) -> String? {
        guard let wanted = try? JSONEncoder().encode(requires) else { return nil }
        let output: ProcessOutput
        do {
            // -I -S: no site packages, no PYTHON* variables, so the check costs one bare interpreter start.
            output = try ProcessRunner.run(
                python, ["-I", "-S", "-c", Self.script, file.path, String(decoding: wanted, as: UTF8.self)])
        } catch {
            return nil
        }
        // 127: `/usr/bin/env` found no such interpreter.
        guard !output.isSuccess, output.wasSignalled || output.status != 127 else { return nil }
        let detail = (output.stdout + output.stderr).split(separator: "\n").last.map(String.init) ?? "no output"
        return "tomllib does not read the pbr backend from \(file.lastPathComponent): \(detail)"
    }

    private static let script = """
        import json, sys
        try:
            import tomllib
        except ImportError:
            sys.exit(0)
        with open(sys.argv[1], 'rb') as f:
            table = tomllib.load(f).get('build-system', {})
        if table.get('build-backend') != 'pbr.build' or table.get('requires') != json.loads(sys.argv[2]):
            print('[build-system] is %r' % (table,))
            sys.exit(1)
        """
}
