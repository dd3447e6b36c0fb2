import FleetKit
import Testing

@Suite("Change-Id")
struct ChangeIDTests {
    @Test("is I and 40 lowercase hex digits, stable for a project, branch and topic")
    func stable() {
        let id = ChangeID.make(project: "openstack/nova", targetBranch: "master", topic: "remove-wsgi_scripts")
        #expect(ChangeID.isChangeID(id))
        #expect(id == ChangeID.make(project: "openstack/nova", targetBranch: "master", topic: "remove-wsgi_scripts"))
        let others = [
            ChangeID.make(project: "openstack/glance", targetBranch: "master", topic: "remove-wsgi_scripts"),
            ChangeID.make(project: "openstack/nova", targetBranch: "stable/2025.1", topic: "remove-wsgi_scripts"),
            ChangeID.make(project: "openstack/nova", targetBranch: "master", topic: "other-goal"),
            // Field boundaries matter: moving a "/" between fields must not give the same id.
            ChangeID.make(project: "openstack", targetBranch: "nova/master", topic: "remove-wsgi_scripts"),
        ]
        #expect(Set(others + [id]).count == 5)
    }

    @Test("is the SHA-1 of a fixed seed, so it never changes between fleet versions")
    func knownValue() {
        // printf 'fleet change-id v1\nproject openstack/nova\nbranch master\ntopic remove-wsgi_scripts\n' \
        //   | git hash-object --stdin
        #expect(
            ChangeID.make(project: "openstack/nova", targetBranch: "master", topic: "remove-wsgi_scripts")
                == "I358b5fe80e9dece6fb223add9b21eccfb8489e0b")
    }

    @Test(
        "reads the trailer of the last paragraph",
        arguments: [
            ("Subject\n\nBody.\n\nChange-Id: I\(hex40)\n", "I\(hex40)" as String?),
            ("Subject\n\nBody.\n\nTopic: x\nSigned-off-by: A <a@b>\nChange-Id: I\(hex40)\n\n\n", "I\(hex40)"),
            ("Subject\n\nBody.\n\nchange-id:   I\(hex40)  \nOther: y", "I\(hex40)"),
            ("Subject\r\n\r\nChange-Id: I\(hex40)\r\n", "I\(hex40)"),
            // A trailer above the last paragraph is body text, not a footer.
            ("Subject\n\nChange-Id: I\(hex40)\n\nBody after it.\n", nil),
            // The subject line is never a footer.
            ("Change-Id: I\(hex40)\n", nil),
            // Not a well-formed id.
            ("Subject\n\nChange-Id: I\(hex40.uppercased())\n", nil),
            ("Subject\n\nChange-Id: I1234\n", nil),
            // Indented or prefixed lines are not footers; other lines of the paragraph are skipped.
            ("Subject\n\n  Change-Id: I\(hex40)\n", nil),
            ("Subject\n\nSee the notes.\nChange-Id: I\(hex40)\n", "I\(hex40)"),
            ("", nil),
        ])
    func find(message: String, expected: String?) {
        #expect(ChangeID.find(in: message) == expected)
    }

    @Test("finds the Change-Id the message builder wrote")
    func roundTrip() {
        let id = ChangeID.make(project: "openstack/nova", targetBranch: "master", topic: "remove-wsgi_scripts")
        #expect(ChangeID.find(in: "Subject\n\nBody\n\nTopic: remove-wsgi_scripts\nChange-Id: \(id)\n") == id)
    }
}

private let hex40 = "0123456789abcdef0123456789abcdef01234567"
