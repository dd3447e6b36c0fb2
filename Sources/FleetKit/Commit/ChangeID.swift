import Foundation
import GitKit

/// Gerrit Change-Ids: made stable per change, and read back from commit messages.
public enum ChangeID {
    /// The Change-Id for one goal's change to one project's branch: `I` and 40 lowercase hex digits.
    ///
    /// The same (project, target branch, topic) always gives the same id, so re-running fleet uploads a new
    /// patch set of the same Gerrit change instead of opening a new change.
    /// - Parameters:
    ///   - project: the manifest name, such as `openstack/nova`.
    ///   - targetBranch: the branch the change is proposed to, such as `master`.
    ///   - topic: the Gerrit topic of the goal, such as `remove-wsgi_scripts`.
    /// - Returns: the Change-Id, such as `I1a2b…` (41 characters).
    public static func make(project: String, targetBranch: String, topic: String) -> String {
        // One field per line keeps ("a/b", "c") and ("a", "b/c") apart; the prefix namespaces the hash.
        let seed = "fleet change-id v1\nproject \(project)\nbranch \(targetBranch)\ntopic \(topic)\n"
        return "I" + ObjectID.hashBlob(Array(seed.utf8)).hex
    }

    /// The Change-Id trailer of `message`, read the way Gerrit (JGit's footer parser) reads it.
    ///
    /// Only the last paragraph counts, never the subject line; in it, lines that are not `Key: value` footers are
    /// skipped, the key is matched without regard to case, and the value must be `I` and 40 lowercase hex digits.
    /// Gerrit refuses a commit with several Change-Id footers; should one be given, the last one is returned.
    /// - Returns: the Change-Id, or nil when the last paragraph has none.
    public static func find(in message: String) -> String? {
        // "\r\n" is one Character in Swift, so normalise line endings before splitting.
        let text = message.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        var found: String?
        // Walk up from the end, stopping at the paragraph break or at the subject (lines[0]).
        var index = lines.count - 1
        while index > 0 {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) { break }
            if found == nil, let value = footerValue(of: line, key: "change-id"), isChangeID(value) {
                found = value
            }
            index -= 1
        }
        return found
    }

    /// Whether `text` is `I` and 40 lowercase hex digits.
    public static func isChangeID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 41, bytes[0] == UInt8(ascii: "I") else { return false }
        return bytes.dropFirst().allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// The value of a `Key: value` footer line whose key is `key` (compared case-insensitively), trimmed.
    private static func footerValue(of line: Substring, key: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon]
        // JGit's footer keys are letters, digits and '-', with no leading space.
        guard !name.isEmpty, name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }),
            name.lowercased() == key
        else { return nil }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
