import FleetKit
import FleetTestSupport
import Foundation
import Testing

@Suite("Reading input files")
struct InputTextTests {
    @Test("a file that is not UTF-8 is named, with the position of its first bad byte")
    func notUTF8() throws {
        try withTemporaryDirectory { directory in
            let url = directory.url.appendingPathComponent("latin1.yaml")
            try Data("version: 1\nplan: caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: url)
            #expect(
                throws: InputError([
                    Diagnostic(
                        file: "latin1.yaml", line: 2, column: 10,
                        message: "the file is not UTF-8 text (byte 0xe9)")
                ])
            ) { try InputText.read(url, file: "latin1.yaml") }
            #expect(throws: InputError.self) { try ManifestLoader.load(from: url) }
        }
    }

    @Test("a missing file and a folder are clear errors naming the file")
    func missingAndFolder() throws {
        try withTemporaryDirectory { directory in
            let missing = directory.url.appendingPathComponent("nope.yaml")
            #expect(
                throws: InputError([Diagnostic(file: missing.path, message: "cannot read the file: no such file")])
            ) { try ManifestLoader.load(from: missing) }
            #expect(
                throws: InputError([
                    Diagnostic(
                        file: directory.url.path,
                        message: "cannot read the file: it is a folder")
                ])
            ) { try ManifestLoader.load(from: directory.url) }
        }
    }

    @Test("an unreadable file is a clear error naming the file", .enabled(if: getuid() != 0, "root reads any file"))
    func unreadable() throws {
        try withTemporaryDirectory { directory in
            let url = directory.url.appendingPathComponent("secret.yaml")
            try Data("version: 1\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
            #expect(
                throws: InputError([
                    Diagnostic(
                        file: "secret.yaml",
                        message: "cannot read the file: permission denied")
                ])
            ) { try InputText.read(url, file: "secret.yaml") }
        }
    }
}
