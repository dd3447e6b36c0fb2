import Foundation

/// The input of a rewriter for one repository.
public struct MigrationRequest: Sendable, Equatable {
    /// The manifest name, `<namespace>/<repo>`, such as `openstack/freezer-api`.
    public var projectName: String
    /// The import package from the manifest, overriding discovery.
    public var package: String?
    /// Script name → server choice, from the manifest's `servers:` map.
    public var servers: [String: ServerChoice]
    /// The plan's rewriter options.
    public var options: MigrationOptions
    /// 16 lowercase hex digits for the release note's file name; stable per change so re-runs make the same file.
    public var noteSuffix: String

    /// Makes a request.
    public init(
        projectName: String, package: String? = nil, servers: [String: ServerChoice] = [:],
        options: MigrationOptions = MigrationOptions(), noteSuffix: String
    ) {
        self.projectName = projectName
        self.package = package
        self.servers = servers
        self.options = options
        self.noteSuffix = noteSuffix
    }
}
