#!/usr/bin/env bash
# Long run of the record-loader fuzzer: scripts/fuzz.sh N [FIRST]
# Runs cases FIRST..FIRST+N-1 (default 10000 from 0) of LoaderFuzzTests, each generated from its own seed,
# so a failure is reproduced by running its case number alone (scripts/fuzz.sh 1 CASE). Prints the figures:
# crashes, slowest case, total time, peak managed heap and peak working set of the test process.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
FUZZ_CASES="${1:-10000}" FUZZ_FIRST="${2:-0}" FUZZ_REPORT="$report" \
  dotnet test "$here/tests/Briefings.Records.Tests" --filter "FullyQualifiedName~LoaderFuzzTests.Mutated_sample_records" \
  --logger "console;verbosity=minimal"
cat "$report"
