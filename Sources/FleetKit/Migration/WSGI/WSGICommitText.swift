/// The `wsgi-module-paths` part of a commit message: the scripts and their module paths, what became of the entry
/// points, the release note, and the references left for a person.
struct WSGICommitText {
    /// The plan's options (the entry-point policy and whether a release note was asked for).
    var options: MigrationOptions
    /// The repo's details.
    var details: WSGIDetails
    /// The references left for a person.
    var followUps: [FollowUp]

    /// The paragraphs, each wrapped at 72 columns; `removedScripts` names the entry points removed, including those
    /// of scripts the manifest skipped (which have no module and are named in the message only).
    func text(removedScripts: [String]) -> CommitText {
        var servers = details.servers
        let listed = Set(servers.map(\.script))
        for script in removedScripts where !listed.contains(script) {
            servers.append(.skipped(script: script, target: ""))
        }
        var paragraphs: [String] = []
        let kind = WSGICommitWording.kind(of: servers, entryPointsRemoved: details.entryPointsRemoved)
        if !servers.isEmpty {
            paragraphs.append(
                WSGICommitWording.serverList(servers, kind: kind, width: CommitMessageBuilder.bodyWidth))
        }
        paragraphs += [entryPointSentence, releaseNoteSentence, followUpSentence].map {
            TextWrapper.wrap($0, width: CommitMessageBuilder.bodyWidth)
        }
        // A change that adds no module (or only some) must not say it adds one for each server.
        return CommitText(
            subject: WSGICommitWording.subject(for: kind),
            body: WSGICommitWording.opening(
                for: kind, servers: servers, entryPointsRemoved: details.entryPointsRemoved),
            paragraphs: paragraphs)
    }

    // MARK: - Private

    private var entryPointSentence: String {
        if details.entryPointsRemoved {
            return "The wsgi_scripts entry points are removed from setup.cfg, so PBR no longer generates the scripts."
        }
        switch options.entryPoints {
        case .keep:
            return "The wsgi_scripts entry points are kept for one more cycle so deployments can move to the "
                + "module paths; a later change removes them."
        case .remove:
            return "No wsgi_scripts entry point was left in setup.cfg to remove."
        }
    }

    private var releaseNoteSentence: String {
        if let note = details.releaseNote, !note.isEmpty { return "Release note: \(note)" }
        return options.releaseNote
            ? "No release note: the repository has no releasenotes/notes/ folder."
            : "No release note: the plan does not ask for one."
    }

    private var followUpSentence: String {
        switch followUps.count {
        case 0: "No references to the old scripts were left for a follow-up."
        case 1:
            "1 reference to the old scripts (docs, devstack, uWSGI or systemd files) was left for a person to "
                + "update; the fleet report lists it with its file and line."
        default:
            "\(followUps.count) references to the old scripts (docs, devstack, uWSGI or systemd files) were left for "
                + "a person to update; the fleet report lists them with their files and lines."
        }
    }
}
