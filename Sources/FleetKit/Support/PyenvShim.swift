import Foundation

/// The interpreter a pyenv shim would run, found without running the shim.
///
/// A pyenv shim is a bash script that runs `pyenv exec`: about a dozen bash processes and 60 ms of CPU before Python
/// starts, paid by every run whose checker starts through `python3` on a machine with pyenv. When the interpreter
/// asked for is such a shim, this picks the version as pyenv does: `PYENV_VERSION`, else the nearest
/// `.python-version` from the working directory up to `/`, else `$PYENV_ROOT/version`; the first version named, when
/// `$PYENV_ROOT/versions/<version>/bin/<command>` is executable, is the one pyenv runs.
///
/// Only that common case is taken. Anything pyenv would resolve in a way of its own goes through the shim as before:
/// `system`, a version prefix (`3.11`) or one not installed, a version name of other characters than letters,
/// digits and `._+-` (a `/`, a byte-order mark an editor left), `PYENV_DIR` set, a `PWD` that is not a plain
/// absolute path, a shim outside `$PYENV_ROOT/shims`, and any hook script for `version-name`, `which` or `exec`
/// other than pyenv's own `pip-rehash` and pyenv-virtualenv's three `which` hooks (each acts only for a command that
/// is not executable where the version has it, or for pip and conda).
enum PyenvShim {
    /// The hook scripts known to change nothing for an executable `bin/<command>` of an installed version, as
    /// `<hook command>/<file name>`, and the folder (under the pyenv root or install prefix) each ships in.
    static let harmlessHooks: [String: String] = [
        "exec/pip-rehash.bash": "/pyenv.d",
        "which/conda.bash": "/plugins/pyenv-virtualenv/etc/pyenv.d",
        "which/python-config.bash": "/plugins/pyenv-virtualenv/etc/pyenv.d",
        "which/system-site-packages.bash": "/plugins/pyenv-virtualenv/etc/pyenv.d",
    ]

    /// The longest line pyenv reads of a version file at once (`read -n 1024`): a longer one is read in pieces.
    static let longestLine = 1024

    /// The interpreter a pyenv shim would run.
    /// - Parameters:
    ///   - interpreter: the interpreter asked for: a name looked up on `PATH`, or a path.
    ///   - environment: the environment fleet runs in (`PATH`, `PYENV_VERSION`, `PYENV_DIR`, `PYENV_HOOK_PATH`, `PWD`).
    ///   - directory: fleet's working directory, where pyenv starts looking for `.python-version`.
    /// - Returns: the version's `bin/<command>`, or nil when `interpreter` is not a pyenv shim or pyenv's choice is
    ///   not the common case.
    static func interpreter(
        for interpreter: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        guard let shim = locate(interpreter, path: environment["PATH"] ?? ""),
            let install = shimTarget(of: shim)
        else { return nil }
        let command = (shim as NSString).lastPathComponent
        guard (shim as NSString).deletingLastPathComponent == install.root + "/shims",
            environment["PYENV_DIR", default: ""].isEmpty,
            hooksAreHarmless(root: install.root, prefix: install.prefix, command: command, environment: environment),
            let version = selectedVersions(root: install.root, environment: environment, directory: directory)?.first,
            isPlainVersionName(version)
        else { return nil }
        let versionFolder = install.root + "/versions/" + version
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: versionFolder, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        let candidate = versionFolder + "/bin/" + command
        return isExecutableFile(candidate) ? candidate : nil
    }

    // MARK: - The shim

