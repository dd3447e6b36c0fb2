import Testing

extension Tag {
    /// Tests that touch libgit2.
    @Tag public static var git: Self
    /// Tests that run the built `fleet` binary end to end (slow).
    @Tag public static var e2e: Self
    /// Tests that run real Python tooling (py_compile, reno, gunicorn, pbr).
    @Tag public static var python: Self
}
