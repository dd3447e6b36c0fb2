import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

/// The `pyproject-pbr` built-in plan end to end: `fleet run MANIFEST --plan pyproject-pbr` on real git repositories.
@Suite("fleet run --plan pyproject-pbr", .tags(.e2e, .git))
struct PyprojectGoalTests {
    /// OpenStack's `setup.py` since 2017: pbr passed on a line of its own, after `setup_requires`.
    static let pbrSetup = """
        import setuptools

        setuptools.setup(
            setup_requires=['pbr>=2.0.0'],
            pbr=True)

        """
    static let setupCfg = "[metadata]\nname = demo\n"
    static let setuptoolsPyproject = """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        """
    /// The text nova, placement and the oslo libraries carry at the top of their `pyproject.toml` today.
    static let currentText = "[build-system]\nrequires = [\"pbr>=6.1.1\"]\nbuild-backend = \"pbr.build\"\n"
    /// The text of the first round of upstream changes ("add pyproject.toml to support pip 23.1").
    static let firstText =
        "[build-system]\nrequires = [\"pbr>=6.0.0\", \"setuptools>=64.0.0\"]\nbuild-backend = \"pbr.build\"\n"

    static func fixture() throws -> GoalFixture {
        try GoalFixture([
            ("pbrproject", ["setup.py": pbrSetup, "setup.cfg": setupCfg, "README.rst": "Demo\n"]),
            (
                "hasbackend",
                [
                    "setup.py": pbrSetup, "setup.cfg": setupCfg,
                    "pyproject.toml": currentText + "\n[project]\nname = \"hasbackend\"\n",
                ]
            ),
            ("setuptoolsbackend", ["setup.py": pbrSetup, "pyproject.toml": setuptoolsPyproject]),
            ("notpbr", ["setup.py": "from setuptools import setup\n\nsetup(name='x')  # not pbr=True\n"]),
        ])
    }

    @Test("adds the file byte for byte to a pbr project, and gives the other three verdicts touching nothing")
    func fourVerdicts() throws {
        let fleet = try Self.fixture()
        defer { fleet.directory.remove() }
        let output = try fleet.run(plan: "pyproject-pbr")
        #expect(output.status == 1, "needs-attention makes the exit status 1: \(output.stderr)")
        let summary = try fleet.summary(plan: "pyproject-pbr")
        #expect(summary.plan == "pyproject-pbr")
        #expect(summary.rewriter == "pbr-pyproject")
        let byName = Dictionary(uniqueKeysWithValues: summary.repos.map { ($0.name, $0) })

        let migrated = try #require(byName["openstack/pbrproject"])
        #expect(migrated.status == .migrated)
        #expect(migrated.criteriaMet == true)
        #expect(migrated.changedFiles == ["pyproject.toml"])
        #expect(migrated.highlights == ["pyproject.toml"])
        #expect(
            migrated.details["pyproject"]
                == .object(["requires": .array([.string("pbr>=6.1.1")]), "buildBackend": .string("pbr.build")]))
        let clone = try fleet.clone("openstack/pbrproject")
        #expect(try clone.currentBranch() == "pyproject-pbr")
        #expect(try clone.isClean())
        let tip = try #require(migrated.commit.flatMap(ObjectID.init(hex:)))
        let base = try #require(migrated.baseCommit.flatMap(ObjectID.init(hex:)))
        #expect(try clone.commits(from: tip, excluding: base).count == 1)
        #expect(try clone.changes(from: base, to: tip).map(\.path) == ["pyproject.toml"])
        let written = try Data(
            contentsOf: fleet.clonePath("openstack/pbrproject").appendingPathComponent("pyproject.toml"))
        #expect(written == Data(Self.currentText.utf8))
        let message = try clone.commitInfo(tip).message
        #expect(message.hasPrefix("Add pyproject.toml to support pip 23.1\n\n"))
        #expect(message.contains("PEP 517"))
        #expect(message.contains("https://github.com/pypa/pip/issues/8368"))
        #expect(message.contains("\nTopic: pyproject-pbr\n"))

        let already = try #require(byName["openstack/hasbackend"])
        #expect(already.status == .alreadyMigrated)
        #expect(already.criteriaMet == true)
        #expect(already.commit == nil)

        let other = try #require(byName["openstack/setuptoolsbackend"])
        #expect(other.status == .needsAttention)
        #expect(other.criteriaMet == false)
        #expect(other.message?.contains("pyproject.toml:3") == true, "\(other.message ?? "")")
        #expect(other.message?.contains("setuptools.build_meta") == true)
        #expect(other.commit == nil)
        let untouched = fleet.clonePath("openstack/setuptoolsbackend").appendingPathComponent("pyproject.toml")
        #expect(try String(contentsOf: untouched, encoding: .utf8) == Self.setuptoolsPyproject)
        #expect(try fleet.clone("openstack/setuptoolsbackend").isClean())

        let notPBR = try #require(byName["openstack/notpbr"])
        #expect(notPBR.status == .notApplicable)
        #expect(notPBR.message?.contains("pbr=True") == true)
        #expect(!FileManager.default.fileExists(atPath: fleet.clonePath("openstack/notpbr").path + "/pyproject.toml"))
    }

    @Test("requires: [pbr>=6.0.0, setuptools>=64.0.0] writes the first text OpenStack used, from a plan file")
    func firstUpstreamText() throws {
        let fleet = try GoalFixture([("pbrproject", ["setup.py": Self.pbrSetup, "setup.cfg": Self.setupCfg])])
        defer { fleet.directory.remove() }
        let builtIn = try #require(BuiltInPlans.sources["pyproject-pbr"])
        let plan = builtIn.replacingOccurrences(
            of: "requires: [\"pbr>=6.1.1\"]", with: "requires: [\"pbr>=6.0.0\", \"setuptools>=64.0.0\"]")
        #expect(plan != builtIn)
        let url = fleet.directory.url.appendingPathComponent("pip-23.1.yaml")
        try Data(plan.utf8).write(to: url)

        let output = try fleet.run(plan: url.path)
        #expect(output.status == 0, "\(output.stderr)")
        let result = try #require(try fleet.summary(plan: "pip-23.1").repos.first)
        #expect(result.status == .migrated)
        let written = try Data(
            contentsOf: fleet.clonePath("openstack/pbrproject").appendingPathComponent("pyproject.toml"))
        #expect(written == Data(Self.firstText.utf8))
        #expect(
            result.details["pyproject"]?.members["requires"]
                == .array([.string("pbr>=6.0.0"), .string("setuptools>=64.0.0")]))
    }
}
