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
        if !servers.isEmpty { paragraphs.append(Self.serverList(servers)) }
        paragraphs += [entryPointSentence, releaseNoteSentence, followUpSentence].map {
            TextWrapper.wrap($0, width: CommitMessageBuilder.bodyWidth)
        }
        return CommitText(paragraphs: paragraphs)
    }

    // MARK: - Private

    private static func serverList(_ servers: [ServerMigration]) -> String {
        let lines = servers.map { server in
            let target = server.isSkipped ? "no module (skipped in the manifest)" : server.module
            let line = "  \(server.script) -> \(target)"
            // Too long for one line: break after the arrow, so the module path stays whole on its own line.
            return line.count <= CommitMessageBuilder.bodyWidth ? line : "  \(server.script) ->\n      \(target)"
        }
        let heading =
            servers.count == 1
            ? "The WSGI script and its new module path:" : "The WSGI scripts and their new module paths:"
        return heading + "\n\n" + lines.joined(separator: "\n")
    }

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
