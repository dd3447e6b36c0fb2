import FleetTestSupport
import Foundation
import GitKit
import Testing

@Suite("Repository: configuration and signatures", .tags(.git))
struct ConfigTests {
    @Test("configValue reads what setConfigValue wrote to the repository, and nil for an unset key")
    func values() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            #expect(try repository.configValue("fleet.nothing-here") == nil)
            try repository.setConfigValue("gitreview.topic", "remove-wsgi_scripts")
            #expect(try repository.configValue("gitreview.topic") == "remove-wsgi_scripts")
            // Another handle on the same repository sees it: it is in .git/config.
            #expect(
                try Repository.open(at: try workTree(repository).path).configValue("gitreview.topic")
                    == "remove-wsgi_scripts")
            let config = try String(contentsOfFile: repository.gitDirectory + "/config", encoding: .utf8)
            #expect(config.contains("[gitreview]"))
            #expect(config.contains("topic = remove-wsgi_scripts"))
        }
    }

    @Test("configValues reads several keys from one snapshot: the set ones, the repository's over the global ones")
    func severalValues() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try repository.setConfigValue("user.email", "repo.person@example.org")
            try repository.setConfigValue("gitreview.topic", "remove-wsgi_scripts")
            let values = try repository.configValues(["user.email", "gitreview.topic", "fleet.nothing-here"])
            #expect(values == ["user.email": "repo.person@example.org", "gitreview.topic": "remove-wsgi_scripts"])
            #expect(try repository.configValues([]) == [:])
            let error = gitError { _ = try repository.configValues(["user.email", "no-section"]) }
            #expect(error?.function == "git_config_get_string(no-section)")
        }
    }

    @Test("configuredSignature uses the repository's user.name and user.email over the global ones")
    func signature() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            try repository.setConfigValue("user.name", "Config Person")
            try repository.setConfigValue("user.email", "config.person@example.org")
            let date = Date(timeIntervalSince1970: 1_720_000_000)
            let signature = try #require(try repository.configuredSignature(date: date))
            #expect(signature.name == "Config Person")
            #expect(signature.email == "config.person@example.org")
            #expect(signature.date == date)
            #expect(signature.offsetMinutes == TimeZone.current.secondsFromGMT(for: date) / 60)
            #expect(signature.identity == "Config Person <config.person@example.org>")

            let id = try repository.commit(message: "Signed\n", author: signature)
            #expect(try repository.commitInfo(id).author == signature)
        }
    }

    @Test("an invalid key is an error naming it")
    func invalidKey() throws {
        try withTemporaryDirectory { dir in
            let (repository, _) = try makeRepository(in: dir, files: ["a.txt": "a\n"])
            let error = gitError { _ = try repository.configValue("no-section") }
            #expect(error?.function == "git_config_get_string(no-section)")
            #expect(error?.message.contains("no-section") == true)
        }
    }
}
