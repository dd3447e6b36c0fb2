import FleetKit
import Foundation

/// Debian's OpenSSH server on 127.0.0.1 at a free port, with a host key and a client key made for one test:
/// the way OpenStack developers reach Gerrit, without the network.
///
/// Clients get `home`, a folder to use as `HOME`, whose `.ssh/known_hosts` trusts the server's host key
/// (libgit2 checks host keys against it), and `clientKey`, the private key the server accepts for root.
public final class SSHServer {
    /// The folder holding the keys, the config and the log.
    public let directory: URL
    /// A `HOME` for clients: `.ssh/known_hosts` trusts this server.
    public let home: URL
    /// The client's private key (PEM), accepted for `root`.
    public let clientKey: URL
    private let server: ServerProcess
    private let pidFile: URL

    /// The port sshd listens on.
    public var port: Int { server.port }

    /// Whether `sshd` and `ssh-keygen` are installed here.
    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }

    /// Makes keys and starts sshd; throws when it cannot.
    public init(in directory: URL) throws {
        self.directory = directory
        home = directory.appendingPathComponent("home")
        clientKey = directory.appendingPathComponent("client_rsa")
        let hostKey = directory.appendingPathComponent("host_rsa")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        for key in [hostKey, clientKey] {
            // PEM RSA keys: what libssh2 (libgit2's SSH backend) reads everywhere.
            let made = try ProcessRunner.run(
                "/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", key.path])
            guard made.isSuccess else { throw TestServerError("ssh-keygen failed: \(made.stderr)") }
        }
        // sshd refuses to start without its privilege separation folder.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let authorized = directory.appendingPathComponent("authorized_keys")
        try FileManager.default.copyItem(at: clientKey.appendingPathExtension("pub"), to: authorized)
        let config = directory.appendingPathComponent("sshd_config")
        let pidFile = directory.appendingPathComponent("sshd.pid")
        self.pidFile = pidFile
        // sshd closes every inherited descriptor at start-up, including the one Foundation's Process watches to
        // learn a child has exited; Foundation then blocks in wait4() on it and no other child is ever reaped.
        // A shell that does not exec sshd keeps that descriptor open for as long as sshd runs.
        server = try ServerProcess.start("/bin/sh", logURL: directory.appendingPathComponent("sshd.log")) { port in
            let text = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(hostKey.path)
                PidFile \(pidFile.path)
                AuthorizedKeysFile \(authorized.path)
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                PubkeyAcceptedAlgorithms +ssh-rsa
                HostKeyAlgorithms +ssh-rsa

                """
            try? Data(text.utf8).write(to: config)
            return ["-c", "/usr/sbin/sshd -D -e -f '\(config.path)'; exit $?"]
        }
        let publicHostKey = try String(contentsOf: hostKey.appendingPathExtension("pub"), encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        let knownHosts = "[127.0.0.1]:\(server.port) \(publicHostKey)\n127.0.0.1 \(publicHostKey)\n"
        try Data(knownHosts.utf8).write(to: home.appendingPathComponent(".ssh/known_hosts"))
    }

    /// The `ssh://` URL of a repository folder on this server.
    public func url(for path: URL) -> String {
        "ssh://root@127.0.0.1:\(port)\(path.path)"
    }

    /// The environment a `fleet` child process needs to reach this server.
    public var clientEnvironment: [String: String] {
        ["HOME": home.path, "FLEET_SSH_KEY": clientKey.path, "SSH_AUTH_SOCK": ""]
    }

    /// What sshd logged, for failure messages.
    public func log() -> String { server.log() }

    /// Stops sshd (by its pid file: the shell above it does not pass signals on) and its shell.
    public func stop() {
        if let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            kill(pid, SIGKILL)
        }
        server.stop()
    }

    deinit { stop() }
}
