#!/usr/bin/env bash
# Run the release `fleet` on the real-trees fleet that fetch.sh made, cold
# (empty workspace) then warm (nothing changed), and print the results.
#
#   benchmarks/real-trees/run.sh [OUT] [JOBS]    (defaults /tmp/fleet-real-trees, 4)
#
# The workspace is $OUT/ws (clones in $OUT/ws/repos/openstack/<repo>, the
# report in $OUT/ws/report). Wall times go to $OUT/times.txt.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(cd "${1:-/tmp/fleet-real-trees}" && pwd)
jobs=${2:-4}
bin=$(cd "$root" && swift build -c release --show-bin-path)/fleet
[ -x "$bin" ] || { echo "no release build: run 'swift build -c release --static-swift-stdlib --product fleet' in $root" >&2; exit 1; }
[ -f "$out/manifest.yaml" ] || { echo "no $out/manifest.yaml: run fetch.sh first" >&2; exit 1; }
ws="$out/ws"
rm -rf "$ws"
: >"$out/times.txt"

timed() {  # timed LABEL: run fleet, record wall and CPU seconds and the exit status
    local label=$1 status TIMEFORMAT='%R %U %S' t
    t=$( { time "$bin" run "$out/manifest.yaml" --jobs "$jobs" --workspace "$ws" \
        >"$out/$label.stdout" 2>"$out/$label.stderr"; echo "status $?" >"$out/$label.status"; } 2>&1 )
    status=$(sed -n 's/^status //p' "$out/$label.status")
    read -r real user sys <<<"$t"
    printf '%s: %s s wall, %s s user, %s s sys, exit %s (jobs %s, load %s)\n' "$label" "$real" "$user" "$sys" \
        "$status" "$jobs" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/times.txt"
    cp "$ws/report/summary.json" "$out/$label.summary.json" 2>/dev/null || true
}

timed cold
timed warm
echo
cat "$ws/report/summary.md" 2>/dev/null || cat "$out/cold.stdout"
