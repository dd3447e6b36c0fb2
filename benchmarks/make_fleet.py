#!/usr/bin/env python3
"""Generate N OpenStack-shaped bare repositories for benchmarks.

Each repo has a PBR setup.cfg with wsgi_scripts, a package with the factory module, release notes,
devstack and docs, plus filler modules to reach a realistic size, and some history. Uses git fast-import.

usage: make_fleet.py OUT_DIR N [FILES_PER_REPO] [COMMITS]
"""
import os
import subprocess
import sys


def repo_files(name, files):
    pkg = name.replace("-", "_")
    out = {
        "setup.cfg": f"""[metadata]
name = {name}
summary = OpenStack {name}

[files]
packages =
    {pkg}

[entry_points]
console_scripts =
    {name}-manage = {pkg}.cmd.manage:main
wsgi_scripts =
    {name}-api-wsgi = {pkg}.api.app:init_application
""",
        "setup.py": "import setuptools\n\nsetuptools.setup(setup_requires=['pbr>=2.0.0'], pbr=True)\n",
        ".gitreview": f"[gerrit]\nhost=review.opendev.org\nport=29418\nproject=openstack/{name}.git\n",
        f"{pkg}/__init__.py": "",
        f"{pkg}/api/__init__.py": "",
        f"{pkg}/api/app.py": "def init_application():\n    return lambda e, s: [b'ok']\n",
        f"{pkg}/cmd/__init__.py": "",
        f"{pkg}/cmd/manage.py": "def main():\n    return 0\n",
        "releasenotes/notes/old-0123456789abcdef.yaml": "---\nfixes:\n  - Fixed.\n",
        "devstack/plugin.sh": f"uwsgi --wsgi-file $BIN_DIR/{name}-api-wsgi\n",
        "doc/source/install.rst": f"Run ``{name}-api-wsgi`` under uWSGI.\n",
    }
    for i in range(max(0, files - len(out))):
        body = "".join(f"def f{j}(x):\n    return x + {i * j}\n\n" for j in range(40))
        out[f"{pkg}/filler/m{i // 50}/mod{i}.py"] = body
    for d in {os.path.dirname(p) for p in out if p.startswith(f"{pkg}/filler/")}:
        out[f"{d}/__init__.py"] = ""
    return out


def fast_import_stream(name, files, commits):
    items = sorted(repo_files(name, files).items())
    lines = []
    per = max(1, len(items) // commits)
    for c in range(commits):
        chunk = items[c * per:(c + 1) * per] if c < commits - 1 else items[c * per:]
        lines.append("commit refs/heads/master\n")
        lines.append(f"committer Bench <bench@example.org> {1700000000 + c} +0000\n")
        msg = f"Commit {c} of {name}\n"
        lines.append(f"data {len(msg.encode())}\n{msg}")
        for path, text in chunk:
            data = text.encode()
            lines.append(f"M 100644 inline {path}\ndata {len(data)}\n")
            lines.append(data.decode() + "\n")
    return "".join(lines).encode()


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    commits = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        name = f"service{i:02d}"
        path = os.path.join(out, "openstack", f"{name}.git")
        subprocess.run(["git", "init", "-q", "--bare", "-b", "master", path], check=True)
        subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input=fast_import_stream(name, files, commits), check=True)
        subprocess.run(["git", "-C", path, "gc", "-q"], check=True)
    print(f"{n} repos, {files} files and {commits} commits each, in {out}")


if __name__ == "__main__":
    main()
