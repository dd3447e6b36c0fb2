import Clibgit2
import Foundation

/// Who made a commit, and when, as a value type.
public struct Signature: Sendable, Equatable {
    /// The person's name.
    public var name: String
    /// The person's email address.
    public var email: String
    /// The moment of the action.
    public var date: Date
    /// The time zone offset from UTC, in minutes.
    public var offsetMinutes: Int

    /// Makes a signature; the date defaults to now, whole seconds, in UTC.
    public init(name: String, email: String, date: Date = Date(), offsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.offsetMinutes = offsetMinutes
    }

    init(_ pointer: UnsafePointer<git_signature>) {
        let value = pointer.pointee
        self.name = value.name.map { String(cString: $0) } ?? ""
        self.email = value.email.map { String(cString: $0) } ?? ""
        self.date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        self.offsetMinutes = Int(value.when.offset)
    }

    /// Runs `body` with a libgit2 signature built from this value, freed afterwards.
    func withGitSignature<R>(_ body: (UnsafeMutablePointer<git_signature>?) throws(GitError) -> R) throws(GitError) -> R
    {
        var pointer: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&pointer, name, email, git_time_t(date.timeIntervalSince1970), Int32(offsetMinutes)),
            "git_signature_new")
        defer { git_signature_free(pointer) }
        return try body(pointer)
    }

    /// The `Name <email>` form used in trailers such as `Signed-off-by:`.
    public var identity: String { "\(name) <\(email)>" }
}
