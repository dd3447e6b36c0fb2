// MARK: - Top-level imports

extension PythonSource {
    /// The modules `text` imports at module level, in order and without repeats.
    ///
    /// Only unindented `import` and `from ... import` lines count: `import a.b` → `a.b`, `from a.b import c` →
    /// `a.b`, and `from <package> import c` → `<package>.c`, since a package's own submodules say more than the
    /// package. Relative imports are left out.
    static func topLevelImports(in text: String, package: String) -> [String] {
        var modules: [String] = []
        var continuing: String?
        for raw in TextLines.split(text) {
            let line = Substring(raw).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if let from = continuing {
                modules += importedModules(from: from, names: line, package: package)
                if line.contains(")") { continuing = nil }
                continue
            }
            guard let first = line.first, first != " ", first != "\t" else { continue }
            let words = line.split(whereSeparator: { " \t\r".contains($0) })
            if words.first == "import" {
                for item in words.dropFirst().joined(separator: " ").split(separator: ",") {
                    if let name = item.split(separator: " ").first { modules.append(String(name)) }
                }
            } else if words.first == "from", words.count >= 4, words[2] == "import", !words[1].hasPrefix(".") {
                let from = String(words[1])
                let names = line[(line.range(of: " import ")?.upperBound ?? line.endIndex)...]
                modules += importedModules(from: from, names: names, package: package)
                if names.contains("(") && !names.contains(")") { continuing = from }
            }
        }
        return modules.uniqued()
    }

    /// Whether `module`'s top-level name is in Python 3's standard library.
    static func isStandardLibrary(_ module: String) -> Bool {
        standardLibrary.contains(module.split(separator: ".").first.map(String.init) ?? module)
    }

    private static func importedModules(from: String, names: Substring, package: String) -> [String] {
        guard from == package else { return [from] }
        return names.split(separator: ",").compactMap { item in
            item.split(whereSeparator: { " \t\r()\\".contains($0) }).first.map { "\(from).\($0)" }
        }
    }

    /// Top-level modules of the Python 3 standard library (`sys.stdlib_module_names`, without the private ones).
    private static let standardLibrary: Set<String> = [
        "__future__", "abc", "argparse", "array", "ast", "asyncio", "atexit", "base64", "binascii", "bisect",
        "builtins", "bz2", "calendar", "cgi", "cmath", "cmd", "code", "codecs", "collections", "colorsys",
        "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "csv", "ctypes", "dataclasses",
        "datetime", "dbm", "decimal", "difflib", "dis", "email", "enum", "errno", "faulthandler", "fcntl",
        "filecmp", "fnmatch", "fractions", "functools", "gc", "getopt", "getpass", "gettext", "glob", "grp",
        "gzip", "hashlib", "heapq", "hmac", "html", "http", "imaplib", "importlib", "inspect", "io", "ipaddress",
        "itertools", "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox", "marshal", "math",
        "mimetypes", "mmap", "multiprocessing", "numbers", "operator", "os", "pathlib", "pickle", "pkgutil",
        "platform", "plistlib", "posix", "pprint", "pwd", "queue", "quopri", "random", "re", "reprlib", "resource",
        "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtplib", "socket",
        "socketserver", "sqlite3", "ssl", "stat", "statistics", "string", "struct", "subprocess", "sys",
        "sysconfig", "syslog", "tarfile", "tempfile", "termios", "textwrap", "threading", "time", "timeit",
        "token", "tokenize", "tomllib", "traceback", "tracemalloc", "types", "typing", "unicodedata", "unittest",
        "urllib", "uuid", "warnings", "weakref", "wsgiref", "xml", "xmlrpc", "zipfile", "zipimport", "zlib",
        "zoneinfo",
    ]
}
