import Foundation

extension RepoResult {
    /// The team heading the repo is listed under in `status.rst`: its team, else `Other`.
    var teamHeading: String {
        let team = team?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return team.isEmpty ? "Other" : team
    }

    /// The one-line form of `message`: runs of whitespace, newlines included, become one space.
    var messageLine: String? {
        guard let message else { return nil }
        let line = message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.isEmpty ? nil : line
    }
}

extension Summary {
    /// The statuses and their counts, in ``RepoStatus`` order, computed from `repos`.
    var statusCounts: [(status: RepoStatus, count: Int)] {
        RepoStatus.allCases.map { status in (status, repos.count { $0.status == status }) }
    }

    /// The run's length for people: `0.4 s`, `12.3 s`, `3 min 5 s`.
    var durationText: String {
        if durationSeconds < 60 { return String(format: "%.1f s", durationSeconds) }
        let seconds = Int(durationSeconds.rounded())
        return "\(seconds / 60) min \(seconds % 60) s"
    }
}

extension RepoStatus {
    /// The status in words, for prose: `already migrated`, `needs attention`.
    var words: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
