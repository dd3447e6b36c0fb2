import Foundation
import Yams

extension PlanLoader {
    /// The keys a plan may have, in the order the documentation lists them.
    static let planKeys = ["goal", "goal_url", "topic", "branch", "rewriter", "options", "commit"]
    /// The keys of `commit:`.
    static let commitKeys = ["subject", "body", "topic_trailer", "signed_off_by"]
    /// The longest subject line allowed, placeholders filled.
    static let maximumSubjectLength = 72

    /// Validates a composed plan document, reporting every problem; returns the plan when it is complete.
    static func parse(_ root: Node?, name: String, registry: RewriterRegistry, sink: inout DiagnosticSink) -> Plan? {
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
        let kind = singleLine(map, "rewriter", sink: &sink).flatMap { name -> RewriterKind? in
            guard let kind = registry.kind(named: name) else {
                let known = registry.names.joined(separator: ", ")
                sink.error("unknown rewriter '\(name)' (known: \(known))", at: map["rewriter"]?.mark)
                return nil
            }
            return kind
        }
        var options: JSONValue?
        if let kind {
            options = readOptions(map["options"], kind: kind, sink: &sink)
        } else if let node = map["options"], !node.isNull {
            _ = MappingReader(node, what: "'options'", sink: &sink)
        }
        // With no known rewriter, placeholders cannot be checked (nil): only the subject's length is.
        let commit = map["commit"].flatMap {
            parseCommit($0, placeholders: kind?.subjectPlaceholders, sink: &sink)
        }
        guard let goal, let goalURL, let topic, let branch, let kind, let options, let commit else { return nil }
        return Plan(
            name: name, goal: goal, goalURL: goalURL, topic: topic, branch: branch, rewriter: kind.name,
            options: options, commit: commit)
    }

    /// Hands `options:` to the rewriter, which validates and decodes it (every unknown key is an error here).
    private static func readOptions(_ node: Node?, kind: RewriterKind, sink: inout DiagnosticSink) -> JSONValue? {
        guard let node, !node.isNull else { return kind.readOptions(nil, &sink) }
        guard let map = MappingReader(node, what: "'options'", sink: &sink) else { return nil }
        map.reportUnknownKeys(allowed: kind.optionKeys, place: "in 'options'", sink: &sink)
        return kind.readOptions(map, &sink)
    }

    /// Reads `commit:`; `topic_trailer` defaults to `Topic` and `signed_off_by` to true.
    private static func parseCommit(_ node: Node, placeholders: [String: Int]?, sink: inout DiagnosticSink)
        -> Plan.Commit?
    {
        guard let map = MappingReader(node, what: "'commit'", sink: &sink) else { return nil }
        map.reportUnknownKeys(allowed: commitKeys, place: "in 'commit'", sink: &sink)
        map.require("subject", place: "in 'commit'", sink: &sink)
        map.require("body", place: "in 'commit'", sink: &sink)
        let subject = singleLine(map, "subject", sink: &sink).flatMap {
            checkSubject($0, placeholders: placeholders, at: map["subject"]?.mark, sink: &sink)
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

    /// Checks a subject template: the rewriter's placeholders only, and at most 72 characters once each placeholder
    /// is filled with the length the rewriter assumes for it.
    private static func checkSubject(
        _ subject: String, placeholders known: [String: Int]?, at mark: Mark?, sink: inout DiagnosticSink
    ) -> String? {
        let placeholders = known ?? [:]
        var rest = subject
        var filledLength = 0
        for (name, allowance) in placeholders.sorted(by: { $0.key < $1.key }) {
            let count = rest.components(separatedBy: "{\(name)}").count - 1
            filledLength += count * allowance
            rest = rest.replacingOccurrences(of: "{\(name)}", with: "")
        }
        if known != nil, let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let known = placeholders.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
            sink.error(
                "unknown placeholder '\(rest[open...close])' in 'subject' (known: \(known.isEmpty ? "none" : known))",
                at: mark)
            return nil
        }
        let length = rest.count + filledLength
        guard length <= maximumSubjectLength else {
            let counted = placeholders.sorted(by: { $0.key < $1.key }).filter { subject.contains("{\($0.key)}") }
                .map { "{\($0.key)} counted as \($0.value)" }
            let filled = counted.isEmpty ? "" : " with " + counted.joined(separator: ", ")
            sink.error("'subject' is \(length) characters\(filled), more than \(maximumSubjectLength)", at: mark)
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
