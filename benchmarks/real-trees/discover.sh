#!/usr/bin/env bash
# Find, per service, the newest PyPI release whose setup.cfg still declares
# wsgi_scripts and that has no <pkg>/wsgi/ module defining `application` yet
# (a <pkg>/wsgi.py module, as neutron and masakari had, does not count)
# (the tree as it was before the service migrated). Walks the newest release
# of each major version, newest first. Prints one line per sdist it looked at,
# then "PICK <name> <version>". The picks are recorded in fetch.sh; re-run this
# only to re-check them.
#
#   benchmarks/real-trees/discover.sh [CACHE_DIR] [PYPI_NAME...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-/tmp/fleet-real-trees-sdists}; shift || true
pip=${PIP:-pip}
mkdir -p "$cache"
names=("$@")
# PyPI names (the repo name differs for cyborg, heat, placement and watcher)
[ ${#names[@]} -gt 0 ] || names=(aodh barbican blazar cinder cloudkitty openstack-cyborg designate freezer-api glance
    openstack-heat ironic ironic-inspector keystone magnum manila masakari mistral neutron nova octavia
    openstack-placement trove python-watcher zun)
for name in "${names[@]}"; do
    pkg=""
    case $name in freezer-api) pkg=freezer_api ;; ironic-inspector) pkg=ironic_inspector ;;
        openstack-placement) pkg=placement ;; esac
    versions=$($pip index versions "$name" 2>/dev/null | sed -n 's/^Available versions: //p' | tr -d ',')
    # newest release of each major version, newest first; skip pre-releases
    majors=$(printf '%s\n' $versions | grep -E '^[0-9]+(\.[0-9]+)*$' | awk -F. '!seen[$1]++')
    picked=""
    for v in $majors; do
        dir="$cache/$name-$v"
        if ! ls "$dir"/*.tar.gz >/dev/null 2>&1; then
            mkdir -p "$dir"
            $pip download -q --no-deps --no-binary :all: --no-build-isolation -d "$dir" "$name==$v" >/dev/null 2>&1 \
                || { echo "  $name $v: download failed"; continue; }
        fi
        tarball=$(ls "$dir"/*.tar.gz | head -1)
        line=$(python3 "$here/inspect_sdist.py" "$tarball" $pkg || true)
        pkg_shown=$(echo "$line" | sed -n 's/.* package=\([^ ]*\) .*/\1/p')
        echo "  $line"
        case $line in
            *"wsgi_scripts=0"*) continue ;;
            *"modules=-" | *"modules=$pkg_shown/wsgi.py (module, not package)") picked=$v; break ;;
        esac
    done
    echo "PICK $name ${picked:-none}"
done
