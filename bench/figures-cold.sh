#!/usr/bin/env bash
# What figures cost a cold process: the Q3 2023 digest alone (three figures: two charts and a map), rendered to PDF
# and Word by the built program, with the default templates and with a copy whose '{{ figure ... }}' calls are taken
# out, run interleaved (one of each per round). Prints the median wall time, processor time (user + system) and peak
# memory of each, and the difference. bench/Briefings.FigureBench measures the same pack's figures in a warm process.
#
#   bench/figures-cold.sh [ROUNDS]        default: 10
#
# Needs /usr/bin/time (GNU time).
rounds="${1:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Two project folders: the sample records, and the default templates as they are or without their figures.
for variant in with without; do
  mkdir -p "$work/$variant"
  ln -s "$here/data" "$work/$variant/data"
  cp -r "$here/templates" "$work/$variant/templates"
done
sed -i -E 's/\{\{ figure [^}]*\}\}//' "$work/without/templates/"*.sbn

# The digest is one pack of the quarter's plan: the shard that holds it.
shard=""
for ((k = 1; k <= 5; k++)); do
  if (cd "$work/with" && "$cli" quarter 2023Q3 --plan --shard "$k/5") | grep -q '^digest-2023q3 '; then shard="$k/5"; break; fi
done
[ -n "$shard" ] || { echo "figures-cold.sh: the digest was not found in the 2023Q3 plan" >&2; exit 1; }

measure() {
  local name="$1"
  cd "$work/$name"
  rm -rf out
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$cli" quarter 2023Q3 --shard "$shard" --force --out out --quiet > /dev/null 2> "$work/stderr.txt" \
    || { echo "figures-cold.sh: $name failed:" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt" >> "$work/$name.txt"
}

for ((i = 1; i <= rounds; i++)); do
  measure with
  measure without
done

printf 'Q3 2023 digest (pdf+docx), a new process each run, %d interleaved rounds, medians (load average %s)\n\n' "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-24s %9s %9s %10s\n' "templates" "wall s" "cpu s" "peak MB"
for variant in with without; do
  printf '%-24s %9.3f %9.3f %10.0f\n' "$variant figures" "$(median "$work/$variant.txt" '$1')" "$(median "$work/$variant.txt" '$2 + $3')" \
    "$(awk -v k="$(median "$work/$variant.txt" '$4')" 'BEGIN { print k / 1024 }')"
done
printf '%-24s %9.3f %9.3f\n' "cost of the figures" \
  "$(awk -v a="$(median "$work/with.txt" '$1')" -v b="$(median "$work/without.txt" '$1')" 'BEGIN { print a - b }')" \
  "$(awk -v a="$(median "$work/with.txt" '$2 + $3')" -v b="$(median "$work/without.txt" '$2 + $3')" 'BEGIN { print a - b }')"
