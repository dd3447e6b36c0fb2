import FleetKit
import Foundation

/// A Gerrit REST stand-in on 127.0.0.1 (a Python `http.server`), serving the given changes as Gerrit does.
///
/// Every request is logged (method, path, whether it authenticated, POST body) so tests can count queries.
public final class GerritStandIn {
    /// The running server.
    public let server: ServerProcess
    /// The HTTP user and token `/a/` accepts.
    public let user: String
    public let token: String
    private let logURL: URL

    /// Starts the stand-in in `directory` serving `changes` (ChangeInfo JSON objects, each with a `topic`), at most
    /// `pageSize` a page whatever `n` asks (as Gerrit caps at its query limit).
    public init(
        in directory: URL, changes: [String], pageSize: Int = 2, user: String = "fleet-bot",
        token: String = "tok-\(UUID().uuidString)"
    ) throws {
        self.user = user
        self.token = token
        let script = directory.appendingPathComponent("gerrit-stand-in.py")
        try Data(Self.script.utf8).write(to: script)
        let config = directory.appendingPathComponent("gerrit-stand-in.json")
        let text =
            "{\"user\": \(Self.quote(user)), \"token\": \(Self.quote(token)), \"pageSize\": \(pageSize), "
            + "\"changes\": [\(changes.joined(separator: ",\n"))]}"
        try Data(text.utf8).write(to: config)
        logURL = directory.appendingPathComponent("gerrit-requests.jsonl")
        try Data().write(to: logURL)
        let log = logURL
        server = try ServerProcess.start(
            "/usr/bin/env", logURL: directory.appendingPathComponent("gerrit-stand-in.log")
        ) { port in ["python3", script.path, "\(port)", config.path, log.path] }
    }

    /// The base URL, `http://127.0.0.1:<port>/`.
    public var url: String { "http://127.0.0.1:\(server.port)/" }

    /// The environment that makes fleet ask `/a/` with this stand-in's credentials.
    public var credentials: [String: String] { ["FLEET_HTTP_USER": user, "FLEET_HTTP_TOKEN": token] }

    /// One logged request.
    public struct Request: Decodable, Equatable {
        public var method: String
        public var path: String
        public var authenticated: Bool
        public var body: String?
    }

    /// The requests served so far, in order.
    public func requests() throws -> [Request] {
        try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Request.self, from: Data($0.utf8))
        }
    }

    /// Stops the server.
    public func stop() { server.stop() }

    /// A ChangeInfo as Gerrit's query answers it with `o=LABELS&o=SUBMITTABLE`; `labels` is the labels' JSON text.
    ///
    /// With `mergesBeforeAbandon` the stand-in merges the change when an abandon for it arrives (then answers 409).
    public static func change(
        number: Int, changeId: String, project: String, branch: String = "master",
        topic: String = "remove-wsgi_scripts",
        status: String = "NEW", workInProgress: Bool = false, submittable: Bool = false,
        updated: String = "2026-11-30 10:12:13.000000000", labels: String = "{}", mergesBeforeAbandon: Bool = false
    ) -> String {
        // Gerrit leaves work_in_progress out unless it is true.
        let wip =
            (workInProgress ? "\"work_in_progress\": true, " : "")
            + (mergesBeforeAbandon ? "\"fleet_merges_before_abandon\": true, " : "")
        return """
            {"id": \(quote("\(project)~\(branch)~\(changeId)")), "project": \(quote(project)), \
            "branch": \(quote(branch)), "topic": \(quote(topic)), "change_id": \(quote(changeId)), \
            "subject": "Migrate from wsgi scripts to module paths", "status": \(quote(status)), \(wip)\
            "created": "2026-11-02 08:00:00.000000000", "updated": \(quote(updated)), "submittable": \(submittable), \
            "insertions": 40, "deletions": 6, "_number": \(number), \
            "owner": {"_account_id": 1000096}, "labels": \(labels)}
            """
    }

    private static func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes them) but never answers: a hung Gerrit.
public final class SilentListener {
    /// The port.
    public let port: Int
    private let socketFD: Int32

    /// Opens the listening socket.
    public init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw TestServerError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else {
            close(socketFD)
            throw TestServerError("cannot listen on 127.0.0.1")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        self.socketFD = socketFD
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// The base URL, `http://127.0.0.1:<port>/`.
    public var url: String { "http://127.0.0.1:\(port)/" }

    deinit { close(socketFD) }
}
