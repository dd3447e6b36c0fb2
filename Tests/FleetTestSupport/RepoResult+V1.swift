import FleetKit

extension RepoResult {
    /// A `wsgi-module-paths` result made the way the first release's initializer made one: its wsgi fields become
    /// the rewriter's details, and the module paths its highlights.
    public static func v1(
        name: String, status: RepoStatus, path: String, branch: String, package: String? = nil, team: String? = nil,
        targetBranch: String? = nil, baseCommit: String? = nil, commit: String? = nil, changeId: String? = nil,
        criteriaMet: Bool = false, servers: [ServerMigration] = [], entryPointsRemoved: Bool = false,
        releaseNote: String? = nil, followUps: [FollowUp] = [], message: String? = nil, durationSeconds: Double = 0,
        pushed: Bool? = nil, reviewUrl: String? = nil
    ) -> RepoResult {
        let details = WSGIDetails(
            package: package, servers: servers, entryPointsRemoved: entryPointsRemoved, releaseNote: releaseNote)
        return RepoResult(
            name: name, status: status, path: path, branch: branch, team: team, targetBranch: targetBranch,
            baseCommit: baseCommit, commit: commit, changeId: changeId, criteriaMet: criteriaMet, followUps: followUps,
            message: message, durationSeconds: durationSeconds, pushed: pushed, reviewUrl: reviewUrl,
            highlights: WSGIModulePathsRewriter.highlights(of: details),
            details: (try? JSONValue.encoding(details).members) ?? [:])
    }

    /// The `wsgi-module-paths` details of this result, if it has them.
    public var wsgi: WSGIDetails? {
        try? JSONValue.object(details).decode(as: WSGIDetails.self)
    }
}

extension RepoSpec {
    /// The entry's `wsgi-module-paths` keys.
    public var wsgi: WSGISettings {
        (try? JSONValue.object(settings).decode(as: WSGISettings.self)) ?? WSGISettings()
    }
}

/// The manifest keys `package:` and `servers:` as a repo entry holds them.
public func wsgiSettings(package: String? = nil, servers: [String: ServerChoice] = [:]) -> [String: JSONValue] {
    var settings: [String: JSONValue] = [:]
    if let package { settings["package"] = .string(package) }
    if !servers.isEmpty { settings["servers"] = (try? JSONValue.encoding(servers)) ?? .null }
    return settings
}
