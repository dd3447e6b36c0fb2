import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Plan loading")
struct PlanLoaderTests {
    @Test("a valid plan loads with its options and commit template; absent optional keys take defaults")
    func loadsValidPlan() throws {
        let plan = try PlanLoader.load(yaml: validPlanYAML, file: "Plans/test.yaml", name: "test")
        #expect(
            plan
                == Plan(
                    name: "test", goal: "Example goal", goalURL: "https://example.org/goal.html",
                    topic: "example-topic",
                    branch: "example-branch", rewriter: "wsgi-module-paths",
                    options: try JSONValue.encoding(
                        MigrationOptions(entryPoints: .keep, releaseNote: false, rewriteUWSGIIni: true)),
                    commit: Plan.Commit(
                        subject: "Add {package}.wsgi module", body: "Explains the goal.", topicTrailer: "Topic",
                        signedOffBy: false)))
    }

    @Test("the built-in remove-wsgi_scripts plan is the goal's plan")
    func builtInPlan() throws {
        let plan = try PlanLoader.load(reference: "remove-wsgi_scripts", relativeTo: inlineManifest)
        #expect(plan.topic == "remove-wsgi_scripts")
        #expect(plan.branch == "remove-wsgi_scripts")
        #expect(plan.rewriter == "wsgi-module-paths")
        #expect(plan.wsgiOptions == MigrationOptions(entryPoints: .remove, releaseNote: true, rewriteUWSGIIni: true))
        #expect(plan.commit.subject == "Migrate from wsgi scripts to module paths")
        #expect(plan.commit.topicTrailer == "Topic")
        #expect(plan.commit.signedOffBy)
        #expect(
            plan.goalURL
                == "https://governance.openstack.org/tc/goals/completed/2025.2/"
                + "migrate-from-wsgi-scripts-to-module-paths.html")
    }

    @Test("the built-in copy is byte-identical to Plans/remove-wsgi_scripts.yaml")
    func builtInCopyMatchesFile() throws {
        let file = repositoryRoot.appendingPathComponent("Plans/remove-wsgi_scripts.yaml")
        let onDisk = try Data(contentsOf: file)
        let builtIn = try #require(BuiltInPlans.sources["remove-wsgi_scripts"])
        #expect(Data(builtIn.utf8) == onDisk)
        #expect(BuiltInPlans.names == ["pyproject-pbr", "remove-wsgi_scripts"])
    }

    @Test("every plan problem is reported at once, located")
    func reportsEverything() {
        let yaml = """
            goal: Example
            goal_url: ftp://example.org/goal
            topic: my topic
            branch: feature..x
            rewriter: wsgi-module-paths
            options:
              entry_points: delete
              release_note: maybe
              colour: red
            commit:
              subject: "Migrate {project} to module paths"
              topic_trailer: "Topic:"
              signed_off_by: 1
            extra: true

            """
        #expect(
            planDiagnostics(yaml) == [
                "Plans/test.yaml:2:11: error: 'goal_url' must be an http(s) URL, found 'ftp://example.org/goal'",
                "Plans/test.yaml:3:8: error: 'topic' 'my topic' must not contain spaces, '%' or ','",
                "Plans/test.yaml:4:9: error: 'branch' 'feature..x' is not a valid git branch name",
                "Plans/test.yaml:7:17: error: 'entry_points' must be 'remove' or 'keep', found 'delete'",
                "Plans/test.yaml:8:17: error: 'release_note' must be true or false, found 'maybe'",
                "Plans/test.yaml:9:3: error: unknown key 'colour' in 'options' "
                    + "(expected one of: entry_points, release_note, rewrite_uwsgi_ini)",
                "Plans/test.yaml:11:3: error: missing key 'body' in 'commit'",
                "Plans/test.yaml:11:12: error: unknown placeholder '{project}' in 'subject' (known: {package})",
                "Plans/test.yaml:12:18: error: 'topic_trailer' 'Topic:' must be a trailer name "
                    + "(letters, digits and '-')",
                "Plans/test.yaml:13:18: error: 'signed_off_by' must be true or false, found '1'",
                "Plans/test.yaml:14:1: error: unknown key 'extra' in the plan "
                    + "(expected one of: goal, goal_url, topic, branch, rewriter, options, commit)",
            ])
    }

    @Test("missing fields, and sections of the wrong type")
    func missingFields() {
        #expect(
            planDiagnostics("goal: Example\noptions: [remove]\ncommit: Add it\n") == [
                "Plans/test.yaml:1:1: error: missing key 'goal_url' in the plan",
                "Plans/test.yaml:1:1: error: missing key 'topic' in the plan",
                "Plans/test.yaml:1:1: error: missing key 'branch' in the plan",
                "Plans/test.yaml:1:1: error: missing key 'rewriter' in the plan",
                "Plans/test.yaml:2:10: error: 'options' must be a mapping, found a list",
                "Plans/test.yaml:3:9: error: 'commit' must be a mapping, found 'Add it'",
            ])
        #expect(planDiagnostics("") == ["Plans/test.yaml:1:1: error: the plan is empty"])
    }

    @Test(
        "a subject may be 72 characters, counting each {package} as 20",
        arguments: [
            (String(repeating: "x", count: 72), nil),
            (String(repeating: "x", count: 73), "'subject' is 73 characters, more than 72"),
            ("Add {package}.wsgi module" + String(repeating: "x", count: 36), nil),
            (
                "Add {package}.wsgi module" + String(repeating: "x", count: 37),
                "'subject' is 73 characters with {package} counted as 20, more than 72"
            ),
        ] as [(String, String?)])
    func subjectLength(subject: String, problem: String?) {
        let yaml = validPlanYAML.replacingOccurrences(
            of: "subject: Add {package}.wsgi module", with: "subject: \"\(subject)\"")
        let expected = problem.map { ["Plans/test.yaml:8:12: error: \($0)"] } ?? []
        #expect(planDiagnostics(yaml) == expected)
    }

    @Test("a plan file is read from its path, and a missing one names the file")
    func loadsFromFile() throws {
        try withTemporaryDirectory { directory in
            try writeFiles(["p.yaml": validPlanYAML], under: directory.url)
            let plan = try PlanLoader.load(from: directory.url.appendingPathComponent("p.yaml"))
            #expect(plan.topic == "example-topic")
            let viaReference = try PlanLoader.load(
                reference: "p.yaml", relativeTo: directory.url.appendingPathComponent("m.yaml"))
            #expect(viaReference == plan)
            let missing = directory.url.appendingPathComponent("absent.yaml")
            #expect(
                throws: InputError([
                    Diagnostic(
                        file: missing.path,
                        message: "cannot read the file: no such file")
                ])
            ) {
                try PlanLoader.load(from: missing)
            }
        }
    }
}
