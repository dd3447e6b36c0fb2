#!/usr/bin/env python3
"""Say what one PBR sdist holds for the WSGI goal, without unpacking it.

    inspect_sdist.py TARBALL [PACKAGE]

Prints one line: `<tarball> wsgi_scripts=<n> modules=<list>` where n is how many
`wsgi_scripts` entries setup.cfg declares and modules the `<pkg>/wsgi/*.py` files
(other than __init__.py without `application`) that define `application`.
Exit status 0 when setup.cfg declares wsgi_scripts, 1 when it does not.
"""
import configparser
import re
import sys
import tarfile


def main() -> int:
    path = sys.argv[1]
    with tarfile.open(path) as tar:
        names = tar.getnames()
        top = names[0].split("/")[0]
        member = f"{top}/setup.cfg"
        cfg_text = tar.extractfile(member).read().decode() if member in names else ""
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(cfg_text)
        package = sys.argv[2] if len(sys.argv) > 2 else None
        if package is None:
            packages = parser.get("files", "packages", fallback="").split()
            name = parser.get("metadata", "name", fallback=top.rsplit("-", 1)[0])
            package = packages[0] if packages else name.replace("-", "_")
        scripts = parser.get("entry_points", "wsgi_scripts", fallback="")
        entries = [line for line in scripts.splitlines() if line.strip()]
        modules = []
        prefix = f"{top}/{package}/wsgi/"
        for name in names:
            if name.startswith(prefix) and name.endswith(".py") and "/" not in name[len(prefix):]:
                text = tar.extractfile(name).read().decode(errors="replace")
                if re.search(r"^application\s*=", text, re.M):
                    modules.append(name[len(top) + 1:])
        if f"{top}/{package}/wsgi.py" in names:
            modules.append(f"{package}/wsgi.py (module, not package)")
    print(f"{path} package={package} wsgi_scripts={len(entries)} modules={','.join(modules) or '-'}")
    return 0 if entries else 1


if __name__ == "__main__":
    sys.exit(main())
