import Dispatch
import FleetTestSupport
import Foundation
import Synchronization
import Testing

@testable import FleetKit

#if canImport(Glibc)
    import Glibc
#endif

@Suite("the long-lived python checker", .tags(.python))
struct PythonCheckerTests {
    @Test("a file that does not compile is caught with its name and line; a good one compiles; no bytecode is written")
    func verdicts() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(
                [
                    "pkg/good.py": "import os\n\n\ndef f():\n    return os.sep\n",
                    "pkg/bad.py": "def f():\n    return 1\nprint \"python 2\"\n",
                    "pkg/tabs.py": "def f():\n\tif True:\n        return 1\n",
                ], under: dir.url)
            let checker = PythonChecker()
            #expect(try checker.check(dir.path("pkg/good.py"), name: "pkg/good.py") == .compiles)
            let bad = try checker.check(dir.path("pkg/bad.py"), name: "pkg/bad.py")
            guard case .fails(let message) = bad else {
                Issue.record("pkg/bad.py compiled")
                return
            }
            #expect(message.hasPrefix("File \"pkg/bad.py\", line 3: SyntaxError: "))
            let tabs = try checker.check(dir.path("pkg/tabs.py"), name: "pkg/tabs.py")
            #expect(tabs != .compiles)
            let missing = try checker.check(dir.path("pkg/none.py"), name: "pkg/none.py")
            #expect(missing.failure?.hasPrefix("File \"pkg/none.py\": FileNotFoundError") == true)
            #expect(checker.startedCount == 1)
            let listing = try FileManager.default.subpathsOfDirectory(atPath: dir.url.path)
            #expect(!listing.contains { $0.contains("__pycache__") || $0.hasSuffix(".pyc") })
        }
    }

    @Test("prestart starts one interpreter ahead, which checks from four threads then share; none starts twice")
    func prestart() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["m.py": "x = 1\n"], under: dir.url)
            let checker = PythonChecker()
            checker.prestart()
            // Ready without any check asking: the interpreter is idle, waiting for its first request.
            let deadline = Date().addingTimeInterval(30)
            while checker.idleProcessIdentifiers.isEmpty && Date() < deadline { usleep(5_000) }
            #expect(checker.idleProcessIdentifiers.count == 1)
            checker.prestart()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                #expect((try? checker.check(dir.path("m.py"), name: "m.py")) == .compiles)
            }
            #expect(checker.startedCount == 1)
        }
    }

    @Test("the rewriter's finishRewrites closes the checker, waiting for an interpreter still starting")
    func finishClosesAStartUnderWay() throws {
        let checker = PythonChecker()
        let rewriter = WSGIModulePathsRewriter(checker: checker)
        rewriter.prepareForRewrites()
        // At once: the background start is still under way (an interpreter takes milliseconds to start).
        rewriter.finishRewrites()
        #expect(checker.startedCount == 1)
        #expect(checker.idleProcessIdentifiers.isEmpty)

        // One that is up and idle: its process is gone once finishRewrites returns.
        let again = PythonChecker()
        WSGIModulePathsRewriter(checker: again).prepareForRewrites()
        let deadline = Date().addingTimeInterval(30)
        while again.idleProcessIdentifiers.isEmpty && Date() < deadline { usleep(5_000) }
        let pid = try #require(again.idleProcessIdentifiers.first)
        WSGIModulePathsRewriter(checker: again).finishRewrites()
        #expect(again.idleProcessIdentifiers.isEmpty)
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test("a worker lane waiting for the interpreter to start lets the next repo go on meanwhile")
    func laneGoesOnWhileStarting() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["m.py": "x = 1\n"], under: dir.url)
            // An interpreter that takes half a second to start, as a slow shim would.
            let slow = try Self.fakeInterpreter(in: dir, body: "sleep 0.5\nexec python3 \"$@\"\n")
            let checker = PythonChecker(python: slow)
            let finished = Mutex<[Int: Date]>([:])
            let started = Mutex<[Int: Date]>([:])
            WorkerLanes.run(count: 2, width: 1) { index in
                started.withLock { $0[index] = Date() }
                if index == 0 {
                    #expect((try? checker.check(dir.path("m.py"), name: "m.py")) == .compiles)
                }
                finished.withLock { $0[index] = Date() }
            }
            // With one lane, the second repo started while the first waited for its check, not after it.
            let secondStarted = try #require(started.withLock { $0[1] })
            let firstFinished = try #require(finished.withLock { $0[0] })
            #expect(secondStarted < firstFinished)
            #expect(checker.startedCount == 1)
        }
    }

    @Test("a prestart that cannot start leaves the error for the first check to report")
    func prestartFailure() throws {
        let checker = PythonChecker(python: "/nonexistent/python3")
        checker.prestart()
        #expect(throws: PythonCheckerError.self) { try checker.check("/tmp/x.py", name: "x.py") }
        #expect(checker.startedCount == 0)
    }

    @Test("one interpreter answers many requests, and is killed midway and replaced without a wrong answer")
    func survivesAndRestarts() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["m.py": "x = 1\n"], under: dir.url)
            let checker = PythonChecker()
            var killed: pid_t?
            for round in 0..<400 {
                if round == 200 {
                    let pid = try #require(checker.idleProcessIdentifiers.first)
                    #expect(Self.isRunning(pid))
                    #expect(kill(pid, SIGKILL) == 0)
                    killed = pid
                }
                #expect(try checker.check(dir.path("m.py"), name: "m.py") == .compiles)
            }
            #expect(checker.startedCount == 2)
            let survivor = try #require(checker.idleProcessIdentifiers.first)
            #expect(survivor != killed)
            #expect(checker.shutdown(), "the checker exits by itself when its input closes")
            #expect(!Self.isRunning(survivor))
        }
    }

    @Test("concurrent callers share a bounded pool")
    func concurrent() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["a.py": "a = 1\n", "b.py": "b = (\n"], under: dir.url)
            let checker = PythonChecker(width: 2)
            let answers = Mutex<[PythonChecker.Verdict?]>(Array(repeating: nil, count: 64))
            DispatchQueue.concurrentPerform(iterations: 64) { index in
                let file = index.isMultiple(of: 2) ? "a.py" : "b.py"
                let verdict = try? checker.check(dir.path(file), name: file)
                answers.withLock { $0[index] = verdict }
            }
            let verdicts = answers.withLock { $0 }
            for (index, verdict) in verdicts.enumerated() {
                #expect(index.isMultiple(of: 2) ? verdict == .compiles : verdict?.failure?.contains("line 1") == true)
            }
            #expect(checker.startedCount <= 2)
        }
    }

    @Test("an interpreter that dies on every request is retried once, then named")
    func crashesTwice() throws {
        try withTemporaryDirectory { dir in
            let fake = try Self.fakeInterpreter(in: dir, body: "echo READY\nread line\nexit 3\n")
            let checker = PythonChecker(python: fake)
            #expect(throws: PythonCheckerError.exited(interpreter: fake, file: "x.py")) {
                try checker.check(dir.path("x.py"), name: "x.py")
            }
            #expect(checker.startedCount == 2)
        }
    }

    @Test("an interpreter that hangs is killed after the timeout, and the error says so")
    func hangs() throws {
        try withTemporaryDirectory { dir in
            let pidFile = dir.path("pid")
            let fake = try Self.fakeInterpreter(in: dir, body: "echo $$ > '\(pidFile)'\necho READY\nexec sleep 600\n")
            let checker = PythonChecker(python: fake, timeout: .milliseconds(300))
            let error = #expect(throws: PythonCheckerError.self) {
                try checker.check(dir.path("x.py"), name: "pkg/x.py")
            }
            #expect(error == .timedOut(after: .milliseconds(300), file: "pkg/x.py"))
            #expect(error?.localizedDescription.hasPrefix("python checker timed out after 0.3 seconds") == true)
            let text = try String(contentsOfFile: pidFile, encoding: .utf8)
            let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(!Self.isRunning(pid), "the hung interpreter was killed and reaped")
            #expect(checker.idleProcessIdentifiers.isEmpty)
        }
    }

    @Test("an interpreter that does not exist is a clear error")
    func missingInterpreter() throws {
        let checker = PythonChecker(python: "/nonexistent/python3")
        let error = #expect(throws: PythonCheckerError.self) { try checker.check("/tmp/x.py", name: "x.py") }
        #expect(error?.localizedDescription.hasPrefix("cannot run /nonexistent/python3 to verify") == true)
    }

    @Test("an interpreter still held open for writing a moment after it was written starts once it is closed")
    func textFileBusy() throws {
        try withTemporaryDirectory { dir in
            try writeFiles(["m.py": "x = 1\n"], under: dir.url)
            let fake = try Self.fakeInterpreter(in: dir, body: "exec python3 \"$@\"\n")
            // As a child forked by another thread holds a script just written until it execs: "Text file busy".
            let writer = open(fake, O_WRONLY)
            #expect(writer >= 0)
            // Its own thread: the suite keeps Dispatch's threads busy.
            Thread.detachNewThread {
                usleep(30_000)
                close(writer)
            }
            let checker = PythonChecker(python: fake)
            #expect((try? checker.check(dir.path("m.py"), name: "m.py")) == .compiles)
        }
    }

    #if os(Linux)
        @Test("an interpreter keeps no descriptor but its own: not fleet's end of another checker's socket")
        func noInheritance() throws {
            try withTemporaryDirectory { dir in
                try writeFiles(["a.py": "a = 1\n"], under: dir.url)
                let first = PythonChecker()
                let second = PythonChecker()
                #expect(try first.check(dir.path("a.py"), name: "a.py") == .compiles)
                #expect(try second.check(dir.path("a.py"), name: "a.py") == .compiles)
                let socket = try #require(first.idleSockets.first)
                let inode = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(socket)")
                #expect(inode.hasPrefix("socket:["))
                let pid = try #require(second.idleProcessIdentifiers.first)
                let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
                let links = descriptors.compactMap {
                    try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")
                }
                #expect(!links.contains(inode))
                #expect(links.count == 3, "stdin and stdout (one socket) and stderr only: \(links)")
                // Hence the first exits at end of input, though the second still runs.
                #expect(first.shutdown())
            }
        }
    #endif

    /// Whether `pid` is a live process (not gone, not a zombie).
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return kill(pid, 0) == 0
        }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state != "Z"
    }

    private static func fakeInterpreter(in dir: TemporaryDirectory, body: String) throws -> String {
        let path = dir.path("fake-python")
        try Data(("#!/bin/sh\n" + body).utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}

extension PythonChecker.Verdict {
    fileprivate var failure: String? {
        if case .fails(let message) = self { return message }
        return nil
    }
}
