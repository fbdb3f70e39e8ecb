#!/usr/bin/env bash
# Fuzzes the Jazzer targets for real, at low priority (the machine may be shared).
# Usage: src/test/fuzz/run-all.sh [DURATION per target, e.g. 10m] [LANES]
#   LANES (default 1) fuzzers run side by side, each working through its share of the targets
#   one after another (target i goes to lane i mod LANES).
#   FUZZ_TARGETS="keysAndCertificates caDirectories=20m ..." picks targets by method name, in
#   that order, each optionally with its own duration.
# mvn verify only replays the seed corpora (regression mode); this is the real run. Findings
# land as crash-* files in the target's Inputs folder under src/test/resources, where they
# become regression seeds; the generated corpus stays in .cifuzz-corpus/ (not committed).
# Each target's libFuzzer statistics (executions, exec/s, coverage) and the CPU time its JVM
# used are in target/fuzz-logs/<target>.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
duration="${1:-10m}"
lanes="${2:-1}"
all=(
  "internal.jsse.ClientHelloFuzzTargets#clientHellos"
  "internal.ciphers.CipherStringFuzzTargets#cipherStrings"
  "internal.pem.PemFuzzTargets#keysAndCertificates"
  "internal.pem.PemFuzzTargets#caBundlesAndCadata"
  "internal.x509.CertificateDictFuzzTargets#certificateDictionaries"
  "internal.trust.CaDirectoryFuzzTargets#caDirectories"
  "internal.config.ConfigFuzzTargets#configFiles"
)
targets=()
if [[ -n "${FUZZ_TARGETS:-}" ]]; then
  for pick in $FUZZ_TARGETS; do
    found=""
    for t in "${all[@]}"; do
      if [[ "${t##*#}" == "${pick%%=*}" ]]; then found="$t"; fi
    done
    if [[ -z "$found" ]]; then
      echo "fuzz: no target named '${pick%%=*}'; known: ${all[*]##*#}" >&2
      exit 1
    fi
    if [[ "$pick" == *=* ]]; then targets+=("$found=${pick#*=}"); else targets+=("$found"); fi
  done
else
  targets=("${all[@]}")
fi
mvn -B -q -o test-compile
mkdir -p target/fuzz-logs

fuzz_one() {
  local t="${1%%=*}" d="$duration"
  if [[ "$1" == *=* ]]; then d="${1#*=}"; fi
  local name="${t##*.}" log
  log="target/fuzz-logs/$name.log"
  echo "fuzz: $t for $d ($(date -u +%H:%M:%S))"
  local TIMEFORMAT="fuzz: wall %R s, CPU user %U s, sys %S s"
  # Instrument BouncyCastle too: the key, certificate and ASN.1 parsing happens there.
  { time JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$d" JAZZER_INSTRUMENT="dev.pemtls.**,org.bouncycastle.**" \
      nice -n 19 mvn -B -q -o surefire:test \
      -Dtest="dev.pemtls.$t" -Dsurefire.failIfNoSpecifiedTests=false \
      -DredirectTestOutputToFile=false -DargLine=-Xmx512m > "$log" 2>&1 \
      || echo "fuzz: $t reported a finding or failed; see $log"; } 2>> "$log"
  grep -E "Done [0-9]+ runs|DONE|^fuzz: wall" "$log" | tail -3 || true
}

for ((lane = 0; lane < lanes; lane++)); do
  (
    for ((i = lane; i < ${#targets[@]}; i += lanes)); do fuzz_one "${targets[$i]}"; done
  ) &
done
wait
