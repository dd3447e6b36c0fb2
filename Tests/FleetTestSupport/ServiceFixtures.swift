import Foundation

/// Files of a small OpenStack-shaped service whose one `wsgi_scripts` entry points at a real factory.
public func serviceFiles(name: String, package: String? = nil, extraScript: Bool = false) -> [String: String] {
    let package = package ?? name.replacingOccurrences(of: "-", with: "_")
    var scripts = "    \(name)-api-wsgi = \(package).api.app:init_application\n"
    if extraScript { scripts += "    \(name)-api-wsgi-cfn = \(package).api.cfn:init_application\n" }
    let factory = """
        def _app(environ, start_response):
            start_response('200 OK', [('Content-Type', 'text/plain')])
            return [b'\(name)']


        def init_application():
            return _app

        """
    var files = [
        "setup.cfg": """
        [metadata]
        name = \(name)
        summary = OpenStack \(name) service

        [files]
        packages =
            \(package)

        [entry_points]
        console_scripts =
            \(name)-manage = \(package).cmd.manage:main
        wsgi_scripts =
        \(scripts)
        """,
        "setup.py": "import setuptools\n\nsetuptools.setup(setup_requires=['pbr>=2.0.0'], pbr=True)\n",
        ".gitreview": "[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/\(name).git\n",
        "\(package)/__init__.py": "",
        "\(package)/api/__init__.py": "",
        "\(package)/api/app.py": factory,
        "\(package)/cmd/__init__.py": "",
        "\(package)/cmd/manage.py": "def main():\n    return 0\n",
        "releasenotes/notes/old-note-0123456789abcdef.yaml": "---\nfixes:\n  - |\n    Fixed a thing.\n",
    ]
    if extraScript { files["\(package)/api/cfn.py"] = factory }
    return files
}

/// Writes a manifest listing `repos` (name → clone URL) with the built-in plan; returns its URL.
public func writeManifest(in directory: URL, repos: [(name: String, url: String)], extra: String = "") throws -> URL {
    var text = "version: 1\nplan: remove-wsgi_scripts\ndefaults:\n  branch: master\n\(extra)repos:\n"
    for repo in repos {
        text += "  - name: \(repo.name)\n    url: \(repo.url)\n"
    }
    let url = directory.appendingPathComponent("manifest.yaml")
    try Data(text.utf8).write(to: url)
    return url
}
