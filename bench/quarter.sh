#!/usr/bin/env bash
# Batch benchmark: renders generated quarters of about 100 and 1,000 packs (pdf+docx) with --jobs 1 and
# --jobs 2, interleaved in one run, and prints packs/s, pages/s, peak memory and the speed-up.
# Usage: bench/quarter.sh [ROUNDS]   (default 3; the median of the rounds is reported)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The program users run: ./briefings builds the program once (natively where a C toolchain is installed), then starts it directly.
"$here/briefings" --version >/dev/null
dotnet build "$here/bench/Briefings.Bench" -c Release -v q -nologo >/dev/null
cli=("$here/briefings")
gen=(dotnet "$here/bench/Briefings.Bench/bin/Release/net10.0/Briefings.Bench.dll" generate)
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# About 100 packs: 85 meetings with 14 countries, plus their profiles and the digest; about 1,000: 940 with 59.
"${gen[@]}" --out "$work/q100" --meetings 85 --countries 14 --seed 100 >/dev/null
"${gen[@]}" --out "$work/q1000" --meetings 940 --countries 59 --seed 1000 >/dev/null
for set in q100 q1000; do "${cli[@]}" validate --data "$work/$set" >/dev/null; done

results="$work/results.txt"
for round in $(seq "$rounds"); do
  for set in q100 q1000; do
    for jobs in 1 2; do
      out="$work/out-$set-$jobs"
      /usr/bin/time -f "%e %M" -o "$work/time" "${cli[@]}" quarter 2025Q1 --data "$work/$set" --templates "$here/templates" \
        --out "$out" --format pdf,docx --jobs "$jobs" --force --quiet >/dev/null
      read -r seconds kb < "$work/time"
      index="$out/quarter-2025q1/index.json"
      packs=$(grep -c '"pack":' "$index")
      pages=$(grep -o '"pages": [0-9]*' "$index" | awk '{s+=$2} END {print s}')
      echo "$set $jobs $seconds $kb $packs $pages" >> "$results"
    done
  done
done

printf '%-6s %4s %6s %7s %9s %9s %8s %9s\n' set jobs packs pages seconds packs/s peak_MB pages/s
for set in q100 q1000; do
  for jobs in 1 2; do
    grep "^$set $jobs " "$results" | sort -k3 -n | awk -v n="$rounds" 'NR == int((n + 1) / 2) {
      printf "%-6s %4s %6d %7d %9.2f %9.1f %8.0f %9.0f\n", $1, $2, $5, $6, $3, $5 / $3, $4 / 1024, $6 / $3 }'
  done
done | tee "$work/table"
awk '{ t[$1 " " $2] = $5; m[$1 " " $2] = $7; p[$1] = $3 }
  END {
    printf "speed-up with 2 jobs: q100 %.2fx, q1000 %.2fx\n", t["q100 1"] / t["q100 2"], t["q1000 1"] / t["q1000 2"]
    printf "1,000 vs 100 packs (2 jobs): time %.2fx for %.1fx the packs, memory %.2fx\n", t["q1000 2"] / t["q100 2"], p["q1000"] / p["q100"], m["q1000 2"] / m["q100 2"]
  }' "$work/table"
