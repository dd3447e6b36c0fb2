import Foundation
import GitKit

/// Gerrit's REST API for one host: the changes of a topic, and abandoning a change.
public struct GerritClient: Sendable {
    /// The Gerrit base URL, ending with `/`, without credentials (see ``GerritURL/normalize(_:)``).
    public let base: String
    let credentials: GerritCredentials?
    let http: HTTPClient
    /// How many changes to ask for per page (`n`); Gerrit may send fewer and set `_more_changes`.
    let pageSize: Int

    /// Makes a client for the Gerrit at `base`: with `credentials`, requests go to `<base>/a/...` with HTTP basic
    /// authentication; each request may take `timeout` seconds; pages ask for `pageSize` changes.
    public init(base: String, credentials: GerritCredentials?, timeout: TimeInterval, pageSize: Int = 250) {
        self.base = base
        self.credentials = credentials
        self.http = HTTPClient(timeout: timeout)
        self.pageSize = max(pageSize, 1)
    }

    /// Every change of `topic`, paging with `n` and `S` while the last change of a page says `_more_changes`.
    /// - Throws: ``GerritError`` when a page cannot be had or read.
    public func changes(topic: String) throws(GerritError) -> [GerritChange] {
        var changes: [GerritChange] = []
        while true {
            let query =
                "q=" + Self.encode("topic:\(topic)", allowing: ":")
                + "&o=LABELS&o=SUBMITTABLE&n=\(pageSize)&S=\(changes.count)"
            let page: [GerritChange] = try decode(try get("changes/?" + query))
            changes += page
            // An empty page ends the loop even if a server kept saying there is more.
            guard page.last?.moreChanges == true else { return changes }
        }
    }

    /// Abandons change `number` of `project` (authenticated), leaving `message` on it.
    /// - Returns: the change as Gerrit answered, now `ABANDONED`.
    /// - Throws: ``GerritError``; for a merged change, Gerrit's own `409 Conflict` reason.
    public func abandon(project: String, number: Int, message: String?) throws(GerritError) -> GerritChange {
        guard let credentials else {
            throw GerritError(message: "abandoning needs FLEET_HTTP_USER and FLEET_HTTP_TOKEN")
        }
        try checkTransport()
        let path = "a/changes/\(Self.encode(project, allowing: ""))~\(number)/abandon"
        var request = try request(base + path)
        request.method = "POST"
        request.setHeader("Content-Type", "application/json; charset=UTF-8")
        request.setHeader("Authorization", credentials.authorization)
        let body = (message?.isEmpty == false) ? ["message": message ?? ""] : [:]
        request.body = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return try decode(try check(http.send(request)))
    }

    // MARK: - Private

    private func get(_ path: String) throws(GerritError) -> Data {
        if credentials != nil { try checkTransport() }
        var request = try request(base + (credentials == nil ? "" : "a/") + path)
        request.setHeader("Accept", "application/json")
        if let credentials { request.setHeader("Authorization", credentials.authorization) }
        return try check(http.send(request))
    }

    /// Refuses to send the token in clear text: credentials go over `https`, or plain `http` to this machine only.
    private func checkTransport() throws(GerritError) {
        let components = URLComponents(string: base)
        if components?.scheme?.lowercased() == "https" { return }
        let host = components?.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) ?? ""
        if ["127.0.0.1", "localhost", "::1"].contains(host) { return }
        throw GerritError(
            message: "will not send FLEET_HTTP_USER and FLEET_HTTP_TOKEN to \(base): it is not https, so the token "
                + "would cross the network readable; use the Gerrit's https URL")
    }

    private func request(_ text: String) throws(GerritError) -> HTTPRequest {
        guard URL(string: text) != nil else { throw GerritError(message: "not a URL: \(base)") }
        var request = HTTPRequest(url: text)
        request.setHeader("User-Agent", "fleet/\(FleetVersion.current)")
        return request
    }

    /// The body of a 2xx answer; any other status is an error that says what Gerrit meant.
    private func check(_ response: HTTPClient.Response) throws(GerritError) -> Data {
        let reason =
            String(decoding: response.body.prefix(300), as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        switch response.status {
        case 200..<300: return response.body
        case 401, 403:
            let hint = credentials == nil ? "" : ": check FLEET_HTTP_USER and FLEET_HTTP_TOKEN"
            throw GerritError(message: "not allowed (HTTP \(response.status))\(hint)")
        case 409: throw GerritError(message: (reason.isEmpty ? "conflict" : reason) + " (HTTP 409)")
        case 404: throw GerritError(message: "not found (HTTP 404): is \(base) a Gerrit?")
        case 300..<400:
            // Not followed: the credentials must not go wherever a server points.
            let target = response.location.map { " to \(redactedURL($0))" } ?? ""
            throw GerritError(
                message: "redirected (HTTP \(response.status))\(target), which fleet does not follow: "
                    + "give the Gerrit URL it points to")
        default:
            throw GerritError(message: "HTTP \(response.status)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
    }

    /// Decodes a JSON answer after Gerrit's `)]}'` guard line.
    private func decode<T: Decodable>(_ body: Data) throws(GerritError) -> T {
        var body = body
        let guardLine = Data(")]}'".utf8)
        if body.starts(with: guardLine) {
            body = body.dropFirst(guardLine.count)
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw GerritError(message: "the answer is not Gerrit's JSON")
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters and `allowing`.
    static func encode(_ text: String, allowing extra: String) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        allowed.insert(charactersIn: extra)
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
