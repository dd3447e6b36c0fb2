import FleetKit
import FleetTestSupport
import Foundation
import Testing

/// The `pbr-pyproject` rewriter on plain folders: which `setup.py` is a pbr project, what an existing
/// `pyproject.toml` declares, and the exact text written.
@Suite("pbr-pyproject rewriter")
struct PBRPyprojectRewriterTests {
    static func rewrite(_ files: [String: String], requires: [String] = ["pbr>=6.1.1"]) throws
        -> (Rewrite<PyprojectDetails, String>, TemporaryDirectory)
    {
        let directory = try TemporaryDirectory()
        try writeFiles(files, under: directory.url)
        let rewriter = PBRPyprojectRewriter(
            options: PyprojectOptions(requires: requires),
            environment: RewriterEnvironment(planDirectory: directory.url))
        let request = RewriteRequest(
            root: directory.url, projectName: "openstack/demo", targetBranch: "master",
            settings: PBRPyprojectRewriter.Settings(), stableSuffix: "0123456789abcdef")
        return (rewriter.rewrite(request), directory)
    }

    @Test(
        "setup.py passes pbr=True, however it is spelled",
        arguments: [
            "import setuptools\n\nsetuptools.setup(\n    setup_requires=['pbr>=2.0.0'],\n    pbr=True)\n",
            "from setuptools import setup\nsetup(setup_requires=['pbr'], pbr = True,)\n",
            "import setuptools\nsetuptools.setup(\n    setup_requires=['pbr>=1.8'],  # pbr=False would be odd\n"
                + "    pbr\n    =\n    True\n)\n",
            "setuptools.setup(setup_requires=[\"pbr\"], pbr=True, py_modules=[])\n",
        ])
    func pbrProjects(setup: String) throws {
        let (rewrite, directory) = try Self.rewrite(["setup.py": setup])
        defer { directory.remove() }
        #expect(rewrite.outcome == .migrated)
        #expect(rewrite.changedPaths == ["pyproject.toml"])
        #expect(
            readFile("pyproject.toml", under: directory.url) == "[build-system]\nrequires = [\"pbr>=6.1.1\"]\n"
                + "build-backend = \"pbr.build\"\n")
    }

    @Test(
        "setup.py that does not pass pbr=True is not a pbr project",
        arguments: [
            "from setuptools import setup\nsetup(name='x')  # pbr=True\n",
            "setup(name='x', description='pbr=True')\n",
            "setup(name='x', pbr=False)\n",
            "mysetup(pbr=True)\nsetup(name='x')\n",
            "setup(name='x', xpbr=True, pbr == True)\n",
        ])
    func notPBRProjects(setup: String) throws {
        let (rewrite, directory) = try Self.rewrite(["setup.py": setup])
        defer { directory.remove() }
        #expect(
            rewrite.outcome == .notApplicable(reason: "setup.py does not pass pbr=True to setup(): not a pbr project"))
        #expect(readFile("pyproject.toml", under: directory.url) == nil)
    }

    @Test("no setup.py is not-applicable")
    func noSetup() throws {
        let (rewrite, directory) = try Self.rewrite(["setup.cfg": "[metadata]\n"])
        defer { directory.remove() }
        #expect(rewrite.outcome == .notApplicable(reason: "no setup.py: not a pbr project"))
    }

    @Test("an existing pyproject.toml is read for its backend and never overwritten")
    func existingFiles() throws {
        let setup = "import setuptools\nsetuptools.setup(pbr=True)\n"
        let cases: [(text: String, outcome: RewriteOutcome)] = [
            (
                "# comment\n[build-system]\nrequires = [\n    \"pbr>=6.1.1\",  # pbr\n]\nbuild-backend = 'pbr.build'\n",
                .alreadyMigrated
            ),
            ("build-system.build-backend = \"pbr.build\"\n", .alreadyMigrated),
            (
                "[project]\nname = \"x\"\n\n[build-system]\nrequires = [\"setuptools\"]\n"
                    + "build-backend = \"setuptools.build_meta\"  # not pbr\n",
                .needsAttention(
                    reason: "pyproject.toml:6 declares build-backend = \"setuptools.build_meta\", not \"pbr.build\"; "
                        + "fleet does not overwrite it")
            ),
            (
                "[tool.black]\nline-length = 79\n\n[build-system]\nrequires = [\"pbr\"]\n",
                .needsAttention(
                    reason: "pyproject.toml:4 has a [build-system] table without build-backend; fleet does not "
                        + "overwrite it")
            ),
            (
                "[tool.black]\nbuild-backend = \"pbr.build\"\n",
                .needsAttention(
                    reason: "pyproject.toml:1 exists without a [build-system] table; fleet does not overwrite it")
            ),
        ]
        for (text, outcome) in cases {
            let (rewrite, directory) = try Self.rewrite(["setup.py": setup, "pyproject.toml": text])
            defer { directory.remove() }
            #expect(rewrite.outcome == outcome, "\(text)")
            #expect(readFile("pyproject.toml", under: directory.url) == text)
            #expect(rewrite.changedPaths.isEmpty)
        }
        let (already, directory) = try Self.rewrite([
            "pyproject.toml": "[build-system]\nrequires = [\"pbr>=6.0.0\", \"setuptools>=64.0.0\"]\n"
                + "build-backend = \"pbr.build\"\n"
        ])
        defer { directory.remove() }
        #expect(already.outcome == .alreadyMigrated)
        #expect(already.criteriaMet == true)
        #expect(
            already.details?.pyproject
                == PyprojectDetails.BuildSystem(
                    requires: ["pbr>=6.0.0", "setuptools>=64.0.0"], buildBackend: "pbr.build"))
    }

    @Test("the written file passes verification, and a file changed after writing does not")
    func verification() throws {
        let (rewrite, directory) = try Self.rewrite(
            ["setup.py": "setup(pbr=True)\n"], requires: ["pbr>=6.0.0", "setuptools>=64.0.0"])
        defer { directory.remove() }
        let rewriter = PBRPyprojectRewriter(
            options: PyprojectOptions(requires: ["pbr>=6.0.0", "setuptools>=64.0.0"]),
            environment: RewriterEnvironment(planDirectory: directory.url))
        let request = RewriteRequest(
            root: directory.url, projectName: "openstack/demo", targetBranch: "master",
            settings: PBRPyprojectRewriter.Settings(), stableSuffix: "0123456789abcdef")
        #expect(
            readFile("pyproject.toml", under: directory.url)
                == "[build-system]\nrequires = [\"pbr>=6.0.0\", \"setuptools>=64.0.0\"]\nbuild-backend = \"pbr.build\"\n"
        )
        #expect(rewriter.verify(rewrite, request: request) == .migrated)
        try writeFiles(["pyproject.toml": "[build-system]\nrequires = []\n"], under: directory.url)
        guard case .needsAttention(let reason) = rewriter.verify(rewrite, request: request) else {
            Issue.record("a changed file passed verification")
            return
        }
        #expect(reason.contains("pyproject.toml"))
    }

    @Test("a requirement with quotes is written as a TOML basic string that Python reads back")
    func quotedRequirement() throws {
        let requirement = "pbr>=6.1.1; python_version>=\"3.10\""
        let options = PyprojectOptions(requires: [requirement])
        #expect(
            options.fileText
                == "[build-system]\nrequires = [\"pbr>=6.1.1; python_version>=\\\"3.10\\\"\"]\nbuild-backend = \"pbr.build\"\n"
        )
        let (rewrite, directory) = try Self.rewrite(["setup.py": "setup(pbr=True)\n"], requires: [requirement])
        defer { directory.remove() }
        let rewriter = PBRPyprojectRewriter(
            options: options, environment: RewriterEnvironment(planDirectory: directory.url))
        let request = RewriteRequest(
            root: directory.url, projectName: "openstack/demo", targetBranch: "master",
            settings: PBRPyprojectRewriter.Settings(), stableSuffix: "0123456789abcdef")
        #expect(rewriter.verify(rewrite, request: request) == .migrated)
    }

    @Test("bad requires: options are located errors")
    func badOptions() {
        func diagnostics(_ options: String) -> [String] {
            rewriterOptionDiagnostics(rewriter: "pbr-pyproject", options: "options:\n" + options)
        }
        #expect(
            diagnostics("  requires: []") == [
                "Plans/t.yaml:7:13: error: 'requires' must list at least one requirement, such as 'pbr>=6.1.1'"
            ])
        #expect(
            diagnostics("  requires: [\"pbr\", \"\", {a: 1}]") == [
                "Plans/t.yaml:7:21: error: an entry of 'requires' is empty",
                "Plans/t.yaml:7:25: error: each entry of 'requires' must be a requirement string, found a mapping",
            ])
        #expect(
            diagnostics("  require: [pbr]").first?.hasPrefix("Plans/t.yaml:7:3: error: unknown key 'require'") == true)
        #expect(diagnostics("  requires: [\"pbr>=6.0.0\", \"setuptools>=64.0.0\"]") == [])
    }
}
