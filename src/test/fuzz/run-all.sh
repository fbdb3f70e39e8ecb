#!/usr/bin/env bash
# Fuzzes every Jazzer target for real, one after another (the machine may be shared: one fuzzer
# at a time, at low priority). Usage: src/test/fuzz/run-all.sh [DURATION per target, e.g. 10m]
# mvn verify only replays the seed corpora (regression mode); this is the real run. Findings
# land as crash-* files in the target's Inputs folder under src/test/resources, where they
# become regression seeds; the generated corpus stays in .cifuzz-corpus/ (not committed).
# Each target's libFuzzer statistics (executions, exec/s, coverage) are in
# target/fuzz-logs/<target>.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
duration="${1:-10m}"
targets=(
  "internal.jsse.ClientHelloFuzzTargets#clientHellos"
  "internal.ciphers.CipherStringFuzzTargets#cipherStrings"
  "internal.pem.PemFuzzTargets#keysAndCertificates"
  "internal.pem.PemFuzzTargets#caBundlesAndCadata"
  "internal.x509.CertificateDictFuzzTargets#certificateDictionaries"
  "internal.trust.CaDirectoryFuzzTargets#caDirectories"
  "internal.config.ConfigFuzzTargets#configFiles"
)
mvn -B -q -o test-compile
mkdir -p target/fuzz-logs
for t in "${targets[@]}"; do
  name="${t##*.}"
  echo "fuzz: $t for $duration"
  # Instrument BouncyCastle too: the key, certificate and ASN.1 parsing happens there.
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_INSTRUMENT="dev.pemtls.**,org.bouncycastle.**" \
    nice -n 19 mvn -B -q -o surefire:test \
    -Dtest="dev.pemtls.$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -DredirectTestOutputToFile=false -DargLine=-Xmx512m > "target/fuzz-logs/$name.log" 2>&1 \
    || echo "fuzz: $t reported a finding or failed; see target/fuzz-logs/$name.log"
  grep -E "Done [0-9]+ runs|DONE" "target/fuzz-logs/$name.log" | tail -2 || true
done
