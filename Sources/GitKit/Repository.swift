import Clibgit2
import Foundation

/// An open git repository.
///
/// Owns its libgit2 handle and frees it in `deinit`.
///
/// - Important: deliberately not `Sendable`: libgit2 objects may be used by one thread at a time.
///   Open one `Repository` per worker and pass only value types between threads.
public final class Repository {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository at `path` (its work tree or, for a bare repository, its git folder).
    public static func open(at path: String) throws(GitError) -> Repository {
        LibGit2.bootstrap()
        let pointer = try make("git_repository_open(\(path))") { git_repository_open(&$0, path) }
        return Repository(pointer)
    }

    /// Creates a new, empty repository at `path`, making missing folders.
    /// - Parameters:
    ///   - path: the folder to create the repository in.
    ///   - bare: whether to make a bare repository (a "remote").
    ///   - initialBranch: the branch HEAD points at.
    /// - Returns: the new repository, open.
    /// - Throws: ``GitError`` when libgit2 cannot create it.
    public static func create(at path: String, bare: Bool = false, initialBranch: String = "master") throws(GitError)
        -> Repository
    {
        LibGit2.bootstrap()
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        var repository: OpaquePointer?
        let rc = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&repository, path, &options)
        }
        try check(rc, "git_repository_init_ext(\(path))")
        guard let repository else { throw GitError(function: "git_repository_init_ext", message: "no repository") }
        return Repository(repository)
    }

    /// Clones `url` (a local path, a `file://` URL or a network URL) into the new folder `path`.
    ///
    /// Prefer a plain local path over `file://` for local sources: libgit2 then copies objects directly
    /// instead of rebuilding a pack (spike pitfall 13). Credentials written into `url` are passed through the
    /// credential callback, never to libgit2 with the URL, so `.git/config` and the reflogs never hold them.
    public static func clone(
        from url: String, to path: String, branch: String? = nil, bare: Bool = false,
        options: RemoteOptions = .default
    ) throws(GitError) -> Repository {
        LibGit2.bootstrap()
        var cloneOptions = git_clone_options()
        try check(git_clone_options_init(&cloneOptions, UInt32(GIT_CLONE_OPTIONS_VERSION)), "git_clone_options_init")
        cloneOptions.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        // With filters on, libgit2 1.5 resolves every file's full path for its attribute lookup: 76,000 readlink
        // calls to check out nova. A fresh clone's files are written exactly as stored, which is what git
        // writes for the repositories fleet works on (no eol or filter-driver attributes), and status stays clean.
        cloneOptions.checkout_opts.disable_filters = 1
        cloneOptions.bare = bare ? 1 : 0
        let remote = RemoteURL(url)
        let shownURL = redactedURL(url)
        let url = remote.url
        var options = options
        options.credentials = options.credentials.filling(from: remote)
        // libgit2's own remote creation leaks memory for every config entry (see makeConfiguredRemote).
        cloneOptions.remote_cb = Repository.cloneRemoteCallback
        let context = RemoteCallbackContext(options: options, url: url)
        context.install(into: &cloneOptions.fetch_opts.callbacks)
        var repository: OpaquePointer?
        let rc: Int32 = withExtendedLifetime(context) {
            guard let branch else { return git_clone(&repository, url, path, &cloneOptions) }
            return branch.withCString { name in
                cloneOptions.checkout_branch = name
                return git_clone(&repository, url, path, &cloneOptions)
            }
        }
        try context.check(rc, "git_clone(\(shownURL))")
        guard let repository else { throw GitError(function: "git_clone", message: "no repository returned") }
        return Repository(repository)
    }

    /// The work tree folder, without a trailing slash; nil for a bare repository.
    public var workingDirectory: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        let text = String(cString: path)
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// The git folder (`.git`, or the repository itself when bare), without a trailing slash.
    public var gitDirectory: String {
        let text = String(cString: git_repository_path(pointer))
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Whether the repository has no work tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }
}
