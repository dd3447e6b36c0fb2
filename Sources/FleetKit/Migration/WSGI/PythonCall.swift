/// A call as Python source writes it, `wsgi_app.init_application(NAME)`: a dotted callee and its arguments.
///
/// Enough to tell whether two modules make the same call: ``resolved(in:)`` turns the callee into a full dotted path
/// through the module's imports and each argument naming a module-level constant into that constant's literal.
struct PythonCall: Sendable, Equatable {
    /// The dotted callee, such as `wsgi_app.init_application` (or, resolved, `nova.api.openstack.wsgi_app...`).
    var callee: String
    /// The arguments, split at top-level commas and trimmed, such as `NAME` or `argv=[]`.
    var arguments: [String]

    /// Parses `expression`, which must be one call of a dotted name with nothing after its closing parenthesis.
    init?<S: StringProtocol>(_ expression: S) {
        let text = expression.trimmingCharacters(in: .whitespaces)
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let callee = text[..<open].trimmingCharacters(in: .whitespaces)
        guard !callee.isEmpty,
            callee.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                PythonSource.isIdentifier($0)
            })
        else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard let parts = PythonSource.splitTopLevel(inner, at: ",") else { return nil }
        self.callee = callee
        arguments = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Makes a call from its parts.
    init(callee: String, arguments: [String]) {
        self.callee = callee
        self.arguments = arguments
    }

    /// This call with its callee and arguments made comparable across modules.
    /// - Parameter module: the facts of the module the call is written in.
    /// - Returns: the call with a full dotted callee and normalized arguments.
    func resolved(in module: PythonModuleFacts) -> PythonCall {
        let head = callee.split(separator: ".", maxSplits: 1).map(String.init)
        let first = head.first ?? callee
        let rest = head.count > 1 ? "." + head[1] : ""
        let base: String
        if let imported = module.imports[first] {
            base = imported
        } else {
            // A name the module defines itself: qualified by the module, so equal names elsewhere do not match.
            base = module.name.isEmpty ? first : "\(module.name).\(first)"
        }
        return PythonCall(callee: base + rest, arguments: arguments.map { Self.normalized($0, module: module) })
    }

    /// The argument with constants replaced by their values and strings written one way.
    private static func normalized(_ argument: String, module: PythonModuleFacts) -> String {
        if let equals = PythonSource.assignmentEquals(in: Substring(argument)) {
            let key = argument[..<equals].trimmingCharacters(in: .whitespaces)
            let value = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            return key + "=" + normalized(value, module: module)
        }
        if let literal = PythonSource.literal(argument) { return literal }
        if PythonSource.isIdentifier(argument), let value = module.constants[argument] { return value }
        return argument.filter { !$0.isWhitespace }
    }
}
