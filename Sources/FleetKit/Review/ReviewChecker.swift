import Foundation

/// Asks Gerrit where each repo's change stands: one topic query per Gerrit host, never one request per repo.
public struct ReviewChecker: Sendable {
    /// How to reach Gerrit.
    public struct Options: Sendable {
        /// `--gerrit-url`: one Gerrit for every repo, normalized by ``GerritURL/normalize(_:)``.
        public var gerritURL: String?
        /// HTTP credentials; nil asks anonymously.
        public var credentials: GerritCredentials?
        /// Seconds each request may take.
        public var timeout: TimeInterval
        /// Changes per page.
        public var pageSize: Int

        /// Options from the environment: `FLEET_HTTP_USER`/`FLEET_HTTP_TOKEN`, `FLEET_HTTP_TIMEOUT`.
        public init(
            gerritURL: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
            pageSize: Int = 250
        ) {
            self.gerritURL = gerritURL
            self.credentials = GerritCredentials.from(environment: environment)
            self.timeout = HTTPClient.timeout(from: environment)
            self.pageSize = pageSize
        }
    }

    /// What Gerrit said about one repo.
    public struct Finding: Sendable, Equatable {
        /// Which change is the repo's.
        public var target: ReviewTarget
        /// The repo's change; nil when Gerrit has none.
        public var change: GerritChange?
    }

    let manifest: Manifest
    /// The options in use.
    public let options: Options

    /// Makes a checker for a manifest's repos.
    public init(manifest: Manifest, options: Options) {
        self.manifest = manifest
        self.options = options
    }

    /// The client of one Gerrit host.
    public func client(for gerrit: String) -> GerritClient {
        GerritClient(
            base: gerrit, credentials: options.credentials, timeout: options.timeout, pageSize: options.pageSize)
    }

    /// Looks up the change of each of `repos` (every one must have a Change-Id to be found).
    /// - Returns: repo name → what Gerrit said, or why it could not be asked (no Gerrit known, host down, ...).
    public func lookUp(_ repos: [RepoResult]) -> [String: Result<Finding, GerritError>] {
        var outcomes: [String: Result<Finding, GerritError>] = [:]
        var hosts: [String] = []
        var targets: [String: [(name: String, target: ReviewTarget)]] = [:]
        for repo in repos {
            let spec = manifest.repos.first { $0.name == repo.name }
            switch ReviewTarget.resolve(repo, spec: spec, gerritURL: options.gerritURL) {
            case .failure(let error):
                outcomes[repo.name] = .failure(error)
            case .success(let target):
                if targets[target.gerrit] == nil { hosts.append(target.gerrit) }
                targets[target.gerrit, default: []].append((repo.name, target))
            }
        }
        for host in hosts {
            let repos = targets[host] ?? []
            do {
                let changes = try client(for: host).changes(topic: manifest.plan.topic)
                for (name, target) in repos {
                    outcomes[name] = .success(Finding(target: target, change: changes.first(where: target.matches)))
                }
            } catch {
                let failure = GerritError(message: "cannot ask \(host): \(error.message)")
                for (name, _) in repos { outcomes[name] = .failure(failure) }
            }
        }
        return outcomes
    }
}
