#!/bin/sh
# Side-by-side timing of scipy's linear_sum_assignment and this solver on
# the benchmark kit's matrices, alternating the two instance by instance in
# one run so that both see the same machine state.
#
# Usage (from the repository root):
#   matcher/assign/internal/lapbench/sidebyside.sh DATA OUT [REPS]
# DATA holds the .lapm files and manifest.tsv written by the kit's gen.py;
# OUT receives scipy.tsv, ours.tsv and table.md. KIT points at the
# benchmark kit (its gen.py and scipy_bench.py; required), PYTHON at an interpreter that imports
# scipy (default /usr/bin/python3).
set -eu
DATA=$1
OUT=$2
REPS=${3:-5}
KIT=${KIT:?set KIT to the directory of the benchmark kit (gen.py, scipy_bench.py)}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$OUT"
go build -o "$OUT/lapbench" ./matcher/assign/internal/lapbench
: >"$OUT/scipy.tsv"
: >"$OUT/ours.tsv"
for name in $(tail -n +2 "$DATA/manifest.tsv" | cut -f1); do
	"$PYTHON" "$KIT/scipy_bench.py" "$DATA" --only "$name" --reps "$REPS" 2>/dev/null | tail -n 1 >>"$OUT/scipy.tsv"
	"$OUT/lapbench" run "$DATA" -only "$name" -reps "$REPS" >>"$OUT/ours.tsv"
	tail -n 1 "$OUT/scipy.tsv" | cut -f1,6
	tail -n 1 "$OUT/ours.tsv" | cut -f1,4
done
"$OUT/lapbench" table "$OUT/scipy.tsv" "$OUT/ours.tsv" >"$OUT/table.md"
cat "$OUT/table.md"
