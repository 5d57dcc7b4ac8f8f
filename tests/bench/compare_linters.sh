#!/usr/bin/env bash
# `devzero lint-docs` against three npm docs linters on the same pages, side
# by side in one run: wall time and peak resident memory of each (GNU time),
# and how many times faster lint-docs is than the fastest of them. Not run
# by CTest (it installs from npm and takes about a minute).
#
#   tests/bench/compare_linters.sh BUILD_DIR [TOOLS_DIR] [DOCS_DIR]
#
# BUILD_DIR  a build tree holding app/devzero.
# TOOLS_DIR  where markdownlint-cli2, write-good and alex are installed with
#            npm when missing (default BUILD_DIR/linters); never the checkout.
# DOCS_DIR   the pages (every *.md under it); default: the argo-cd corpus
#            (../shared/corpora/argo-cd-docs.bundle, or $DEVZERO_CORPORA)
#            cloned into a temporary folder, its docs/ folder.
#
# Each tool runs RUNS times (default 3), the tools taking turns, so that a
# burst of load on a shared machine hits them alike; the median wall time
# and the largest peak RSS are printed, with the median CPU time (user +
# system), which a busy shared machine inflates less than the wall time.
# Exit statuses are ignored: linters exit non-zero when they find something.
set -euo pipefail

build=$(cd "${1:?usage: compare_linters.sh BUILD_DIR [TOOLS_DIR] [DOCS_DIR]}" && pwd)
tools=${2:-$build/linters}
docs=${3:-}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
devzero=$build/app/devzero

[ -x "$devzero" ] || { echo "no devzero at $devzero: build the devzero target first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }
command -v npm >/dev/null || { echo "needs node and npm" >&2; exit 1; }
case "$(cd "$(dirname "$tools")" 2>/dev/null && pwd)/" in
    "$source_dir"/*) echo "TOOLS_DIR must be outside the checkout ($source_dir)" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "$docs" ]; then
    bundle=${DEVZERO_CORPORA:-$source_dir/../shared/corpora}/argo-cd-docs.bundle
    [ -f "$bundle" ] || { echo "no corpus bundle at $bundle; pass DOCS_DIR" >&2; exit 1; }
    git clone -q "$bundle" "$work/argo-cd"
    docs=$work/argo-cd/docs
fi
docs=$(cd "$docs" && pwd)

mkdir -p "$tools"
tools=$(cd "$tools" && pwd)
if [ ! -x "$tools/node_modules/.bin/markdownlint-cli2" ] || [ ! -x "$tools/node_modules/.bin/write-good" ] \
    || [ ! -x "$tools/node_modules/.bin/alex" ]; then
    echo "installing markdownlint-cli2, write-good and alex into $tools ..." >&2
    (cd "$tools" && { [ -f package.json ] || npm init -y >/dev/null; } \
        && npm install --no-audit --no-fund --loglevel=error markdownlint-cli2 write-good alex >/dev/null)
fi
bin=$tools/node_modules/.bin

# The same files for every tool, in one invocation each.
mapfile -t pages < <(cd "$docs" && find . -name '*.md' -not -path '*/node_modules/*' | sort)
[ "${#pages[@]}" -gt 0 ] || { echo "no *.md under $docs" >&2; exit 1; }
bytes=$(cd "$docs" && cat "${pages[@]}" | wc -c)

version() { node -e "console.log(require('$tools/node_modules/$1/package.json').version)"; }
echo "pages: ${#pages[@]} Markdown files, $((bytes / 1024)) KiB, under $docs"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "devzero $("$devzero" --version | cut -d' ' -f2), markdownlint-cli2 $(version markdownlint-cli2), write-good $(version write-good), alex $(version alex), node $(node --version)"

# run NAME COMMAND...: one timed run in the docs folder; appends "wall_s rss_kb cpu_s".
run() {
    local name=$1
    shift
    (cd "$docs" && /usr/bin/time -f '%e %M %U %S' -o "$work/$name.last" "$@" >/dev/null 2>&1) || true
    tail -1 "$work/$name.last" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >> "$work/$name.runs"
}

names=(devzero-lint-docs markdownlint-cli2 write-good alex)
for ((i = 0; i < runs; i++)); do
    run devzero-lint-docs "$devzero" lint-docs . --format json
    run markdownlint-cli2 "$bin/markdownlint-cli2" "${pages[@]}"
    run write-good "$bin/write-good" "${pages[@]}"
    run alex "$bin/alex" "${pages[@]}"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-20s %14s %14s %14s\n' tool "wall s (med.)" "CPU s (med.)" "peak RSS MB"
declare -A wall cpu
for name in "${names[@]}"; do
    wall[$name]=$(cut -d' ' -f1 "$work/$name.runs" | median)
    cpu[$name]=$(cut -d' ' -f3 "$work/$name.runs" | median)
    rss=$(cut -d' ' -f2 "$work/$name.runs" | sort -n | tail -1)
    printf '%-20s %14s %14s %14.1f\n' "$name" "${wall[$name]}" "${cpu[$name]}" "$(echo "$rss / 1024" | bc -l)"
done
fastest=
for name in markdownlint-cli2 write-good alex; do
    if [ -z "$fastest" ] || [ "$(echo "${wall[$name]} < ${wall[$fastest]}" | bc -l)" = 1 ]; then
        fastest=$name
    fi
done
ours=${wall[devzero-lint-docs]}
# GNU time reports wall time in hundredths: floor at 0.01 s.
if [ "$(echo "$ours < 0.01" | bc -l)" = 1 ]; then ours=0.01; fi
ours_cpu=${cpu[devzero-lint-docs]}
if [ "$(echo "$ours_cpu < 0.01" | bc -l)" = 1 ]; then ours_cpu=0.01; fi
printf 'fastest npm tool: %s; lint-docs is %.1fx faster in wall time (%s s vs %s s), %.1fx in CPU time (%s s vs %s s); %d runs each\n' \
    "$fastest" "$(echo "${wall[$fastest]} / $ours" | bc -l)" "$ours" "${wall[$fastest]}" \
    "$(echo "${cpu[$fastest]} / $ours_cpu" | bc -l)" "$ours_cpu" "${cpu[$fastest]}" "$runs"
