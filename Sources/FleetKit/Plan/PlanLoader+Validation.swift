import Foundation
import Yams

extension PlanLoader {
    /// The keys a plan may have, in the order the documentation lists them.
    static let planKeys = ["goal", "goal_url", "topic", "branch", "rewriter", "options", "commit"]
    /// The keys of `options:`.
    static let optionKeys = ["entry_points", "release_note", "rewrite_uwsgi_ini"]
    /// The keys of `commit:`.
    static let commitKeys = ["subject", "body", "topic_trailer", "signed_off_by"]
    /// The placeholders a commit subject may use.
    static let subjectPlaceholders = ["{package}"]
    /// The length a `{package}` placeholder is assumed to fill when checking a subject template: OpenStack's
    /// service packages are at most about 20 characters (`ironic_inspector` is 16).
    static let placeholderAllowance = 20
    /// The longest subject line allowed, placeholders filled.
    static let maximumSubjectLength = 72

    /// Validates a composed plan document, reporting every problem; returns the plan when it is complete.
    static func parse(_ root: Node?, sink: inout DiagnosticSink) -> Plan? {
        guard let root else {
            sink.error("the plan is empty", at: nil)
            return nil
        }
        guard let map = MappingReader(root, what: "a plan", sink: &sink) else { return nil }
        map.reportUnknownKeys(allowed: planKeys, place: "in the plan", sink: &sink)
        for key in ["goal", "goal_url", "topic", "branch", "rewriter", "commit"] {
            map.require(key, place: "in the plan", sink: &sink)
        }
        let goal = singleLine(map, "goal", sink: &sink)
        let goalURL = singleLine(map, "goal_url", sink: &sink).flatMap { url -> String? in
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                sink.error("'goal_url' must be an http(s) URL, found '\(url)'", at: map["goal_url"]?.mark)
                return nil
            }
            return url
        }
        let topic = singleLine(map, "topic", sink: &sink).flatMap { topic -> String? in
            // Gerrit takes the topic as a push option: `refs/for/master%topic=<topic>,r=...`.
            guard !topic.contains(where: { $0.isWhitespace || $0 == "%" || $0 == "," }) else {
                sink.error("'topic' '\(topic)' must not contain spaces, '%' or ','", at: map["topic"]?.mark)
                return nil
            }
            return topic
        }
        let branch = singleLine(map, "branch", sink: &sink).flatMap { branch -> String? in
            guard NameRules.isBranchName(branch) else {
                sink.error("'branch' '\(branch)' is not a valid git branch name", at: map["branch"]?.mark)
                return nil
            }
            return branch
        }
        let rewriter = singleLine(map, "rewriter", sink: &sink).flatMap { name -> String? in
            guard RewriterRegistry.names.contains(name) else {
                let known = RewriterRegistry.names.joined(separator: ", ")
                sink.error("unknown rewriter '\(name)' (known: \(known))", at: map["rewriter"]?.mark)
                return nil
            }
            return name
        }
        let options = map["options"].map { parseOptions($0, sink: &sink) } ?? MigrationOptions()
        let commit = map["commit"].flatMap { parseCommit($0, sink: &sink) }
        guard let goal, let goalURL, let topic, let branch, let rewriter, let options, let commit else { return nil }
        return Plan(
            goal: goal, goalURL: goalURL, topic: topic, branch: branch, rewriter: rewriter, options: options,
            commit: commit)
    }

    /// Reads `options:`; missing keys take ``MigrationOptions``' defaults.
    private static func parseOptions(_ node: Node, sink: inout DiagnosticSink) -> MigrationOptions? {
        guard let map = MappingReader(node, what: "'options'", sink: &sink) else { return nil }
        map.reportUnknownKeys(allowed: optionKeys, place: "in 'options'", sink: &sink)
        var options = MigrationOptions()
        var isValid = true
        if let node = map["entry_points"] {
            if let policy = node.text.flatMap(EntryPointPolicy.init(rawValue:)) {
                options.entryPoints = policy
            } else {
                sink.error("'entry_points' must be 'remove' or 'keep', found \(node.kindDescription)", at: node.mark)
                isValid = false
            }
        }
        for (key, path) in [("release_note", \MigrationOptions.releaseNote), ("rewrite_uwsgi_ini", \.rewriteUWSGIIni)]
        where map[key] != nil {
            if let value = map.bool(key, sink: &sink) { options[keyPath: path] = value } else { isValid = false }
        }
        return isValid ? options : nil
    }

    /// Reads `commit:`; `topic_trailer` defaults to `Topic` and `signed_off_by` to true.
    private static func parseCommit(_ node: Node, sink: inout DiagnosticSink) -> Plan.Commit? {
        guard let map = MappingReader(node, what: "'commit'", sink: &sink) else { return nil }
        map.reportUnknownKeys(allowed: commitKeys, place: "in 'commit'", sink: &sink)
        map.require("subject", place: "in 'commit'", sink: &sink)
        map.require("body", place: "in 'commit'", sink: &sink)
        let subject = singleLine(map, "subject", sink: &sink).flatMap {
            checkSubject($0, at: map["subject"]?.mark, sink: &sink)
        }
        let body = map.string("body", sink: &sink)
        var trailer: String? = "Topic"
        if map["topic_trailer"] != nil {
            trailer = singleLine(map, "topic_trailer", sink: &sink).flatMap { name -> String? in
                let isToken = name.unicodeScalars.allSatisfy {
                    $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                }
                guard isToken, !name.hasPrefix("-") else {
                    let message = "'topic_trailer' '\(name)' must be a trailer name (letters, digits and '-')"
                    sink.error(message, at: map["topic_trailer"]?.mark)
                    return nil
                }
                return name
            }
        }
        var signedOffBy: Bool? = true
        if map["signed_off_by"] != nil { signedOffBy = map.bool("signed_off_by", sink: &sink) }
        guard let subject, let body, let trailer, let signedOffBy else { return nil }
        return Plan.Commit(subject: subject, body: body, topicTrailer: trailer, signedOffBy: signedOffBy)
    }

    /// Checks a subject template: known placeholders only, and at most 72 characters once each `{package}` is
    /// filled with ``placeholderAllowance`` characters.
    private static func checkSubject(_ subject: String, at mark: Mark?, sink: inout DiagnosticSink) -> String? {
        var rest = subject
        var placeholders = 0
        for placeholder in subjectPlaceholders {
            placeholders += rest.components(separatedBy: placeholder).count - 1
            rest = rest.replacingOccurrences(of: placeholder, with: "")
        }
        if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let known = subjectPlaceholders.joined(separator: ", ")
            sink.error("unknown placeholder '\(rest[open...close])' in 'subject' (known: \(known))", at: mark)
            return nil
        }
        let length = rest.count + placeholders * placeholderAllowance
        guard length <= maximumSubjectLength else {
            let filled = placeholders == 0 ? "" : " with {package} counted as \(placeholderAllowance)"
            sink.error(
                "'subject' is \(length) characters\(filled), more than \(maximumSubjectLength)", at: mark)
            return nil
        }
        return subject
    }

    /// Reads `key` as a non-empty string on one line.
    private static func singleLine(_ map: MappingReader, _ key: String, sink: inout DiagnosticSink) -> String? {
        guard let value = map.string(key, sink: &sink) else { return nil }
        guard !value.contains(where: \.isNewline) else {
            sink.error("'\(key)' must be a single line", at: map[key]?.mark)
            return nil
        }
        return value
    }
}
