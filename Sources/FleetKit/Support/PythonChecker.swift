import Dispatch
import Foundation
import Synchronization

/// Compiles Python files in long-lived interpreters shared by a whole run, so checking a file costs a pipe round
/// trip, not an interpreter start (74 ms a call with `py_compile`, plus 50 ms through a pyenv shim).
///
/// Interpreters start lazily, at most `width` of them, each serving one request at a time. They run
/// ``PythonCheckerScript`` with `-I -S -B` and compile in memory, so no `.pyc` is written anywhere. The first one
/// starts the interpreter a pyenv shim named `python` would run, when ``PyenvShim`` can tell which, else `python`
/// itself; it reports its `sys.executable`, and later ones start that directly, bypassing any shim.
/// A worker lane waiting for an interpreter to start lets another repo go on (``WorkerLanes/whileWaiting(_:)``).
/// One that dies is replaced and the request retried once; one that does not answer within `timeout` is killed and
/// the request fails with ``PythonCheckerError/timedOut(after:file:)``. They exit when fleet closes their input
/// (at ``shutdown()``, on deinit, or when fleet dies).
public final class PythonChecker: Sendable {
    /// What compiling one file found.
    public enum Verdict: Sendable, Equatable {
        /// Python compiles it.
        case compiles
        /// It does not compile: `File "<name>", line <n>: <error>: <message>`.
        case fails(String)
    }

    /// The interpreter asked for: a name on `PATH` or a path.
    public let python: String
    /// The most interpreters running at once.
    public let width: Int
    /// How long one file may take before its interpreter is killed.
    public let timeout: Duration

    private struct State {
        var idle: [PythonCheckerProcess] = []
        var executable: String?
        var started = 0
        var prestarted = false
    }

    private let state = Mutex(State())
    /// The interpreter a shim named by `python` would run, when it can be told without running it.
    private let resolveShim: @Sendable (String) -> String?
    private let slots: DispatchSemaphore
    /// Entered while the background start runs.
    private let starting = DispatchGroup()

    /// Makes a checker; nothing starts until the first ``check(_:name:)``.
    public convenience init(python: String = "python3", width: Int = 1, timeout: Duration = .seconds(30)) {
        self.init(python: python, width: width, timeout: timeout) { PyenvShim.interpreter(for: $0) }
    }

    /// Makes a checker that asks `resolveShim` for the interpreter behind `python` (tests give it their own
    /// environment and working directory).
    init(
        python: String, width: Int = 1, timeout: Duration = .seconds(30),
        resolveShim: @escaping @Sendable (String) -> String?
    ) {
        self.python = python
        self.width = max(1, width)
        self.timeout = timeout
        self.slots = DispatchSemaphore(value: max(1, width))
        self.resolveShim = resolveShim
    }

    deinit {
        shutdown()
    }

    /// Compiles the file at `path` (absolute); errors name it `name`.
    /// - Throws: ``PythonCheckerError`` when no interpreter could give an answer.
    public func check(_ path: String, name: String) throws(PythonCheckerError) -> Verdict {
        let request = Self.requestLine(path: path, name: name)
        // Before the first interpreter is up, waiting for it is waiting for its start (about 0.1 s through a pyenv
        // shim): it is started in the background and the lane lets another repo go on meanwhile. The lane waits
        // holding nothing: one that held the slot while it waited for a place back would hold up every lane that
        // has a place and wants the slot. Later a wait is one other file's round trip.
        if state.withLock({ $0.started == 0 }) {
            prestart()
            // Only while a start is under way: after one failed, this check's own start attempt reports why.
            if starting.wait(timeout: .now()) == .timedOut {
                WorkerLanes.whileWaiting { starting.wait() }
            }
        }
        slots.wait()
        defer { slots.signal() }
        var retried = false
        while true {
            do throws(PythonCheckerProcess.Failure) {
                return Self.verdict(try answer(request))
            } catch {
                switch error {
                case .cannotStart(let reason): throw .cannotStart(interpreter: python, reason: reason)
                case .timedOut: throw .timedOut(after: timeout, file: name)
                case .exited:
                    guard !retried else { throw .exited(interpreter: python, file: name) }
                    retried = true
                }
            }
        }
    }

    /// Starts one interpreter in the background when none was started yet; only the first call does anything.
    ///
    /// The first ``check(_:name:)`` then finds it ready, or (with one interpreter, the default width) waits for it
    /// rather than starting another. A failure to start is left for the first check to meet and report; an
    /// interpreter never used stops with the checker.
    public func prestart() {
        // Entered under the lock: a check that finds the start claimed must also find it under way.
        let isFirst = state.withLock { state in
            guard !state.prestarted else { return false }
            state.prestarted = true
            starting.enter()
            return true
        }
        guard isFirst else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { starting.leave() }
            slots.wait()
            defer { slots.signal() }
            guard state.withLock({ $0.started == 0 && $0.idle.isEmpty }) else { return }
            guard let process = try? checkOut() else { return }
            state.withLock { $0.idle.append(process) }
        }
    }

    /// Stops every idle interpreter; later checks start new ones.
    /// - Returns: whether each exited on its own when its input closed (they are killed otherwise).
    @discardableResult
    public func shutdown() -> Bool {
        // A background start under way (a run whose repos all failed before verifying) ends first, so the
        // interpreter it makes is closed here, not left running until the checker is released.
        starting.wait()
        let idle = state.withLock { state in
            defer { state.idle = [] }
            return state.idle
        }
        return idle.map { $0.finish(grace: .seconds(1)) }.allSatisfy { $0 }
    }

    /// The process ids of the idle interpreters, for tests.
    var idleProcessIdentifiers: [pid_t] { state.withLock { $0.idle.map(\.pid) } }

    /// fleet's socket ends of the idle interpreters, for tests.
    var idleSockets: [Int32] { state.withLock { $0.idle.map(\.socket) } }

    /// How many interpreters were started so far, for tests and benchmarks.
    var startedCount: Int { state.withLock { $0.started } }

    /// One round trip on an idle or new interpreter; one that fails is stopped, never reused.
    private func answer(_ request: String) throws(PythonCheckerProcess.Failure) -> String {
        var process = try checkOut()
        do throws(PythonCheckerProcess.Failure) {
            let answer = try process.request(request, timeout: timeout)
            state.withLock { $0.idle.append(process) }
            return answer
        } catch {
            process.stop()
            throw error
        }
    }

    private func checkOut() throws(PythonCheckerProcess.Failure) -> PythonCheckerProcess {
        let (reused, known) = state.withLock { state in (state.idle.popLast(), state.executable) }
        if let reused { return reused }
        // The first start goes past a pyenv shim when pyenv's choice is plain; later ones start the interpreter the
        // first one reported.
        let interpreter = known ?? resolveShim(python) ?? python
        let (process, executable) = try PythonCheckerProcess.start(interpreter, timeout: timeout)
        state.withLock { state in
            state.started += 1
            if state.executable == nil, !executable.isEmpty { state.executable = executable }
        }
        return process
    }

    private static func requestLine(path: String, name: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode([path, name])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func verdict(_ answer: String) -> Verdict {
        if answer == "OK" { return .compiles }
        if answer.hasPrefix("ERROR ") { return .fails(String(answer.dropFirst("ERROR ".count))) }
        return .fails("the python checker gave an answer it should not: \(answer.prefix(200))")
    }
}
