#!/usr/bin/env bash
# Reproduces "Real data certification (issue 4.5)" in benchmarks/RESULTS.md:
#   1. builds the CLI jar and the benchmarks jar (mvn package, never install);
#   2. regenerates benchmarks/data/pdxe_untreated.csv and school_top10.csv from ../shared/data (atomic writes;
#      what was left out is printed) — `git diff benchmarks/data` should then be empty;
#   3. (CV=1 only) the cross-validation that chose ridge and zbar;
#   4. certify + verify every case, ONE AT A TIME (the machine has 2 shared cores), and prints a markdown table.
#
# Usage (from anywhere):  benchmarks/scripts/realdata.sh
# Environment: TIME_LIMIT (seconds per certify, default 120), OUT (default benchmarks/target/realdata),
#   SHARED (default ../shared/data relative to the repository root), CV=1 to rerun the CV,
#   ONLY=regex to run only the cases whose name matches (e.g. ONLY='pdx_s3_' or ONLY='_oa_').
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
TIME_LIMIT="${TIME_LIMIT:-120}"
OUT="${OUT:-$root/benchmarks/target/realdata}"
SHARED="${SHARED:-$root/../shared/data}"
ONLY="${ONLY:-.}"
mkdir -p "$OUT"

echo "== build" >&2
mvn -B -q -pl benchmarks -am package -DskipTests >&2
CERTUS=(java ${CERTUS_JAVA_OPTS:-} -jar "$root/app/target/certus.jar")

echo "== prepare" >&2
java -cp benchmarks/target/benchmarks.jar certus.benchmarks.data.RealDataPreparation "$SHARED" benchmarks/data

# Data sets: name, file, then the reader and standardization flags. Features are standardized within each task
# by Certus (--standardize mle), so the certified objective refers to the per-task-scaled problem.
PDX=(--data benchmarks/data/pdxe_untreated.csv --task-col task --response log_time_to_double --drop model)
SCHOOL=(--data benchmarks/data/school_top10.csv --task-col school --response exam_score --drop student_in_school)

if [ "${CV:-0}" = 1 ]; then
  echo "== cv (chooses ridge and zbar; see RESULTS.md for the rule)" >&2
  "${CERTUS[@]}" cv "${PDX[@]}" --standardize mle --s-grid 3,5,8 --zbar-grid 0,0.005,0.01,0.05,0.1 \
      --ridge 0.01,0.1,0.3,1,3,10 --folds 5 --threads 1 --seed 1 -o "$OUT/pdx_cv_model.json" --table "$OUT/pdx_cv.csv"
  "${CERTUS[@]}" cv "${SCHOOL[@]}" --standardize mle --s-grid 3,5 --zbar-grid 0,0.1,1,5 \
      --ridge 0.01,0.1,1,10 --folds 5 --threads 1 --seed 1 -o "$OUT/school_cv_model.json" --table "$OUT/school_cv.csv"
fi

# Chosen by the CV above: the lowest mean CV RMSE among the grid points with zbar > 0 (Zbar+L2, not L0L2).
PDX_PARAMS=(--ridge 3 --zbar 0.005)
SCHOOL_PARAMS=(--ridge 0.1 --zbar 5)
# method:backend pairs; oa runs its master MILP on the named backend; bnb is Certus's own search (no MIP backend).
METHODS=(bigm:scip perspective:scip oa:scip oa:highs bnb:certus-bnb)

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!benchmarks/RESULTS.md' || echo '+dirty')"
results="$OUT/results.tsv"
[ -f "$results" ] || printf 'case\tdataset\ts\tmethod\tbackend\tstatus\ttermination\tobjective\tbound\tgap\tseconds\tm_kind\trounds\tcertify_rc\tverify\tcommit\n' > "$results"

run_case() { # dataset-name s method backend data-flags... -- param-flags...
  local ds="$1" s="$2" method="$3" backend="$4"; shift 4
  local name="${ds}_s${s}_${method}_${backend}"
  [[ "$name" =~ $ONLY ]] || return 0
  local data=() params=()
  while [ "$1" != -- ]; do data+=("$1"); shift; done; shift; params=("$@")
  echo "== certify $name (time limit ${TIME_LIMIT}s)" >&2
  local rc=0 vrc=0
  "${CERTUS[@]}" certify "${data[@]}" --standardize mle --s "$s" "${params[@]}" --method "$method" --backend "$backend" \
      --time-limit "$TIME_LIMIT" --seed 1 -o "$OUT/$name.json" 2> "$OUT/$name.log" || rc=$?
  tail -n 1 "$OUT/$name.log" >&2
  local verify="no certificate"
  if [ -f "$OUT/$name.json" ] && [ "$rc" != 2 ]; then
    "${CERTUS[@]}" verify --certificate "$OUT/$name.json" "${data[@]}" > "$OUT/$name.verify" 2>&1 || vrc=$?
    verify="$([ "$vrc" = 0 ] && echo "valid ($(grep -c '^PASS' "$OUT/$name.verify") checks)" || echo "INVALID rc=$vrc")"
  fi
  python3 - "$OUT/$name.json" "$name" "$ds" "$s" "$method" "$backend" "$rc" "$verify" "$commit" >> "$results" <<'EOF'
import json, os, sys
f, name, ds, s, method, backend, rc, verify, commit = sys.argv[1:]
d = json.load(open(f)) if os.path.exists(f) and rc != '2' else {}
c = d.get('certificate', {})
t = d.get('termination') or {}
fmt = lambda v: '' if v is None else ('%.6g' % v if isinstance(v, float) else str(v))
print('\t'.join([name, ds, s, method, backend, d.get('status', 'none'), '%s/%s' % (t.get('reason'), t.get('limit')),
                 fmt(d.get('objective')), fmt(d.get('bound')), fmt(d.get('gap')), fmt(d.get('seconds')),
                 (c.get('m') or {}).get('kind', ''), fmt(c.get('rounds')), rc, verify, commit]))
EOF
}

for s in 3 5 8; do
  for mb in "${METHODS[@]}"; do run_case pdx "$s" "${mb%%:*}" "${mb##*:}" "${PDX[@]}" -- "${PDX_PARAMS[@]}"; done
done
for s in 3 5; do
  for mb in "${METHODS[@]}"; do run_case school "$s" "${mb%%:*}" "${mb##*:}" "${SCHOOL[@]}" -- "${SCHOOL_PARAMS[@]}"; done
done

echo "== results ($results; the last row of each case counts)" >&2
python3 - "$results" <<'EOF'
import csv, sys
rows = {}
for r in csv.DictReader(open(sys.argv[1]), delimiter='\t'):
    rows[r['case']] = r
print('| dataset | s | method | backend | status | termination | objective | bound | gap | time (s) | M | rounds | verify | commit |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for r in rows.values():
    print('| ' + ' | '.join(r[k] for k in ['dataset', 's', 'method', 'backend', 'status', 'termination', 'objective', 'bound', 'gap',
                                          'seconds', 'm_kind', 'rounds', 'verify', 'commit']) + ' |')
EOF
