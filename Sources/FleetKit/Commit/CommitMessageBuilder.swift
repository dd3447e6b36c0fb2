import Foundation

/// Builds a repository's commit message from the plan's template and the repository's result.
///
/// Shape: a subject of at most 72 characters, a blank line, a body wrapped at 72 columns (breaking only at
/// spaces, so URLs and module paths stay whole), then one trailer block: the topic, `Signed-off-by:` when
/// asked for, and `Change-Id:` last, as Gerrit expects.
public enum CommitMessageBuilder {
    /// The longest subject line allowed.
    public static let subjectLimit = 72
    /// The column the body is wrapped at.
    public static let bodyWidth = 72

    /// The full commit message, ending with a single newline.
    /// - Parameters:
    ///   - plan: the goal plan: subject template, opening body, topic, trailer name, goal link, entry-point policy.
    ///   - result: the repository's result; its `changeId` is the Change-Id to write (when it is nil, the stable
    ///     one from ``ChangeID/make(project:targetBranch:topic:)`` is used).
    ///   - signedOffBy: `Name <email>` for the `Signed-off-by:` trailer, written only when the plan asks for it.
    public static func message(plan: Plan, result: RepoResult, signedOffBy: String?) -> String {
        var paragraphs: [String] = []
        let body = fill(plan.commit.body, result: result).trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty { paragraphs.append(TextWrapper.wrap(body, width: bodyWidth)) }
        if !result.servers.isEmpty { paragraphs.append(serverList(result.servers)) }
        let sentences = [
            entryPointSentence(plan: plan, result: result),
            releaseNoteSentence(plan: plan, result: result),
            followUpSentence(count: result.followUps.count),
            "Goal: \(plan.goal)\n\(plan.goalURL)",
        ]
        paragraphs += sentences.map { TextWrapper.wrap($0, width: bodyWidth) }
        // Trailers are never wrapped: Gerrit and git read each one as a single line.
        paragraphs.append(trailers(plan: plan, result: result, signedOffBy: signedOffBy))
        return subject(plan: plan, result: result) + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// The subject line: the plan's template filled in, or a shorter form when that is over 72 characters.
    ///
    /// The fallbacks, in order: the goal's title, then the filled template cut at the last space that fits.
    public static func subject(plan: Plan, result: RepoResult) -> String {
        let filled = firstLine(fill(plan.commit.subject, result: result))
        if filled.count <= subjectLimit, !filled.isEmpty { return filled }
        let goal = firstLine(plan.goal)
        if goal.count <= subjectLimit, !goal.isEmpty { return goal }
        return cutAtWordBoundary(filled.isEmpty ? goal : filled, limit: subjectLimit)
    }

    /// The import package used for `{package}`: the result's, else the repository name with `-` as `_`.
    static func packageName(of result: RepoResult) -> String {
        if let package = result.package, !package.isEmpty { return package }
        let repo = result.name.split(separator: "/").last.map(String.init) ?? result.name
        return repo.replacingOccurrences(of: "-", with: "_")
    }

    // MARK: - Private

    private static func fill(_ template: String, result: RepoResult) -> String {
        template.replacingOccurrences(of: "{package}", with: packageName(of: result))
    }

    private static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    private static func cutAtWordBoundary(_ text: String, limit: Int) -> String {
        let head = String(text.prefix(limit + 1))
        guard let space = head.lastIndex(of: " "), space > head.startIndex else {
            // A single word longer than the limit cannot be cut anywhere better.
            return String(text.prefix(limit))
        }
        return String(head[..<space]).trimmingCharacters(in: .whitespaces)
    }

    private static func serverList(_ servers: [ServerMigration]) -> String {
        let lines = servers.map { server in
            let target = server.isSkipped ? "no module (skipped in the manifest)" : server.module
            let line = "  \(server.script) -> \(target)"
            // Too long for one line: break after the arrow, so the module path stays whole on its own line.
            return line.count <= bodyWidth ? line : "  \(server.script) ->\n      \(target)"
        }
        let heading =
            servers.count == 1
            ? "The WSGI script and its new module path:" : "The WSGI scripts and their new module paths:"
        return heading + "\n\n" + lines.joined(separator: "\n")
    }

    private static func entryPointSentence(plan: Plan, result: RepoResult) -> String {
        if result.entryPointsRemoved {
            return "The wsgi_scripts entry points are removed from setup.cfg, so PBR no longer generates the scripts."
        }
        switch plan.options.entryPoints {
        case .keep:
            return "The wsgi_scripts entry points are kept for one more cycle so deployments can move to the "
                + "module paths; a later change removes them."
        case .remove:
            return "No wsgi_scripts entry point was left in setup.cfg to remove."
        }
    }

    private static func releaseNoteSentence(plan: Plan, result: RepoResult) -> String {
        if let note = result.releaseNote, !note.isEmpty { return "Release note: \(note)" }
        return plan.options.releaseNote
            ? "No release note: the repository has no releasenotes/notes/ folder."
            : "No release note: the plan does not ask for one."
    }

    private static func followUpSentence(count: Int) -> String {
        switch count {
        case 0: "No references to the old scripts were left for a follow-up."
        case 1:
            "1 reference to the old scripts (docs, devstack, uWSGI or systemd files) was left for a person to "
                + "update; the fleet report lists it with its file and line."
        default:
            "\(count) references to the old scripts (docs, devstack, uWSGI or systemd files) were left for a "
                + "person to update; the fleet report lists them with their files and lines."
        }
    }

    private static func trailers(plan: Plan, result: RepoResult, signedOffBy: String?) -> String {
        var lines = ["\(plan.commit.topicTrailer): \(plan.topic)"]
        if plan.commit.signedOffBy, let signedOffBy, !signedOffBy.isEmpty {
            lines.append("Signed-off-by: \(signedOffBy)")
        }
        let changeId =
            result.changeId
            ?? ChangeID.make(project: result.name, targetBranch: result.targetBranch ?? "", topic: plan.topic)
        lines.append("Change-Id: \(changeId)")
        return lines.joined(separator: "\n")
    }
}
