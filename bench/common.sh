# The set-up the program benchmarks share (bench/compare.sh, bench/figures-cold.sh): sourced, not run.
# Sets `here` (the repository), `work` (a temporary folder, removed on exit) and `cli` (the built program, started
# directly, as ./briefings starts it), after checking for GNU time and building the program once through ./briefings
# (it builds only when sources changed). Defines `median FILE EXPRESSION`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x /usr/bin/time ] || { echo "$(basename "$0"): GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

"$here/briefings" --version > /dev/null
cli="$here/src/Briefings.Cli/bin/launcher/Briefings.Cli"
# Run as ./briefings runs it (the launcher turns off the runtime's write-xor-execute mapping unless it is set).
export DOTNET_EnableWriteXorExecute="${DOTNET_EnableWriteXorExecute:-0}"

# median FILE EXPRESSION: the median over FILE's lines of an awk EXPRESSION of their fields ('$1', '$2 + $3').
median() { awk "{ print $2 }" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
