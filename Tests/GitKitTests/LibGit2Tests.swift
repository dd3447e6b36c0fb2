import FleetKit
import FleetTestSupport
import Foundation
import GitKit
import Synchronization
import Testing

@Suite("LibGit2: process-wide set-up", .tags(.git))
struct LibGit2Tests {
    @Test("bootstrap initialises libgit2 once, whichever thread calls it first")
    func bootstrapOnce() {
        let results = LockedResults<Int32>()
        DispatchQueue.concurrentPerform(iterations: 32) { _ in results.append(LibGit2.bootstrap()) }
        let values = results.values
        #expect(values.count == 32)
        // git_libgit2_init returns the number of initialisations: one, for the whole process.
        #expect(Set(values) == [1])
    }

    @Test("the version is the linked libgit2 in major.minor.revision form")
    func version() throws {
        let parts = LibGit2.version.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
        let major = try #require(Int(parts[0]))
        let minor = try #require(Int(parts[1]))
        #expect(major >= 1 && (major > 1 || minor >= 5), "fleet needs libgit2 1.5 or later")
        if let pkgConfig = try? ProcessRunner.run("pkg-config", ["--modversion", "libgit2"]), pkgConfig.isSuccess {
            #expect(pkgConfig.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == LibGit2.version)
        }
    }

    @Test("libgit2 was built with threads, https and ssh, which fleet relies on")
    func features() {
        let features = LibGit2.features
        #expect(features.contains("threads"))
        #expect(features.contains("https"))
        #expect(features.contains("ssh"))
        #expect(Set(features).isSubset(of: ["threads", "https", "ssh", "nsec"]))
    }
}

/// Values appended from many threads at once.
final class LockedResults<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) { storage.withLock { $0.append(value) } }

    var values: [Value] { storage.withLock { $0 } }
}
