#!/usr/bin/env bash
# Build a local fleet of REAL OpenStack service trees, as they were before each
# service migrated from PBR `wsgi_scripts` to `<pkg>/wsgi/` modules, from their
# PyPI sdists (a PBR sdist holds every git-tracked file of the repository).
#
#   benchmarks/real-trees/fetch.sh [OUT]        (default /tmp/fleet-real-trees)
#
# Environment: PIP (default: pip; needs pbr and setuptools installed beside it,
# since pip prepares each sdist's metadata with --no-build-isolation), CACHE
# (where sdists are kept between runs, default $OUT/sdists).
#
# Makes, for each service:
#   $OUT/src/<repo>                     the unpacked tree, a git repo with one commit on master
#   $OUT/remotes/openstack/<repo>.git   a bare clone of it (what the manifest points at)
# and $OUT/manifest.yaml (plan remove-wsgi_scripts). run.sh runs fleet on it.
#
# The versions were picked with discover.sh: the newest release whose setup.cfg
# still declares wsgi_scripts and that has no <pkg>/wsgi/ module defining
# `application` yet. Not quite the git tree: setuptools rewrites setup.cfg with
# configparser when it makes an sdist (comments dropped, continuation lines
# indented with a tab, `key = ` with a trailing space on empty first lines).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-/tmp/fleet-real-trees}" && cd "${1:-/tmp/fleet-real-trees}" && pwd)
cache=${CACHE:-$out/sdists}
pip=${PIP:-pip}

# repo            PyPI name             version
services="
aodh              aodh                  20.0.1
barbican          barbican              20.0.0
blazar            blazar                14.0.1
cinder            cinder                25.3.1
cloudkitty        cloudkitty            21.0.1
cyborg            openstack-cyborg      13.0.0
designate         designate             20.0.2
freezer-api       freezer-api           17.0.0
glance            glance                29.2.1
heat              openstack-heat        23.0.0
ironic            ironic                26.1.6
ironic-inspector  ironic-inspector      12.5.0
keystone          keystone              25.0.0
magnum            magnum                19.0.1
manila            manila                19.1.1
masakari          masakari              18.0.0
mistral           mistral               20.2.0
neutron           neutron               24.2.2
nova              nova                  29.4.0
octavia           octavia               16.1.0
placement         openstack-placement   12.0.2
trove             trove                 26.0.0
watcher           python-watcher        13.1.0
zun               zun                   15.0.0
"

mkdir -p "$out/src" "$out/remotes/openstack" "$cache"
manifest="$out/manifest.yaml"
{
    echo "# Real OpenStack trees from PyPI sdists, made by benchmarks/real-trees/fetch.sh."
    echo "version: 1"
    echo "plan: remove-wsgi_scripts"
    echo "defaults:"
    echo "  branch: master"
    echo "repos:"
} >"$manifest.tmp"

echo "$services" | while read -r repo pypi version; do
    [ -n "$repo" ] || continue
    dir="$cache/$pypi-$version"
    if ! ls "$dir"/*.tar.gz >/dev/null 2>&1; then
        mkdir -p "$dir"
        "$pip" download -q --no-deps --no-binary :all: --no-build-isolation -d "$dir" "$pypi==$version" >&2
    fi
    tarball=$(ls "$dir"/*.tar.gz | head -1)
    src="$out/src/$repo"
    rm -rf "$src" "$out/remotes/openstack/$repo.git" "$src.unpack"
    mkdir -p "$src.unpack"
    tar xzf "$tarball" --no-same-owner -C "$src.unpack"
    mv "$src.unpack"/* "$src"
    rmdir "$src.unpack"
    # What PBR and setuptools generate at sdist time and git does not track.
    rm -rf "$src/AUTHORS" "$src/ChangeLog" "$src/PKG-INFO" "$src"/*.egg-info
    python3 "$here/strip_egg_info.py" "$src/setup.cfg"
    git -C "$src" init -q -b master
    git -C "$src" add -A -f .
    GIT_AUTHOR_NAME=fleet-real-trees GIT_AUTHOR_EMAIL=fleet@example.invalid \
    GIT_COMMITTER_NAME=fleet-real-trees GIT_COMMITTER_EMAIL=fleet@example.invalid \
    GIT_AUTHOR_DATE="2025-01-01T00:00:00Z" GIT_COMMITTER_DATE="2025-01-01T00:00:00Z" \
        git -C "$src" -c commit.gpgsign=false commit -q -m "Import $pypi $version from its PyPI sdist"
    git clone -q --bare "$src" "$out/remotes/openstack/$repo.git"
    {
        echo "  - name: openstack/$repo"
        echo "    url: file://$out/remotes/openstack/$repo.git"
        case $repo in
            freezer-api) echo "    package: freezer_api" ;;
            ironic-inspector) echo "    package: ironic_inspector" ;;
            keystone)
                echo "    servers:"
                echo "      keystone-wsgi-public: api"
                echo "      keystone-wsgi-admin: skip"
                ;;
            nova)
                echo "    servers:"
                echo "      nova-api-wsgi: osapi_compute"
                echo "      nova-metadata-wsgi: metadata"
                ;;
        esac
    } >>"$manifest.tmp"
    printf '%-18s %-20s %-8s %s\n' "$repo" "$pypi" "$version" "$(git -C "$src" ls-files | wc -l) files" >&2
done
mv "$manifest.tmp" "$manifest"
echo "$manifest" >&2
