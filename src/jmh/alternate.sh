#!/usr/bin/env bash
# One JMH row, PemTLS and SunJSSE in alternating single-fork trials, and the median of the
# pairs' ratios. For rows whose ratio is near 1.0: a change in the machine's load during a run
# moves one implementation's trials but not the other's, and alternation spreads it over both.
#
#   src/jmh/alternate.sh PAIRS JMH-ARGS...
#   src/jmh/alternate.sh 6 HandshakeBench -p version=TLSv1.2 -p key=RSA -p clientAuth=false
#
# JMH-ARGS select one row (every parameter but impl fixed); the bench profile must be compiled
# (mvn -B -Pbench -DskipTests test-compile). Results go to target/alternate/.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
pairs=$1
shift
out=target/alternate
mkdir -p "$out"
rm -f "$out"/*.json
for i in $(seq 1 "$pairs"); do
  for impl in pemtls sunjsse; do
    mvn -B -o -q -Pbench -DskipTests exec:exec@jmh \
        -Djmh.args="$* -p impl=$impl -f 1 -rf json -rff $out/$i-$impl.json" > "$out/$i-$impl.log"
  done
done
python3 - "$out" "$pairs" <<'EOF'
import json, statistics, sys
out, pairs = sys.argv[1], int(sys.argv[2])
def score(i, impl):
    results = json.load(open(f"{out}/{i}-{impl}.json"))
    if len(results) != 1:
        sys.exit(f"the arguments select {len(results)} rows; fix every parameter but impl")
    return results[0]["primaryMetric"]["score"], results[0]["primaryMetric"]["scoreUnit"]
ratios = []
for i in range(1, pairs + 1):
    (p, unit), (s, _) = score(i, "pemtls"), score(i, "sunjsse")
    ratios.append(p / s)
    print(f"pair {i}: PemTLS {p:.1f}, SunJSSE {s:.1f} {unit}, ratio {p / s:.2f}")
print(f"median PemTLS / SunJSSE of {pairs} pairs: {statistics.median(ratios):.2f}"
      f" (range {min(ratios):.2f}-{max(ratios):.2f}); above 1 is better for throughput")
EOF
