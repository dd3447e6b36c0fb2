import Foundation

/// Builds a repository's commit message from the plan's template and the rewriter's part of it.
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
    ///   - plan: the goal plan: subject template, opening body, topic, trailer name, goal link.
    ///   - change: the repository, its target branch, Change-Id, placeholder values and the rewriter's text.
    ///   - signedOffBy: `Name <email>` for the `Signed-off-by:` trailer, written only when the plan asks for it.
    /// - Returns: the subject, the wrapped body paragraphs and the trailer block, separated by blank lines.
    public static func message(plan: Plan, change: CommitDraft, signedOffBy: String?) -> String {
        var paragraphs: [String] = []
        let opening = change.text.body ?? fill(plan.commit.body, change.placeholders)
        let body = opening.trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty { paragraphs.append(TextWrapper.wrap(body, width: bodyWidth)) }
        paragraphs += change.text.paragraphs.filter { !$0.isEmpty }
        paragraphs.append(TextWrapper.wrap("Goal: \(plan.goal)\n\(plan.goalURL)", width: bodyWidth))
        // Trailers are never wrapped: Gerrit and git read each one as a single line.
        paragraphs.append(trailers(plan: plan, change: change, signedOffBy: signedOffBy))
        return subject(plan: plan, change: change) + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// The subject line: the rewriter's own subject, else the plan's template filled in, or a shorter form when that
    /// is over 72 characters.
    ///
    /// The fallbacks, in order: the goal's title, then the filled template cut at the last space that fits.
    public static func subject(plan: Plan, change: CommitDraft) -> String {
        let filled = firstLine(change.text.subject ?? fill(plan.commit.subject, change.placeholders))
        if filled.count <= subjectLimit, !filled.isEmpty { return filled }
        let goal = firstLine(plan.goal)
        if goal.count <= subjectLimit, !goal.isEmpty { return goal }
        return cutAtWordBoundary(filled.isEmpty ? goal : filled, limit: subjectLimit)
    }

    // MARK: - Private

    private static func fill(_ template: String, _ placeholders: [String: String]) -> String {
        placeholders.reduce(template) { text, placeholder in
            text.replacingOccurrences(of: "{\(placeholder.key)}", with: placeholder.value)
        }
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

    private static func trailers(plan: Plan, change: CommitDraft, signedOffBy: String?) -> String {
        var lines = ["\(plan.commit.topicTrailer): \(plan.topic)"]
        if plan.commit.signedOffBy, let signedOffBy, !signedOffBy.isEmpty {
            lines.append("Signed-off-by: \(signedOffBy)")
        }
        let changeId =
            change.changeId ?? ChangeID.make(project: change.name, targetBranch: change.targetBranch, topic: plan.topic)
        lines.append("Change-Id: \(changeId)")
        return lines.joined(separator: "\n")
    }
}
