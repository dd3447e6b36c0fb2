import Clibgit2

/// A git object id (SHA-1), as a value type that can cross threads.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The 40-character lowercase hex form.
    public let hex: String

    /// Parses a full 40-character hex id; nil when it is not one.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            return nil
        }
        self.hex = hex
    }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, buffer.count, &copy)
        self.hex = buffer.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// The C form, for GitKit's own calls.
    var oid: git_oid {
        var value = git_oid()
        _ = git_oid_fromstr(&value, hex)
        return value
    }

    /// The first seven characters, as `git log --oneline` shows.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    /// The id git gives `data` stored as a blob (`git hash-object`); a stable SHA-1 of any bytes.
    public static func hashBlob(_ data: [UInt8]) -> ObjectID {
        LibGit2.bootstrap()
        var value = git_oid()
        _ = data.withUnsafeBytes { git_odb_hash(&value, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        return ObjectID(value)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an object id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
