import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Synchronization
import Testing

/// A rewriter defined only here, to prove that a goal is a plug-in: it writes `STAMP.txt`.
private struct StampRewriter: Rewriter {
    struct Options: Codable, Sendable, Equatable {
        var text = "stamped"
    }
    struct Settings: Codable, Sendable, Equatable {}
    struct Details: Codable, Sendable, Equatable {
        var stamp: String
    }
    typealias Pending = Void

    static let name = "stamp"
    static let optionKeys = ["text"]
    static let presentation = RewriterPresentation(highlightsTitle: "Stamps", highlightsVerb: "stamps")

    let options: Options

    static func readOptions(_ options: MappingReader?, sink: inout DiagnosticSink) -> Options? {
        guard let options, options["text"] != nil else { return Options() }
        return options.string("text", sink: &sink).map { Options(text: $0) }
    }

    static func highlights(of details: Details) -> [String] { ["STAMP.txt"] }

    init(options: Options, environment: RewriterEnvironment) {
        self.options = options
    }

    func rewrite(_ request: RewriteRequest<Settings>) -> Rewrite<Details, Void> {
        let stamp = "\(options.text) \(request.projectName)\n"
        do {
            try Data(stamp.utf8).write(to: request.root.appendingPathComponent("STAMP.txt"))
        } catch {
            return Rewrite(outcome: .needsAttention(reason: "\(error)"))
        }
        return Rewrite(
            outcome: .migrated, details: Details(stamp: stamp), criteriaMet: true, changedPaths: ["STAMP.txt"],
            pending: ())
    }

    func verify(_ rewrite: Rewrite<Details, Void>, request: RewriteRequest<Settings>) -> RewriteOutcome {
        readFile("STAMP.txt", under: request.root) == rewrite.details?.stamp
            ? .migrated : .needsAttention(reason: "lost")
    }

    func commitText(for rewrite: Rewrite<Details, Void>) -> CommitText {
        CommitText(paragraphs: ["Stamped: " + rewrite.changedPaths.joined(separator: ", ")])
    }
}

/// A rewriter that lives only in a test goes through run, report and push with no change anywhere else.
@Suite("A goal is a plug-in", .tags(.git))
struct PlugInRewriterTests {
    @Test("a test-only rewriter is registered, run, reported and pushed")
    func testOnlyRewriter() throws {
        try withTemporaryDirectory { directory in
            let remote = try FixtureRemote(in: directory.url, name: "demo", files: ["README.rst": "Demo\n"])
            let review = directory.url.appendingPathComponent("review.git")
            _ = try Repository.clone(from: remote.bareURL.path, to: review.path, bare: true)
            let plan = """
                goal: Stamp every repository
                goal_url: https://example.org/stamp
                topic: stamp
                branch: stamp
                rewriter: stamp
                options: {text: hello}
                commit: {subject: Add a stamp, body: Every repository gets a stamp.}

                """
            try Data(plan.utf8).write(to: directory.url.appendingPathComponent("stamp.yaml"))
            let manifestURL = directory.url.appendingPathComponent("manifest.yaml")
            let manifestText = """
                version: 1
                plan: stamp.yaml
                repos:
                  - name: openstack/demo
                    url: \(remote.bareURL.path)
                    review: \(review.path)

                """
            try Data(manifestText.utf8).write(to: manifestURL)

            // The built-in registry does not know the rewriter; the loader refuses the plan, naming what it knows.
            #expect(throws: InputError.self) { try ManifestLoader.load(from: manifestURL) }
            let registry = RewriterRegistry.builtIn.adding(RewriterKind(StampRewriter.self))
            let manifest = try ManifestLoader.load(from: manifestURL, registry: registry)
            var options = RunOptions()
            options.registry = registry
            options.workspace = directory.url.appendingPathComponent("workspace")
            // In process, so not through runFleet's identity: whatever git config this machine has.
            options.fallbackIdentity = Signature(name: "Fleet Test", email: "fleet-test@example.org")
            let outcome = try FleetRunner(manifest: manifest, options: options).run()

            let result = try #require(outcome.summary.repos.first)
            #expect(result.status == .migrated, "\(result.message ?? "")")
            #expect(outcome.summary.rewriter == "stamp")
            #expect(result.highlights == ["STAMP.txt"])
            #expect(result.details == ["stamp": .string("hello openstack/demo\n")])
            #expect(result.changedFiles == ["STAMP.txt"])
            #expect(result.criteriaMet == true)
            let clone = try Repository.open(at: result.path)
            let tip = try #require(result.commit.flatMap(ObjectID.init(hex:)))
            let message = try clone.commitInfo(tip).message
            #expect(message.hasPrefix("Add a stamp\n\nEvery repository gets a stamp.\n\nStamped: STAMP.txt\n\n"))

            // Report: the written summary loads, merges and renders without knowing the rewriter.
            let written = try SummaryFile.load(from: outcome.reportDirectory.appendingPathComponent("summary.json"))
            #expect(written.repos.first?.details == result.details)
            let merged = try SummaryMerger.merge([written])
            let reportFolder = directory.url.appendingPathComponent("merged")
            try ReportWriter.write(
                merged, patches: ReportWriter.patches(in: outcome.reportDirectory, for: [result.name]), to: reportFolder
            )
            let markdown = try String(contentsOf: reportFolder.appendingPathComponent("summary.md"), encoding: .utf8)
            #expect(markdown.contains("STAMP.txt"))
            let patch = try String(
                contentsOf: reportFolder.appendingPathComponent("patches/openstack__demo.patch"), encoding: .utf8)
            #expect(patch.contains("+hello openstack/demo"))

            // Push: the review branch reaches the review remote under the plan's topic.
            let pushed = ReviewPusher(manifest: manifest).pushAll(written)
            #expect(pushed.repos.first?.pushed == true, "\(pushed.repos.first?.message ?? "")")
            let reviewRepository = try Repository.open(at: review.path)
            #expect(try reviewRepository.referenceTarget("refs/for/master%topic=stamp") == tip)
        }
    }
}

