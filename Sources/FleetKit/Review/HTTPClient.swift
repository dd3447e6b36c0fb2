import CCurl
import Foundation

/// One HTTP request: the method, the URL and its header lines, and a body.
struct HTTPRequest: Sendable {
    /// `GET`, `POST`, ...
    var method = "GET"
    /// The absolute URL.
    var url: String
    /// Header lines, in order, as `(name, value)`.
    var headers: [(name: String, value: String)] = []
    /// The body, for a `POST`.
    var body: Data?

    /// A `GET` of `url` with no header yet.
    init(url: String) {
        self.url = url
    }

    /// Adds the header line `name: value`.
    mutating func setHeader(_ name: String, _ value: String) {
        headers.append((name, value))
    }
}

/// Blocking HTTP requests through libcurl, each bounded by a timeout, for code that runs on Dispatch threads.
///
/// libcurl is loaded when the first request is made (see `CCurl`): linked, it and the libraries it needs would cost
/// every start of fleet about 9 ms, for requests only `fleet status` and `fleet abandon` make. Redirects are never
/// followed, so credentials only ever go to the URL a request was made for; proxies come from the environment
/// (`https_proxy`, `no_proxy`, ...), as libcurl reads them.
struct HTTPClient: Sendable {
    /// What a server answered.
    struct Response: Sendable {
        /// The HTTP status code.
        var status: Int
        /// The body.
        var body: Data
        /// Where a redirect the client did not follow points.
        var location: String?
    }

    /// Seconds a request may take, connecting included.
    var timeout: TimeInterval

    /// The most bytes an answer may have: a Gerrit page of 250 changes is about a megabyte.
    static let largestBody = 64 << 20

    /// The timeout from `FLEET_HTTP_TIMEOUT` (seconds), else 20 s.
    static func timeout(from environment: [String: String]) -> TimeInterval {
        guard let text = environment["FLEET_HTTP_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 else {
            return 20
        }
        return seconds
    }

    /// Sends `request` and waits for the answer.
    /// - Throws: ``GerritError`` saying why no answer came (refused, timed out, unknown host, ...).
    func send(_ request: HTTPRequest) throws(GerritError) -> Response {
        var answer = fleet_http_answer()
        defer { fleet_http_answer_free(&answer) }
        let lines = request.headers.map { "\($0.name): \($0.value)" }
        let body = request.body ?? Data()
        let milliseconds = Int(min(timeout * 1000, Double(Int32.max)).rounded(.up))
        let code = Self.withCStrings(lines) { headers in
            body.withUnsafeBytes { bytes in
                fleet_http_perform(
                    request.method, request.url, headers.baseAddress, headers.count,
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, milliseconds,
                    Self.largestBody, &answer)
            }
        }
        guard code == 0 else {
            throw Self.describe(
                code: code, message: Self.text(of: answer), tooLarge: answer.too_large != 0, timeout: timeout)
        }
        let data = answer.body.map { Data(bytes: $0, count: answer.body_length) } ?? Data()
        return Response(
            status: answer.status, body: data, location: answer.redirect.map { String(cString: $0) })
    }

    /// Calls `body` with the C strings of `strings`, which live only during the call.
    private static func withCStrings<T>(
        _ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> T
    ) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer(body)
    }

    private static func text(of answer: fleet_http_answer) -> String {
        withUnsafeBytes(of: answer.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The words for libcurl's result `code` (its `CURLcode`, or -1 when libcurl could not be loaded).
    private static func describe(code: Int32, message: String, tooLarge: Bool, timeout: TimeInterval) -> GerritError {
        let text: String
        switch code {
        case -1: text = message
        case 5, 6: text = "unknown host"  // CURLE_COULDNT_RESOLVE_PROXY, _HOST
        case 7: text = "connection refused"  // CURLE_COULDNT_CONNECT
        case 28: text = "no answer within \(seconds(timeout))"  // CURLE_OPERATION_TIMEDOUT
        case 18, 52, 55, 56: text = "the connection was lost"  // PARTIAL_FILE, GOT_NOTHING, SEND_, RECV_ERROR
        case 35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91: text = "TLS failed"
        case 1: text = "not an http or https URL"  // CURLE_UNSUPPORTED_PROTOCOL
        case 3: text = "not a URL"  // CURLE_URL_MALFORMAT
        case 23 where tooLarge: text = "the answer is larger than \(largestBody >> 20) MB"
        default: text = "request failed (libcurl error \(code)\(message.isEmpty ? "" : ": \(message)"))"
        }
        return GerritError(message: text)
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Why Gerrit could not be asked, or what it refused; the message never holds credentials.
public struct GerritError: Error, Equatable, Sendable {
    /// A lower-case sentence fragment.
    public var message: String

    /// Makes an error with `message`.
    public init(message: String) { self.message = message }
}
