#!/usr/bin/env bash
# Times `fleet run` cold (empty workspace: every repo cloned) and warm (nothing changed: every repo up-to-date)
# at --jobs 1, 2, 4, 8, against `git clone` of the same repos at the same parallelism. The repos are served by a
# local `git daemon` over git:// so the server builds packs as a real remote does.
#
# usage: benchmarks/run-bench.sh [N_REPOS] [FILES_PER_REPO]      (release build: swift build -c release --static-swift-stdlib --product fleet)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-24}
FILES=${2:-600}
FLEET=${FLEET:-.build/release/fleet}
[ -x "$FLEET" ] || swift build -c release --static-swift-stdlib --product fleet >/dev/null
WORK=$(mktemp -d /tmp/fleet-bench-XXXX)
DAEMON=
trap '[ -n "$DAEMON" ] && kill $DAEMON 2>/dev/null || true; rm -rf "$WORK"' EXIT
python3 benchmarks/make_fleet.py "$WORK/serve" "$N" "$FILES" 30 >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
git daemon --reuseaddr --export-all --base-path="$WORK/serve" --listen=127.0.0.1 --port="$PORT" "$WORK/serve" &
DAEMON=$!
sleep 0.5
{
  echo "version: 1"; echo "plan: remove-wsgi_scripts"; echo "defaults:"
  echo "  branch: master"; echo "repos:"
  for i in $(seq -f "%02g" 0 $((N - 1))); do
    echo "  - name: openstack/service$i"
    echo "    url: git://127.0.0.1:$PORT/openstack/service$i.git"
  done
} > "$WORK/manifest.yaml"

now() { date +%s.%N; }
echo "| jobs | git clone (s) | fleet run cold (s) | fleet run warm (s) | warm per repo (ms) |"
echo "|---|---|---|---|---|"
for JOBS in 1 2 4 8; do
  rm -rf "$WORK/git" "$WORK/ws"; mkdir -p "$WORK/git"
  t0=$(now)
  seq -f "%02g" 0 $((N - 1)) | xargs -P "$JOBS" -I{} git clone -q "git://127.0.0.1:$PORT/openstack/service{}.git" "$WORK/git/service{}"
  t1=$(now)
  "$FLEET" run "$WORK/manifest.yaml" --workspace "$WORK/ws" --jobs "$JOBS" --quiet >/dev/null
  t2=$(now)
  "$FLEET" run "$WORK/manifest.yaml" --workspace "$WORK/ws" --jobs "$JOBS" --quiet >/dev/null
  t3=$(now)
  python3 - "$JOBS" "$t0" "$t1" "$t2" "$t3" "$N" <<'PY'
import sys
j, t0, t1, t2, t3, n = sys.argv[1], *map(float, sys.argv[2:6]), int(sys.argv[6])
print(f"| {j} | {t1 - t0:.2f} | {t2 - t1:.2f} | {t3 - t2:.2f} | {(t3 - t2) * 1000 / n:.1f} |")
PY
done
