import FleetKit
import Foundation
import Testing

/// Every plan compiled into the binary is a byte-for-byte copy of its file in `Plans/`, and every file is compiled in.
@Suite("Built-in plans match Plans/")
struct BuiltInPlanFilesTests {
    @Test("each rewriter's built-in plan is byte-identical to Plans/<name>.yaml", arguments: BuiltInPlans.names)
    func builtInCopyMatchesFile(name: String) throws {
        let onDisk = try Data(contentsOf: repositoryRoot.appendingPathComponent("Plans/\(name).yaml"))
        let builtIn = try #require(RewriterRegistry.builtIn.builtInPlans[name])
        #expect(Data(builtIn.utf8) == onDisk)
    }

    @Test("every file in Plans/ is a built-in plan, loaded by its own rewriter")
    func everyFileIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Plans").path)
        let names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        #expect(names == BuiltInPlans.names)
        #expect(names.contains("pyproject-pbr"))
        let plan = try PlanLoader.load(
            reference: "pyproject-pbr", relativeTo: repositoryRoot.appendingPathComponent("m.yaml"))
        #expect(plan.rewriter == PBRPyprojectRewriter.name)
        #expect(plan.options == .object(["requires": .array([.string("pbr>=6.1.1")])]))
    }
}
