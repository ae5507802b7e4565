#!/usr/bin/env bash
# Side-by-side benchmark: the same visit brief written by Briefings and, where installed, by pandoc (.docx) and
# pandoc + WeasyPrint (.pdf), run interleaved (one of each per round, so machine load hits all alike). Prints
# the median wall time and peak memory of each, the ratios, and the CLI's cold start (`--version`).
#
#   bench/compare.sh [MEETING_ID] [ROUNDS]        defaults: 2023-12-04-xi-lukashenko, 10
#
# Each Briefings run is a new process (a cold start: runtime, JIT, fonts). pandoc reads the Markdown Briefings
# renders for the same pack, so both write the same content. Needs /usr/bin/time (GNU time).
meeting="${1:-2023-12-04-xi-lukashenko}"
rounds="${2:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
data="$here/data"
cd "$here"

"$cli" visit "$meeting" --data "$data" --format md --out "$work/md" --quiet > /dev/null
markdown="$(ls "$work"/md/*/*.md)"

have_pandoc=0; have_weasy=0
command -v pandoc > /dev/null && have_pandoc=1
command -v weasyprint > /dev/null && [ "$have_pandoc" = 1 ] && have_weasy=1

# measure NAME COMMAND...: appends "seconds kilobytes" of one run to $work/NAME.
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" \
    || { echo "compare.sh: $name failed:" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt" >> "$work/$name"
}

for ((i = 1; i <= rounds; i++)); do
  rm -rf "$work/out"
  measure start      "$cli" --version
  measure docx       "$cli" visit "$meeting" --data "$data" --format docx --out "$work/out" --quiet
  measure pdf        "$cli" visit "$meeting" --data "$data" --format pdf --out "$work/out" --quiet
  measure pdf_docx   "$cli" visit "$meeting" --data "$data" --format pdf,docx --out "$work/out" --quiet
  [ "$have_pandoc" = 1 ] && measure pandoc_docx pandoc "$markdown" -o "$work/pandoc.docx"
  [ "$have_weasy" = 1 ] && measure pandoc_pdf pandoc "$markdown" --pdf-engine=weasyprint -o "$work/pandoc.pdf"
done

printf 'Briefings vs pandoc, %s, %d interleaved rounds, medians (load average %s)\n\n' "$meeting" "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s %9s %10s\n' "run" "wall s" "peak MB"
row() { [ -f "$work/$1" ] && printf '%-36s %9.2f %10.0f\n' "$2" "$(median "$work/$1" '$1')" "$(awk -v k="$(median "$work/$1" '$2')" 'BEGIN { print k / 1024 }')"; return 0; }
row start       "briefings --version (cold start)"
row docx        "briefings visit --format docx"
row pdf         "briefings visit --format pdf"
row pdf_docx    "briefings visit (pdf+docx)"
row pandoc_docx "pandoc -> .docx"
row pandoc_pdf  "pandoc + WeasyPrint -> .pdf"

ratio() { [ -f "$work/$1" ] && [ -f "$work/$2" ] && printf '%-36s %9.2fx\n' "$3" "$(awk -v a="$(median "$work/$1" '$1')" -v b="$(median "$work/$2" '$1')" 'BEGIN { print a / b }')"; return 0; }
echo
echo "ratios of wall time (below 1: Briefings is faster)"
ratio docx     pandoc_docx "briefings docx / pandoc docx"
ratio pdf_docx pandoc_docx "briefings pdf+docx / pandoc docx"
ratio pdf      pandoc_pdf  "briefings pdf / pandoc+WeasyPrint pdf"
[ "$have_pandoc" = 1 ] || echo "(pandoc is not installed: apt-get install pandoc)"
[ "$have_weasy" = 1 ] || echo "(WeasyPrint is not installed: apt-get install weasyprint)"
