import FleetKit
import Foundation

/// Runs docutils on reStructuredText, from the test virtualenv (`FLEET_TEST_VENV`) or the system `python3`.
enum Docutils {
    /// A Python interpreter that can import docutils, or nil (the tests that need it skip with this reason).
    static let python: String? = {
        var candidates: [String] = []
        if let venv = ProcessInfo.processInfo.environment["FLEET_TEST_VENV"], !venv.isEmpty {
            candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python3").path)
        }
        candidates.append("python3")
        return candidates.first { candidate in
            (try? ProcessRunner.run(candidate, ["-c", "import docutils.core"]))?.isSuccess ?? false
        }
    }()

    /// Parses `text` with warnings reported and fatal: returns what docutils printed, empty when the text is clean.
    static func warnings(in text: String) throws -> String {
        guard let python else { return "docutils is not available" }
        let script = """
            import sys, io, docutils.core, docutils.utils
            stream = io.StringIO()
            try:
                docutils.core.publish_doctree(sys.stdin.read(), settings_overrides={
                    'report_level': 2, 'halt_level': 2, 'warning_stream': stream})
            except docutils.utils.SystemMessage as error:
                stream.write(str(error))
            sys.stdout.write(stream.getvalue())
            """
        let output = try ProcessRunner.run(python, ["-c", script], input: Data(text.utf8))
        return output.isSuccess ? output.stdout : "python failed: \(output.stderr)"
    }

    /// The document as docutils' pseudo-XML, to check the structure it read.
    static func pseudoXML(of text: String) throws -> String {
        guard let python else { return "" }
        let script = """
            import sys, docutils.core
            sys.stdout.write(docutils.core.publish_string(sys.stdin.read(), writer_name='pseudoxml',
                settings_overrides={'report_level': 2, 'halt_level': 2}).decode())
            """
        return try ProcessRunner.run(python, ["-c", script], input: Data(text.utf8)).stdout
    }
}
