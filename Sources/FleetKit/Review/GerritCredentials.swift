import Foundation

/// The HTTP user and token for Gerrit's authenticated REST API (`/a/`), from `FLEET_HTTP_USER`/`FLEET_HTTP_TOKEN`.
///
/// The token only ever goes into the `Authorization` header; ``description`` hides it.
public struct GerritCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The Gerrit user name.
    public var user: String
    let token: String

    /// Makes credentials.
    public init(user: String, token: String) {
        self.user = user
        self.token = token
    }

    /// The credentials from the environment, or nil unless both variables are set and not empty.
    public static func from(environment: [String: String] = ProcessInfo.processInfo.environment) -> GerritCredentials? {
        guard let user = environment["FLEET_HTTP_USER"], !user.isEmpty,
            let token = environment["FLEET_HTTP_TOKEN"], !token.isEmpty
        else { return nil }
        return GerritCredentials(user: user, token: token)
    }

    /// `Basic <base64(user:token)>`.
    var authorization: String { "Basic " + Data("\(user):\(token)".utf8).base64EncodedString() }

    /// `user:***`.
    public var description: String { "\(user):***" }
}
