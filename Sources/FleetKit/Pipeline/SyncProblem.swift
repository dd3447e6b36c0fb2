import Foundation
import GitKit

/// Why a repo's remote cannot be cloned or fetched, said about what is wrong with what, credentials redacted.
///
/// libgit2 says "unsupported URL protocol" for a missing path, a plain file and `/dev/zero` alike, and "unknown
/// libgit2 error" for an empty remote; these are the sentences a person can act on instead.
struct SyncProblem: Error, CustomStringConvertible {
    /// The sentence.
    var description: String

    /// What is wrong with a local source (an absolute path) before libgit2 sees it, or nil when it is a repository.
    static func localSource(_ url: String) -> SyncProblem? {
        guard url.hasPrefix("/") else { return nil }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url),
            let type = attributes[.type] as? FileAttributeType
        else { return SyncProblem(description: "the remote '\(url)' does not exist") }
        switch type {
        case .typeDirectory:
            if (try? Repository.open(at: url)) != nil { return nil }
            return SyncProblem(description: "'\(url)' is a folder, but not a git repository")
        case .typeRegular:
            return SyncProblem(description: "'\(url)' is a file, not a git repository")
        case .typeCharacterSpecial, .typeBlockSpecial:
            return SyncProblem(description: "'\(url)' is a device, not a git repository")
        default:
            return SyncProblem(description: "'\(url)' is not a git repository")
        }
    }

    /// libgit2's error from cloning or fetching `url`, in words naming the cause.
    static func explaining(_ error: GitError, url: String) -> SyncProblem {
        let message = redactingURLs(in: error.message)
        let shownURL = redactedURL(url)
        if message.contains("object not found") || message.contains("failed to find pack entry") {
            return SyncProblem(
                description: "the remote is missing objects (\(message)): it is incomplete or corrupt; "
                    + "repair or re-mirror it")
        }
        if error.code == .auth {
            if message.hasPrefix("no credentials") {
                return SyncProblem(
                    description: "\(shownURL) asks for credentials and none were given: put user:token@ in the url, "
                        + "or set FLEET_HTTP_USER and FLEET_HTTP_TOKEN")
            }
            return SyncProblem(description: "authentication refused by \(shownURL)")
        }
        let unreachable = ["failed to connect", "failed to resolve address", "Connection refused", "timed out"]
        if unreachable.contains(where: message.contains) {
            return SyncProblem(description: "cannot reach host \(host(of: url) ?? shownURL) (\(message))")
        }
        return SyncProblem(description: message)
    }

    /// Fails when a fresh clone or fetch brought no branch at all.
    static func checkHasBranches(_ repository: Repository) throws {
        let branches = try repository.referenceNames().filter {
            $0.hasPrefix("refs/remotes/origin/") && $0 != "refs/remotes/origin/HEAD"
        }
        if branches.isEmpty { throw SyncProblem(description: "the remote is empty: it has no branches") }
    }

    /// The remote's default branch, or a sentence naming the branch its HEAD names when that branch is missing.
    ///
    /// - Parameters:
    ///   - repository: the clone.
    ///   - url: the remote as the manifest gives it, for messages.
    ///   - options: the credentials (kept in memory only, never in the clone's config) for asking the remote.
    /// - Returns: the branch the remote's HEAD names.
    /// - Throws: ``SyncProblem`` saying why the branch cannot be known.
    static func defaultBranch(of repository: Repository, url: String, options: RemoteOptions) throws -> String {
        do {
            return try repository.remoteDefaultBranch(options: options)
        } catch  where error.code == .auth {
            throw explaining(error, url: url)
        } catch {
            // A local remote's HEAD can be read; a server only advertises a HEAD that resolves.
            let named = url.hasPrefix("/") ? (try? Repository.open(at: url).currentBranch()) ?? nil : nil
            let head = named.map { "names branch '\($0)', which does not exist" } ?? "names no existing branch"
            throw SyncProblem(description: "the remote's HEAD \(head); set `branch:` for this repo in the manifest")
        }
    }

    /// `host:port` of a network URL.
    private static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" }
        return String(authority.split(separator: "@").last ?? authority)
    }
}
