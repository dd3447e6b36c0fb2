import ArgumentParser
import FleetKit
import Foundation

/// Gerrit push options `push` and `run --push` share.
struct PushArguments: ParsableArguments {
    @Flag(help: "Mark the changes work in progress (Gerrit's 'wip').")
    var wip = false

    @Flag(help: "Mark the changes ready for review (Gerrit's 'ready').")
    var ready = false

    @Option(name: .customLong("reviewer"), help: "Add a reviewer (repeatable), e.g. a@example.org.")
    var reviewers: [String] = []

    @Option(name: .customLong("cc"), help: "CC someone (repeatable).")
    var cc: [String] = []

    @Option(name: .customLong("hashtag"), help: "Set a hashtag on the changes (repeatable).")
    var hashtags: [String] = []

    @Option(help: "Keep at least this many seconds between two pushes to the same review host.")
    var pace: Double = 0

    var options: ReviewPushOptions {
        ReviewPushOptions(
            workInProgress: wip, ready: ready, reviewers: reviewers, cc: cc, hashtags: hashtags, pace: pace)
    }

    /// Whether any option was given (they only mean something when pushing).
    var isSet: Bool { options != .default }

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }
}

/// The options of `status` and `abandon`: where Gerrit is.
struct GerritArguments: ParsableArguments {
    @Option(
        name: .customLong("gerrit-url"), help: "The Gerrit REST base for every repo, e.g. https://review.opendev.org/.")
    var gerritURL: String?

    func validate() throws {
        if let gerritURL, GerritURL.normalize(gerritURL) == nil {
            throw ValidationError("--gerrit-url must be an http:// or https:// URL with a host")
        }
    }

    var options: ReviewChecker.Options {
        ReviewChecker.Options(gerritURL: gerritURL.flatMap(GerritURL.normalize))
    }
}