/// What ``LifecycleRewriter`` was asked, in order; only the lifecycle test uses it.
private let lifecycleLog = Mutex<[String]>([])

/// A rewriter that records when the run prepares it, rewrites with it and finishes it.
private struct LifecycleRewriter: Rewriter {
    struct Options: Codable, Sendable, Equatable {}
    struct Settings: Codable, Sendable, Equatable {}
    struct Details: Codable, Sendable, Equatable {}
    typealias Pending = Void

    static let name = "lifecycle"
    static let optionKeys: [String] = []
    static let presentation = RewriterPresentation(highlightsTitle: "Files", highlightsVerb: "adds")

    static func readOptions(_ options: MappingReader?, sink: inout DiagnosticSink) -> Options? { Options() }
    static func highlights(of details: Details) -> [String] { [] }

    init(options: Options, environment: RewriterEnvironment) {}

    func prepareForRewrites() { lifecycleLog.withLock { $0.append("prepare") } }
    /// Slow on purpose: the run must wait for it, and its report takes far less than this.
    func finishRewrites() {
        usleep(300_000)
        lifecycleLog.withLock { $0.append("finish") }
    }

    func rewrite(_ request: RewriteRequest<Settings>) -> Rewrite<Details, Void> {
        lifecycleLog.withLock { $0.append("rewrite \(request.projectName)") }
        do {
            try Data("x\n".utf8).write(to: request.root.appendingPathComponent("LIFECYCLE.txt"))
        } catch {
            return Rewrite(outcome: .needsAttention(reason: "\(error)"))
        }
        return Rewrite(
            outcome: .migrated, details: Details(), criteriaMet: true, changedPaths: ["LIFECYCLE.txt"], pending: ())
    }

    func verify(_ rewrite: Rewrite<Details, Void>, request: RewriteRequest<Settings>) -> RewriteOutcome { .migrated }

    func commitText(for rewrite: Rewrite<Details, Void>) -> CommitText { CommitText(paragraphs: ["Lifecycle."]) }
}

@Suite("A rewriter's run lifecycle", .tags(.git))
struct RewriterLifecycleTests {
    @Test("prepare comes before the first rewrite, finish once after the last; the run waits for a slow finish")
    func prepareAndFinish() throws {
        try withTemporaryDirectory { directory in
            var entries = ""
            for name in ["alpha", "beta", "gamma"] {
                let remote = try FixtureRemote(in: directory.url, name: name, files: ["README.rst": "\(name)\n"])
                entries += "  - name: openstack/\(name)\n    url: \(remote.bareURL.path)\n"
            }
            let plan = """
                goal: Lifecycle
                goal_url: https://example.org/lifecycle
                topic: lifecycle
                branch: lifecycle
                rewriter: lifecycle
                commit: {subject: Add a file, body: A file.}

                """
            try Data(plan.utf8).write(to: directory.url.appendingPathComponent("lifecycle.yaml"))
            let manifestURL = directory.url.appendingPathComponent("manifest.yaml")
            try Data("version: 1\nplan: lifecycle.yaml\nrepos:\n\(entries)".utf8).write(to: manifestURL)
            let registry = RewriterRegistry.builtIn.adding(RewriterKind(LifecycleRewriter.self))
            let manifest = try ManifestLoader.load(from: manifestURL, registry: registry)
            var options = RunOptions()
            options.registry = registry
            options.jobs = 2
            options.workspace = directory.url.appendingPathComponent("workspace")
            options.fallbackIdentity = Signature(name: "Fleet Test", email: "fleet-test@example.org")

            lifecycleLog.withLock { $0 = [] }
            let outcome = try FleetRunner(manifest: manifest, options: options).run()
            #expect(outcome.summary.repos.map(\.status) == [.migrated, .migrated, .migrated])
            let log = lifecycleLog.withLock { $0 }
            #expect(log.first == "prepare")
            #expect(log.last == "finish")
            #expect(log.filter { $0 == "prepare" || $0 == "finish" }.count == 2)
            #expect(
                Set(log.dropFirst().dropLast()) == [
                    "rewrite openstack/alpha", "rewrite openstack/beta", "rewrite openstack/gamma",
                ])

            // A re-run with every repo up to date rewrites nothing and prepares nothing, and still finishes.
            lifecycleLog.withLock { $0 = [] }
            let again = try FleetRunner(manifest: manifest, options: options).run()
            #expect(again.summary.repos.map(\.status) == [.upToDate, .upToDate, .upToDate])
            #expect(lifecycleLog.withLock { $0 } == ["finish"])
        }
    }
}
