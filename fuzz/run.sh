#!/usr/bin/env bash
# Runs the cargo-fuzz targets, each for SECONDS (default 25), seeded with
# the dataset and the loader's bad-input fixtures.
#
#   fuzz/run.sh                      # smoke run: every target, 25 s each
#   fuzz/run.sh 3600 load_structured # one target for an hour
#   JOBS=2 fuzz/run.sh 1800          # two libFuzzer processes per target
#
# Needs a nightly-capable compiler: `cargo +nightly` when rustup has a
# nightly toolchain, otherwise stable with RUSTC_BOOTSTRAP=1. With neither,
# prints a notice and exits 0; under CI=true it prints the notice loudly.
# New corpus entries go to fuzz/corpus/TARGET (not committed); a crash
# writes its input to fuzz/artifacts/TARGET and fails the run.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-25}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_bytes load_structured export_formats)
jobs=${JOBS:-1}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
  echo "fuzz: using the nightly toolchain ($(rustc +nightly --version))"
elif RUSTC_BOOTSTRAP=1 rustc -Z help >/dev/null 2>&1; then
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
  echo "fuzz: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1 ($(rustc --version))"
else
  msg="fuzz: SKIPPED - no nightly-capable compiler (install one with \`rustup toolchain install nightly\`)"
  if [ "${CI:-}" = "true" ]; then
    printf '\n!!!!!!!!!!\n!!! %s\n!!!!!!!!!!\n\n' "$msg" >&2
  else
    echo "$msg" >&2
  fi
  exit 0
fi

"${fuzz[@]}" build -O --sanitizer none || { echo "fuzz: build failed"; exit 1; }
extra=()
[ "$jobs" -le 1 ] || extra=(-jobs="$jobs" -workers="$jobs")
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "--- fuzz $t for ${seconds}s"
  # Seeds: the dataset and every bad-input fixture (read, never written).
  status=0
  "${fuzz[@]}" run -O --sanitizer none "$t" "corpus/$t" ../data ../crates/core/tests/fixtures/bad -- \
    -max_total_time="$seconds" -print_final_stats=1 -max_len="${MAX_LEN:-8192}" -timeout=20 \
    -rss_limit_mb=2048 "${extra[@]}" > "logs/$t.log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|ERROR|panicked|SUMMARY' "logs/$t.log" | tail -n 12 || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "logs/$t.log"
    echo "fuzz: $t FAILED (exit $status; the input is in fuzz/artifacts/$t)"
    exit 1
  fi
done
