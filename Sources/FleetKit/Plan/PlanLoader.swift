import Foundation

/// Loads and validates goal plans: `Plans/*.yaml` files or the built-in copies of them (``BuiltInPlans``).
public enum PlanLoader {
    /// Where a manifest's `plan:` value points.
    enum Source: Equatable {
        /// A built-in plan, by name, with its YAML text.
        case builtIn(name: String, text: String)
        /// A plan file, and how to name it in messages.
        case file(URL, display: String)

        /// The name used for the plan's file in messages.
        var display: String {
            switch self {
            case .builtIn(let name, _): return "built-in:\(name)"
            case .file(_, let display): return display
            }
        }
    }

    /// Loads the plan a manifest names.
    /// - Parameters:
    ///   - reference: the `plan:` value: a built-in plan name (see ``BuiltInPlans``), else a path, relative to the
    ///     manifest's folder or absolute. A built-in name wins; write `./name.yaml` to use a file of that name.
    ///   - manifest: the manifest file the reference is relative to.
    ///   - registry: the rewriters the plan may name.
    /// - Returns: the loaded plan.
    /// - Throws: ``InputError`` with every problem in the plan, located in the plan file.
    public static func load(
        reference: String, relativeTo manifest: URL, registry: RewriterRegistry = .builtIn
    ) throws -> Plan {
        let source = source(for: reference, relativeTo: manifest, registry: registry)
        switch source {
        case .builtIn(let name, let text):
            return try load(yaml: text, file: source.display, name: name, registry: registry)
        case .file(let url, let display):
            return try load(
                yaml: InputText.read(url, file: display), file: display, name: planName(of: url), registry: registry)
        }
    }

    /// Loads the plan file at `url`, naming it in messages as `url.relativePath`.
    /// - Throws: ``InputError`` when the file cannot be read or the plan is invalid.
    public static func load(from url: URL, registry: RewriterRegistry = .builtIn) throws -> Plan {
        let display = url.relativePath
        return try load(
            yaml: InputText.read(url, file: display), file: display, name: planName(of: url), registry: registry)
    }

    /// A plan file's name: its file name without `.yaml` or `.yml`.
    static func planName(of url: URL) -> String {
        let file = url.lastPathComponent
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// Parses and validates plan YAML text.
    /// - Parameters:
    ///   - yaml: the plan's YAML text.
    ///   - file: the name printed in messages.
    ///   - name: the plan's name (a built-in name, or the file name without `.yaml`).
    ///   - registry: the rewriters the plan may name.
    /// - Returns: the validated plan.
    /// - Throws: ``InputError`` with every problem at once, each with its line and column.
    public static func load(
        yaml: String, file: String, name: String, registry: RewriterRegistry = .builtIn
    ) throws -> Plan {
        var sink = DiagnosticSink(file: file)
        let root = try YAMLInput.compose(yaml, file: file)
        let plan = parse(root, name: name, registry: registry, sink: &sink)
        guard let plan, !sink.hasErrors else { throw InputError(sink.sorted) }
        return plan
    }

    /// Resolves a manifest's `plan:` value, without reading anything.
    static func source(for reference: String, relativeTo manifest: URL, registry: RewriterRegistry = .builtIn)
        -> Source
    {
        if let text = registry.builtInPlans[reference] { return .builtIn(name: reference, text: text) }
        if reference.hasPrefix("/") { return .file(URL(fileURLWithPath: reference), display: reference) }
        let url = manifest.deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL
        let folder = (manifest.relativePath as NSString).deletingLastPathComponent
        return .file(url, display: folder.isEmpty ? reference : "\(folder)/\(reference)")
    }
}
