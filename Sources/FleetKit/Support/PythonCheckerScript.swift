/// The program a ``PythonChecker`` process runs: a loop that compiles files in memory, one request a line.
///
/// Protocol, one line each way: it first says `READY <sys.executable>`; then, for every request line (a JSON array
/// `[absolute path, name to report]`), it answers `OK` or `ERROR <one-line message>`. End of input ends it, so it
/// dies with fleet even when fleet is killed. `compile()` writes no bytecode, and `-B` keeps its own imports from
/// writing any either. It first closes every descriptor it inherited beyond stdin, stdout and stderr (Glibc's
/// `posix_spawn_file_actions_addclosefrom_np` is not visible to Swift).
enum PythonCheckerScript {
    /// The interpreter's flags: isolated (no `PYTHON*` variables, no user site), no `site`, no bytecode.
    static let flags = ["-I", "-S", "-B"]

    /// The program, passed with `-c`.
    static let source = """
        import json, os, sys

        # Descriptors other code in fleet left inheritable (a test server's pipe, say) must not live on here.
        os.closerange(3, 1 << 16)

        def describe(error, name):
            if isinstance(error, SyntaxError):
                where = 'File "%s", line %s' % (error.filename or name, error.lineno)
                detail = "%s: %s" % (type(error).__name__, error.msg)
            else:
                where = 'File "%s"' % name
                detail = "%s: %s" % (type(error).__name__, error)
            return " ".join((where + ": " + detail).split())

        def main():
            read = sys.stdin.buffer.readline
            out = sys.stdout
            out.write("READY " + (sys.executable or "") + "\\n")
            out.flush()
            while True:
                line = read()
                if not line:
                    return
                name = "?"
                try:
                    path, name = json.loads(line)
                    with open(path, "rb") as f:
                        compile(f.read(), name, "exec", dont_inherit=True)
                    answer = "OK"
                except Exception as error:
                    answer = "ERROR " + describe(error, name)
                out.write(answer + "\\n")
                out.flush()

        main()
        """
}
