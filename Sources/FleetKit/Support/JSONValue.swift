import Foundation
import Yams

/// Any JSON value: how fleet carries a rewriter's own data (plan options, manifest keys, result details) through
/// the generic layers, which store and compare it without knowing its shape.
public enum JSONValue: Codable, Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The members of an object; empty for anything else.
    public var members: [String: JSONValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// Encodes any `Encodable` value as a JSON value.
    /// - Throws: the encoder's error.
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// Decodes a `Decodable` value from this JSON value.
    /// - Throws: `DecodingError` when the shape does not fit.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }
}

extension JSONValue {
    /// The JSON form of a YAML node: booleans, numbers and nulls as YAML resolves them, everything else as text.
    init(_ node: Node) {
        switch node {
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? "\(key)"] = JSONValue(value) }
            self = .object(members)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init))
        case .alias:
            self = .null
        case .scalar(let scalar):
            if node.isNull {
                self = .null
            } else if scalar.style == .plain, let value = node.bool {
                self = .bool(value)
            } else if scalar.style == .plain, let value = node.int {
                self = .int(value)
            } else if scalar.style == .plain, let value = node.float {
                self = .double(value)
            } else {
                self = .string(scalar.string)
            }
        }
    }
}
