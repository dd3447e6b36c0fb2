import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("fleet run: bad folders and full disks", .tags(.e2e, .git))
struct BadPathTests {
    @Test("--workspace or --report-dir naming a regular file is bad input: exit 64 naming the path, nothing cloned")
    func regularFile() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let file = fleet.directory.url.appendingPathComponent("plain-file")
        try Data("x\n".utf8).write(to: file)
        for option in ["--workspace", "--report-dir"] {
            let output = try fleet.run([option, file.path])
            #expect(output.status == 64, "\(option): \(output.stdout)\(output.stderr)")
            #expect(output.stderr.contains(file.path), "\(output.stderr)")
            #expect(output.stderr.contains("is a file, not a folder"), "\(output.stderr)")
            #expect(!output.stderr.contains("NSCocoaErrorDomain"))
        }
        #expect(!FileManager.default.fileExists(atPath: fleet.workspace.appendingPathComponent("repos/openstack").path))
    }

    @Test("a report folder that holds other files and no fleet report is refused with exit 64; a fleet report is not")
    func foreignReportFolder() throws {
        let fleet = try RunFixture(names: ["nova"])
        defer { fleet.directory.remove() }
        let foreign = fleet.directory.url.appendingPathComponent("home")
        try writeFiles(["notes.txt": "mine\n", "bin/tool": "#!/bin/sh\n"], under: foreign)
        let output = try fleet.run(["--report-dir", foreign.path])
        #expect(output.status == 64, "\(output.stdout)\(output.stderr)")
        #expect(output.stderr.contains(foreign.path))
        #expect(output.stderr.contains("holds no fleet report"), "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path).sorted() == ["bin", "notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: fleet.workspace.appendingPathComponent("repos/openstack").path))

        let report = fleet.directory.url.appendingPathComponent("report")
        #expect(try fleet.run(["--report-dir", report.path]).status == 0)
        #expect(try fleet.run(["--report-dir", report.path]).status == 0)

        let merge = try runFleet([
            "report", report.appendingPathComponent("summary.json").path, "--report-dir", foreign.path,
        ])
        #expect(merge.status == 64, "\(merge.stdout)\(merge.stderr)")
        #expect(
            merge.stderr.contains(
                "\(foreign.path): error: --report-dir is a folder that is not empty and holds no fleet report"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path).sorted() == ["bin", "notes.txt"])
    }

    @Test(
        "a full disk says 'no space left on' per repo, still prints the table, and leaves no old summary.json",
        .enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func fullDisk() throws {
        let fleet = try RunFixture(names: ["nova", "heat"])
        defer { fleet.directory.remove() }
        let disk = fleet.directory.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try ProcessRunner.run("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.path])
        guard mount.isSuccess else {
            print("skipped: cannot mount a tmpfs: \(mount.stderr)")
            return
        }
        defer { _ = try? ProcessRunner.run("umount", [disk.path]) }
        let report = disk.appendingPathComponent("report")
        let first = try fleet.run(["--report-dir", report.path])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let old = try SummaryFile.load(from: report.appendingPathComponent("summary.json"))

        // Fill the disk, then run again with the workspace on it.
        _ = try ProcessRunner.run("dd", ["if=/dev/zero", "of=\(disk.path)/filler", "bs=4k"])
        let second = try fleet.run(["--report-dir", report.path, "--workspace", disk.appendingPathComponent("ws").path])
        #expect(second.status != 0)
        #expect(second.stdout.contains("2 repos: 2 failed"), "\(second.stdout)\(second.stderr)")
        for name in ["openstack/nova", "openstack/heat"] {
            let line = second.stdout.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            #expect(line?.contains("no space left on \(disk.path)") == true, "\(second.stdout)")
        }
        #expect(!(second.stdout + second.stderr).contains("NSCocoaErrorDomain"))
        if let now = try? SummaryFile.load(from: report.appendingPathComponent("summary.json")) {
            #expect(now.started != old.started)
            #expect(now.totals["failed"] == 2)
        }
    }
}
