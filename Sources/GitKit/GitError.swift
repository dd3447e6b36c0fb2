import Clibgit2

/// An error reported by libgit2, with the C function that failed and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The libgit2 error codes fleet distinguishes (`git_error_code`).
    public enum Code: Sendable, Equatable {
        case generic, notFound, exists, ambiguous, user, bareRepository, unbornBranch, nonFastForward
        case invalidSpec, conflict, locked, modified, auth, certificate, eof, invalid, uncommitted
        case other(Int32)

        init(rawValue: Int32) {
            switch rawValue {
            case GIT_ERROR.rawValue: self = .generic
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EUSER.rawValue: self = .user
            case GIT_EBAREREPO.rawValue: self = .bareRepository
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_ECONFLICT.rawValue: self = .conflict
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_EAUTH.rawValue: self = .auth
            case GIT_ECERTIFICATE.rawValue: self = .certificate
            case GIT_EEOF.rawValue: self = .eof
            case GIT_EINVALID.rawValue: self = .invalid
            case GIT_EUNCOMMITTED.rawValue: self = .uncommitted
            default: self = .other(rawValue)
            }
        }
    }

    /// The classified error code.
    public let code: Code
    /// The raw negative return value of the failing call.
    public let rawCode: Int32
    /// libgit2's error class (`git_error_t`), 0 when none was set.
    public let errorClass: Int32
    /// The C function (or GitKit operation) that failed.
    public let function: String
    /// The message, as libgit2 (or GitKit) wrote it.
    public let message: String

    /// Makes an error that GitKit raises itself, not read from libgit2.
    public init(code: Code = .generic, rawCode: Int32 = -1, errorClass: Int32 = 0, function: String, message: String) {
        self.code = code
        self.rawCode = rawCode
        self.errorClass = errorClass
        self.function = function
        self.message = message
    }

    /// Whether the failure means "no such object, reference or file".
    public var isNotFound: Bool { code == .notFound }

    public var description: String {
        "\(function) failed (code \(rawCode), class \(errorClass)): \(message)"
    }
}

/// Checks a libgit2 return code and throws the last error of *this* thread when it is negative.
///
/// libgit2 keeps its last error per thread, so this must run right after the call, on the same thread.
@discardableResult
func check(_ rc: Int32, _ function: @autoclosure () -> String) throws(GitError) -> Int32 {
    guard rc < 0 else { return rc }
    var message = "unknown libgit2 error"
    var errorClass: Int32 = 0
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
        errorClass = last.pointee.klass
    }
    throw GitError(
        code: .init(rawValue: rc), rawCode: rc, errorClass: errorClass, function: function(), message: message)
}

/// Calls a libgit2 function that returns an object through an out-pointer; returns it or throws.
func make(_ function: @autoclosure () -> String, _ body: (inout OpaquePointer?) -> Int32) throws(GitError)
    -> OpaquePointer
{
    var pointer: OpaquePointer?
    try check(body(&pointer), function())
    guard let pointer else {
        throw GitError(function: function(), message: "libgit2 returned success but no object")
    }
    return pointer
}
