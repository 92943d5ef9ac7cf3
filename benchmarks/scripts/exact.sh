#!/usr/bin/env bash
# Issue 4's exact-engine benchmark: Big-M vs perspective (SCIP) vs OA (HiGHS masters) vs Certus's own branch and
# bound (bnb) on the designs.
# Usage: benchmarks/scripts/exact.sh [LIMIT_SEC] [RIDGE]   (run from the repository root; builds the jar first)
set -euo pipefail
LIMIT=${1:-120}
RIDGE=${2:-0.1}
mvn -B -q -pl benchmarks -am package -DskipTests
for design in K1_p50 K1_p200 K1_p1000 K3_p250 K5_p250; do
  for method in bigm perspective oa bnb; do
    backend=scip
    [ "$method" = oa ] && backend=highs
    [ "$method" = bnb ] && backend=-
    java -cp benchmarks/target/benchmarks.jar certus.benchmarks.ExactBenchmark "$design" "$method" "$backend" "$RIDGE" "$LIMIT"
  done
done