    /// The first executable `name` on `path` (or `name` itself when it holds a `/`).
    static func locate(_ name: String, path: String) -> String? {
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// pyenv's root and install prefix as a shim written by `pyenv rehash` names them:
    /// `export PYENV_ROOT="<root>"` and `exec "<prefix>/libexec/pyenv" exec "$program" "$@"`; nil for any other file.
    static func shimTarget(of file: String) -> (root: String, prefix: String)? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096), head.starts(with: Data("#!".utf8)),
            let text = String(data: head, encoding: .utf8)
        else { return nil }
        var root: String?
        var prefix: String?
        for line in text.split(separator: "\n") {
            let line = line.trimmingCharacters(in: .whitespaces)
            if let value = quoted(line, after: "export PYENV_ROOT=") {
                root = value
            } else if line.hasPrefix("exec \""), line.hasSuffix("\" exec \"$program\" \"$@\""),
                let value = quoted(line, after: "exec "), value.hasSuffix("/libexec/pyenv")
            {
                prefix = String(value.dropLast("/libexec/pyenv".count))
            }
        }
        guard let root, let prefix, root.hasPrefix("/"), prefix.hasPrefix("/") else { return nil }
        return (root, prefix)
    }

    /// The double-quoted value after `start` on `line`, when it holds no `$`, backslash or backtick.
    private static func quoted(_ line: String, after start: String) -> String? {
        guard line.hasPrefix(start + "\"") else { return nil }
        let rest = line.dropFirst(start.count + 1)
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let value = String(rest[..<end])
        guard !value.isEmpty, !value.contains(where: { "$\\`".contains($0) }) else { return nil }
        return value
    }

    // MARK: - The version

    /// The versions pyenv would select, in order, or nil when none is named (pyenv then uses `system`).
    static func selectedVersions(root: String, environment: [String: String], directory: String) -> [String]? {
        if let named = environment["PYENV_VERSION"], !named.isEmpty {
            return named.split(separator: ":").map(String.init)
        }
        guard let file = versionFile(root: root, environment: environment, directory: directory),
            let versions = readVersionFile(file)
        else { return nil }
        return versions.isEmpty ? nil : versions
    }

    /// `pyenv version-file` without `PYENV_DIR`: the nearest `.python-version` from the working directory up, else
    /// `$PYENV_ROOT/version`; nil when the working directory is not plain enough to tell which bash would see.
    static func versionFile(root: String, environment: [String: String], directory: String) -> String? {
        guard let start = workingDirectory(environment: environment, physical: directory) else { return nil }
        return nearestVersionFile(from: start) ?? root + "/version"
    }

    /// The working directory as bash sees it: `PWD` when it names the same folder as the physical one (bash keeps
    /// the path with its symlinks), else the physical one; nil for a `PWD` with `.`, `..` or empty components, which
    /// bash would rewrite first.
    private static func workingDirectory(environment: [String: String], physical: String) -> String? {
        guard let logical = environment["PWD"], logical.hasPrefix("/") else { return physical }
        var one = stat()
        var two = stat()
        guard stat(logical, &one) == 0, stat(physical, &two) == 0, one.st_dev == two.st_dev, one.st_ino == two.st_ino
        else { return physical }
        let parts = logical.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard logical == "/" || !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        return logical
    }

    /// Whether pyenv would take `name` as it is: letters, digits and `._+-` only (a glob character, a `/`, a
    /// byte-order mark would each send it down another path), not starting with `-` (pyenv's commands would read it
    /// as an option), and not `system`, `.` or `..`.
    static func isPlainVersionName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), name != "system", name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"),
                UInt8(ascii: "-"):
                true
            default: false
            }
        }
    }

    private static func nearestVersionFile(from folder: String) -> String? {
        var folder = folder
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/.python-version"
            if isRegularFile(candidate) { return candidate }
            if folder == "/" || folder.isEmpty { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// `pyenv version-file-read`: the first word of each line that is not empty or a comment, byte for byte (a
    /// byte-order mark stays part of the word, as it does for pyenv); empty for a file that is missing, empty or
    /// not a regular file (a FIFO would block), nil when it has a line pyenv would read in pieces.
    static func readVersionFile(_ file: String) -> [String]? {
        guard isRegularFile(file), let handle = FileHandle(forReadingAtPath: file) else { return [] }
        defer { try? handle.close() }
        let limit = 65536
        guard let data = try? handle.read(upToCount: limit) else { return [] }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard data.count < limit, !lines.contains(where: { $0.count >= longestLine }) else { return nil }
        let separators: Set<UInt8> = [0x20, 0x09, 0x0D]
        return lines.compactMap { line in
            guard let word = line.split(whereSeparator: separators.contains).first,
                word.first != UInt8(ascii: "#")
            else { return nil }
            return String(decoding: word, as: UTF8.self)
        }
    }

    // MARK: - Hooks

    /// Whether every hook pyenv would source for `version-name`, `which` and `exec`, for `command`, is one of
    /// ``harmlessHooks`` in its own folder.
    static func hooksAreHarmless(
        root: String, prefix: String, command program: String, environment: [String: String]
    ) -> Bool {
        // As pyenv builds the list: empty entries kept (pyenv looks in `/which` for one), one leading one dropped.
        var folders: [String] = []
        if let given = environment["PYENV_HOOK_PATH"], !given.isEmpty {
            folders = given.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if folders.first == "" { folders.removeFirst() }
            // bash expands an unquoted glob in the list: which folders it names is not told here.
            if folders.contains(where: { $0.contains(where: { "*?[".contains($0) }) }) { return false }
        }
        folders.append(root + "/pyenv.d")
        if prefix != root { folders.append(prefix + "/pyenv.d") }
        folders += ["/usr/etc/pyenv.d", "/usr/local/etc/pyenv.d", "/etc/pyenv.d", "/usr/lib/pyenv/hooks"]
        let plugins = (try? FileManager.default.contentsOfDirectory(atPath: root + "/plugins")) ?? []
        folders += plugins.sorted().map { root + "/plugins/" + $0 + "/etc/pyenv.d" }
        for folder in folders {
            for command in ["version-name", "which", "exec"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + command)) ?? []
                for name in names where name.hasSuffix(".bash") {
                    let home = harmlessHooks[command + "/" + name]
                    guard let home, folder == root + home || folder == prefix + home else { return false }
                }
            }
        }
        // pip-rehash runs `pip-rehash/<command>` beside it in place of the command when there is one.
        for base in Set([root, prefix]) where isExecutableFile(base + "/pyenv.d/exec/pip-rehash/" + program) {
            return false
        }
        return true
    }

    /// bash's `-f`: a regular file, symlinks followed.
    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
