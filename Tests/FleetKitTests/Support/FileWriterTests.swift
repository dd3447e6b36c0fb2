import FleetTestSupport
import Foundation
import Testing

@testable import FleetKit

@Suite("file writes without fsync")
struct FileWriterTests {
    @Test("write creates and truncates; writeAtomically replaces by rename and leaves no temporary file")
    func writes() throws {
        try withTemporaryDirectory { dir in
            let path = dir.path("a.txt")
            try FileWriter.write(Data("a long first text\n".utf8), to: path)
            try FileWriter.write(Data("short\n".utf8), to: path)
            #expect(readFile("a.txt", under: dir.url) == "short\n")

            let original = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
            try FileWriter.writeAtomically(Data("replaced\n".utf8), to: path)
            #expect(readFile("a.txt", under: dir.url) == "replaced\n")
            let replaced = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
            #expect(original != replaced, "a new file was renamed into place")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["a.txt"])
        }
    }

    @Test("a write that cannot happen names the file and the reason, and leaves nothing behind")
    func failures() throws {
        try withTemporaryDirectory { dir in
            let missing = dir.path("no/such/folder/a.txt")
            #expect(throws: FileWriteError(path: missing, code: ENOENT)) { try FileWriter.write(Data(), to: missing) }
            let error = #expect(throws: FileWriteError.self) { try FileWriter.writeAtomically(Data(), to: missing) }
            #expect(error?.localizedDescription == "cannot write \(missing): no such file or directory")
            let full = FileWriteError(path: missing, code: ENOSPC)
            #expect(
                FileSystemErrorText.noSpace(full, fallbackPath: "/")
                    == "no space left on \(missing): free some space and run again")
            try FileManager.default.createDirectory(
                at: dir.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
            #expect(throws: FileWriteError.self) { try FileWriter.writeAtomically(Data("x".utf8), to: dir.path("sub")) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["sub"])
        }
    }
}
