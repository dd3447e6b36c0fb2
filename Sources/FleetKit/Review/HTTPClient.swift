import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Blocking HTTP requests over URLSession, each bounded by a timeout, for code that runs on Dispatch threads.
struct HTTPClient: Sendable {
    /// What a server answered.
    struct Response: Sendable {
        /// The HTTP status code.
        var status: Int
        /// The body.
        var body: Data
        /// The `Location` header of a redirect the client did not follow.
        var location: String?
    }

    /// Seconds a request may take, connecting included.
    var timeout: TimeInterval

    /// The timeout from `FLEET_HTTP_TIMEOUT` (seconds), else 20 s.
    static func timeout(from environment: [String: String]) -> TimeInterval {
        guard let text = environment["FLEET_HTTP_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 else {
            return 20
        }
        return seconds
    }

    /// Sends `request` and waits for the answer.
    /// - Throws: ``GerritError`` saying why no answer came (refused, timed out, unknown host, ...).
    func send(_ request: URLRequest) throws(GerritError) -> Response {
        var request = request
        request.timeoutInterval = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        // Redirects are never followed: URLSession (on Linux) would copy the Authorization header to any host the
        // server names. A 3xx comes back as it is, for the caller to report.
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome = OutcomeSlot()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            let result: Result<Response, GerritError>
            if let error {
                result = .failure(Self.describe(error, timeout: self.timeout))
            } else if let http = response as? HTTPURLResponse {
                let location = http.value(forHTTPHeaderField: "Location")
                result = .success(Response(status: http.statusCode, body: data ?? Data(), location: location))
            } else {
                result = .failure(GerritError(message: "no HTTP answer"))
            }
            outcome.value.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        // URLSession enforces the timeout; the wait's own bound only guards against a callback that never comes.
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            throw GerritError(message: "no answer within \(Self.seconds(timeout))")
        }
        guard let result = outcome.value.withLock({ $0 }) else { throw GerritError(message: "no answer") }
        return try result.get()
    }

    private static func describe(_ error: any Error, timeout: TimeInterval) -> GerritError {
        guard let error = error as? URLError else { return GerritError(message: "request failed") }
        let message: String
        switch error.code {
        case .timedOut: message = "no answer within \(seconds(timeout))"
        case .cannotConnectToHost: message = "connection refused"
        case .cannotFindHost, .dnsLookupFailed: message = "unknown host"
        case .networkConnectionLost: message = "the connection was lost"
        case .notConnectedToInternet: message = "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            message = "TLS failed"
        default: message = "request failed (URLError \(error.code.rawValue))"
        }
        return GerritError(message: message)
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Refuses every redirect, so credentials set on a request only ever go to the URL it was made for.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Where the URLSession callback leaves its outcome for the waiting thread.
private final class OutcomeSlot: Sendable {
    let value = Mutex<Result<HTTPClient.Response, GerritError>?>(nil)
}

/// Why Gerrit could not be asked, or what it refused; the message never holds credentials.
public struct GerritError: Error, Equatable, Sendable {
    /// A lower-case sentence fragment.
    public var message: String

    /// Makes an error with `message`.
    public init(message: String) { self.message = message }
}
