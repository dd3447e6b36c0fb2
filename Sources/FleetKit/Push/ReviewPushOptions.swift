import Foundation

/// Gerrit push options (`--wip`, `--ready`, `--reviewer`, `--cc`, `--hashtag`) and the pace between pushes.
public struct ReviewPushOptions: Sendable, Equatable {
    /// Mark the change work in progress (`wip`).
    public var workInProgress = false
    /// Mark the change ready for review (`ready`).
    public var ready = false
    /// Reviewers to add (`r=`).
    public var reviewers: [String] = []
    /// Accounts to CC (`cc=`).
    public var cc: [String] = []
    /// Hashtags to set (`hashtag=`).
    public var hashtags: [String] = []
    /// Seconds kept between two pushes to the same review host.
    public var pace: TimeInterval = 0

    /// No option: the plain `%topic=` refspec, no pacing.
    public static let `default` = ReviewPushOptions()

    /// Makes options.
    public init(
        workInProgress: Bool = false, ready: Bool = false, reviewers: [String] = [], cc: [String] = [],
        hashtags: [String] = [], pace: TimeInterval = 0
    ) {
        self.workInProgress = workInProgress
        self.ready = ready
        self.reviewers = reviewers
        self.cc = cc
        self.hashtags = hashtags
        self.pace = pace
    }

    /// The text after `refs/for/<target>%`: `topic=<topic>,wip,r=a@example.org,cc=b@example.org,hashtag=tag`.
    public func refspecOptions(topic: String) -> String {
        var options = ["topic=\(topic)"]
        if workInProgress { options.append("wip") }
        if ready { options.append("ready") }
        options += reviewers.map { "r=\($0)" } + cc.map { "cc=\($0)" } + hashtags.map { "hashtag=\($0)" }
        return options.joined(separator: ",")
    }

    /// Why these options cannot be pushed, or nil: `wip` with `ready`, or a value Gerrit would split or misread.
    public var problem: String? {
        if workInProgress && ready { return "--wip and --ready cannot be used together" }
        if pace < 0 || !pace.isFinite { return "--pace must be a number of seconds, 0 or more" }
        let values = [("--reviewer", reviewers), ("--cc", cc), ("--hashtag", hashtags)]
        for (option, list) in values {
            for value in list where !Self.isPlain(value) {
                return "\(option) '\(value)' must not be empty or hold spaces, ',' or '%'"
            }
        }
        return nil
    }

    /// A value that stays one option in the refspec: no separator, no escape, no whitespace or control character.
    private static func isPlain(_ value: String) -> Bool {
        !value.isEmpty
            && !value.unicodeScalars.contains {
                $0 == "," || $0 == "%" || CharacterSet.whitespacesAndNewlines.contains($0)
                    || CharacterSet.controlCharacters.contains($0)
            }
    }
}
