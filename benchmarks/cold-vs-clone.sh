#!/usr/bin/env bash
# Issue 11's measurement, in one script run: for each fleet size and each --jobs, `fleet run` cold (empty
# workspace) against the `git clone --no-hardlinks` floor at the same parallelism (xargs -P) and against a plain
# sequential shell loop that clones, branches and commits each repo; the warm re-run (ms per repo); peak memory
# (max RSS, /usr/bin/time); and the per-step split from summary.json's `steps`.
#
# usage: benchmarks/cold-vs-clone.sh [SIZES] [JOBS]        defaults: "108 600" "1 4 8"
#   env: FILES (150) and COMMITS (10) per repo, ROUNDS (3), FLEET (.build/release/fleet), KEEP=1 keeps the work
#   folder. The repos are OpenStack-shaped (make_fleet.py) and served as local paths, as in the issue. Release
#   build first: swift build -c release --static-swift-stdlib --product fleet (as the README builds it)
#
# Fairness: ext4 makes every file created within a minute or so of a mass deletion pay for skipping the deleted
# inodes (`recently_deleted`), which doubled one command's time and not the next one's when each measurement
# deleted the previous one's output. Here nothing is deleted until the script ends (600 repos need about 0.6 GB
# a measurement), and the floor and fleet alternate for ROUNDS rounds; the table gives each round and the median.
# Start it on a settled file system: not within five minutes of deleting a large tree.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"108 600"}
JOBS_LIST=${2:-"1 4 8"}
FILES=${FILES:-150}
COMMITS=${COMMITS:-10}
ROUNDS=${ROUNDS:-3}
FLEET=$(realpath "${FLEET:-.build/release/fleet}")
[ -x "$FLEET" ] || { echo "build first: swift build -c release --static-swift-stdlib --product fleet" >&2; exit 1; }
WORK=$(mktemp -d /tmp/fleet-cold-XXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(df --output=source "$WORK" | tail -1) \
(ROTA=$(lsblk -dno ROTA "$(df --output=source "$WORK" | tail -1)" 2>/dev/null | xargs)), \
$(git --version), fleet $("$FLEET" --version), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repos: $FILES files and $COMMITS commits each, local paths; times are wall seconds; $ROUNDS rounds"
echo

# Runs a command under /usr/bin/time; prints "<wall seconds> <max RSS MB>".
measure() {
  local out="$WORK/time.txt"
  /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null 2>"$WORK/stderr.txt" || true
  awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$out"
}

# Prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# A new output folder for each measurement (FRESH), never one a deletion freed.
RUN=0
fresh() { RUN=$((RUN + 1)); FRESH="$WORK/out$RUN"; }

for N in $SIZES; do
  SERVE="$WORK/serve$N"
  python3 benchmarks/make_fleet.py "$SERVE" "$N" "$FILES" "$COMMITS" >/dev/null
  ls -d "$SERVE"/openstack/*.git > "$WORK/repos$N.txt"
  {
    echo "version: 1"; echo "plan: remove-wsgi_scripts"; echo "defaults:"; echo "  branch: master"; echo "repos:"
    while read -r repo; do
      echo "  - name: openstack/$(basename "$repo" .git)"
      echo "    url: $repo"
    done < "$WORK/repos$N.txt"
  } > "$WORK/manifest$N.yaml"

  # The sequential loop: what a person's shell script would do; it does not depend on --jobs.
  fresh; LOOPDIR=$FRESH; mkdir -p "$LOOPDIR"
  cat > "$WORK/loop.sh" <<'SH'
#!/usr/bin/env bash
set -e
while read -r repo; do
  dst="$2/$(basename "$repo" .git)"
  git clone -q --no-hardlinks "$repo" "$dst"
  git -C "$dst" checkout -q -b remove-wsgi-scripts
  printf '\n[extras]\n' >> "$dst/setup.cfg"
  git -C "$dst" -c user.name=b -c user.email=b@x commit -qam "Remove wsgi_scripts"
done < "$1"
SH
  read -r LOOP _ < <(measure bash "$WORK/loop.sh" "$WORK/repos$N.txt" "$LOOPDIR")

  echo "### $N repositories (sequential clone+branch+commit loop: $LOOP s)"
  echo
  echo "| jobs | round | git clone floor (s) | fleet cold (s) | cold / floor | cold peak RSS (MB) | fleet warm (s) | warm per repo (ms) | warm peak RSS (MB) | migrated |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  STEPS=""
  for J in $JOBS_LIST; do
    RATIOS=(); WARMS=()
    for R in $(seq 1 "$ROUNDS"); do
      fresh; CLONES=$FRESH; mkdir -p "$CLONES"
      sync
      read -r FLOOR _ < <(measure xargs -P "$J" -I{} sh -c 'git clone -q --no-hardlinks "$1" "$2/$(basename "$1" .git)"' _ {} "$CLONES" < "$WORK/repos$N.txt")
      fresh; WS=$FRESH
      sync
      read -r COLD COLDMB < <(measure "$FLEET" run "$WORK/manifest$N.yaml" --workspace "$WS" --jobs "$J" --quiet)
      cp "$WS/report/summary.json" "$WORK/cold.json" 2>/dev/null || echo '{}' > "$WORK/cold.json"
      read -r WARM WARMMB < <(measure "$FLEET" run "$WORK/manifest$N.yaml" --workspace "$WS" --jobs "$J" --quiet)
      ROW=$(python3 - "$J" "$R" "$FLOOR" "$COLD" "$COLDMB" "$WARM" "$WARMMB" "$N" "$WORK/cold.json" "$WS/report/summary.json" <<'PY'
import json, sys
j, r, floor, cold, coldmb, warm, warmmb, n, coldjson, warmjson = sys.argv[1:]
floor, cold, warm, n = float(floor), float(cold), float(warm), int(n)
def statuses(path):
    try:
        repos = json.load(open(path)).get("repos", [])
    except (OSError, ValueError):
        return {}
    out = {}
    for repo in repos:
        out[repo.get("status")] = out.get(repo.get("status"), 0) + 1
    return out
cold_status, warm_status = statuses(coldjson), statuses(warmjson)
ok = f"{cold_status.get('migrated', 0)}/{n} (warm: {warm_status.get('up-to-date', 0)} up-to-date)"
print(f"{cold / floor:.2f} {warm * 1000 / n:.1f} | {j} | {r} | {floor:.2f} | {cold:.2f} | {cold / floor:.2f} | {coldmb} | {warm:.2f} | {warm * 1000 / n:.1f} | {warmmb} | {ok} |")
PY
)
      read -r RATIO WARMMS REST <<< "$ROW"
      RATIOS+=("$RATIO"); WARMS+=("$WARMMS")
      echo "$REST"
      [ "$R" = 1 ] || continue
      STEPS+=$(python3 - "$J" "$WORK/cold.json" <<'PY'
import json, sys
j, path = sys.argv[1:]
try:
    repos = json.load(open(path)).get("repos", [])
except (OSError, ValueError):
    repos = []
totals = {}
for repo in repos:
    for step, seconds in (repo.get("steps") or {}).items():
        totals[step] = totals.get(step, 0.0) + seconds
if totals:
    order = ["sync", "branch", "rewrite", "verify", "commit"]
    print(f"| {j} | " + " | ".join(f"{totals.get(name, 0) * 1000 / len(repos):.1f}" for name in order) + " |")
PY
)$'\n'
    done
    echo "| $J | **median** | | | **$(median "${RATIOS[@]}")** | | | **$(median "${WARMS[@]}")** | | |"
  done
  echo
  if [ -n "${STEPS//$'\n'/}" ]; then
    echo "Per-step split of the first round's cold runs (summary.json \`steps\`, mean ms per repo, summed over lanes):"
    echo
    echo "| jobs | sync | branch | rewrite | verify | commit |"
    echo "|---|---|---|---|---|---|"
    printf '%s' "$STEPS" | sed '/^$/d'
  fi
  echo
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
