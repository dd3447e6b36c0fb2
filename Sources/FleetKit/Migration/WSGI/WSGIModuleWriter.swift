/// The text of a generated `<pkg>/wsgi/<server>.py`, in the shape DESIGN.md section 3 shows.
///
/// It does what PBR's generated script did: import the target's module, and call the target once, under a named lock,
/// to bind `application`.
enum WSGIModuleWriter {
    /// The short Apache licence header OpenStack files carry (11 lines).
    static let licenceHeader = """
        #    Licensed under the Apache License, Version 2.0 (the "License"); you may
        #    not use this file except in compliance with the License. You may obtain
        #    a copy of the License at
        #
        #         http://www.apache.org/licenses/LICENSE-2.0
        #
        #    Unless required by applicable law or agreed to in writing, software
        #    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
        #    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
        #    License for the specific language governing permissions and limitations
        #    under the License.
        """

    /// Names the generated module binds itself, which an imported module must not shadow.
    private static let reserved: Set<String> = ["application", "lock", "threading"]

    /// The import statement and the name it binds, for the target's module.
    static func importLine(for entry: WSGIScriptEntry) -> (statement: String, name: String) {
        let components = entry.moduleComponents
        let last = components.last ?? entry.module
        let alias = reserved.contains(last) ? "\(last)_module" : last
        let suffix = alias == last ? "" : " as \(alias)"
        if components.count == 1 { return ("import \(last)\(suffix)", alias) }
        return ("from \(components.dropLast().joined(separator: ".")) import \(last)\(suffix)", alias)
    }

    /// The call that binds `application`.
    static func callExpression(for entry: WSGIScriptEntry) -> String {
        "\(importLine(for: entry).name).\(entry.callable)()"
    }

    /// The module text for `entry`, whose docstring names `apiTitle` (`Nova Metadata API`).
    static func module(for entry: WSGIScriptEntry, apiTitle: String) -> String {
        """
        \(licenceHeader)

        \"\"\"WSGI application entry-point for \(apiTitle).\"\"\"

        import threading

        \(importLine(for: entry).statement)

        application = None
        lock = threading.Lock()
        with lock:
            if application is None:
                application = \(callExpression(for: entry))

        """
    }

    /// A human title for the API served by `server` in `package`: `nova` + `api` → `Nova API`,
    /// `heat` + `cfn` → `Heat CFN API`, `cloudkitty` + `api` → `CloudKitty API` (OpenStack's own spelling).
    static func apiTitle(package: String, server: String) -> String {
        let named = (words(package) + words(server)).filter { $0 != "API" }
        return (named + ["API"]).joined(separator: " ")
    }

    private static let acronyms: Set<String> = ["api", "cfn", "ec2", "s3", "osapi", "http", "rpc", "wsgi", "ui"]

    /// Words OpenStack does not spell as a capital and lower case letters (`CloudKitty`, not `Cloudkitty`).
    private static let spellings: [String: String] = [
        "cloudkitty": "CloudKitty", "openstack": "OpenStack", "tripleo": "TripleO",
    ]

    private static func words(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map { word in
            let lower = word.lowercased()
            if let spelling = spellings[lower] { return spelling }
            return acronyms.contains(lower) ? lower.uppercased() : lower.prefix(1).uppercased() + lower.dropFirst()
        }
    }
}
