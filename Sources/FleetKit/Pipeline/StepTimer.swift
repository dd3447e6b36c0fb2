import Foundation

/// Times the steps of one repo's pipeline, announces each step as progress, and records the seconds per step.
struct StepTimer {
    /// The repo's name.
    let name: String
    /// Where progress goes.
    let events: @Sendable (ProgressEvent) -> Void
    /// Seconds per step that ran, by step name.
    private(set) var steps: [String: Double] = [:]

    init(name: String, events: @escaping @Sendable (ProgressEvent) -> Void) {
        self.name = name
        self.events = events
    }

    /// Runs `body` as the step `step`; an error is wrapped in ``StepError`` naming the step.
    mutating func run<Output>(_ step: String, _ body: () throws -> Output) rethrows -> Output {
        events(.step(name: name, step: step))
        let start = DispatchTime.now().uptimeNanoseconds
        defer { steps[step] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        do {
            return try body()
        } catch {
            throw StepError(step: step, underlying: error)
        }
    }
}

/// An error raised inside a pipeline step, with the step's name.
struct StepError: Error {
    /// The step's name.
    var step: String
    /// What went wrong.
    var underlying: any Error
}
