#!/usr/bin/env bash
# Instructions per operation for every input, by callgrind: each operation runs N1 and N2 times
# and the difference of the totals is divided by N2 - N1, so start-up and warm-up cancel out.
# Usage: benches/instructions.sh [N1 N2]   (defaults 200 2200)
set -euo pipefail
cd "$(dirname "$0")/.."
n1=${1:-200}
n2=${2:-2200}
cargo bench --bench instructions --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m=json.loads(l)
    if m.get("reason")=="compiler-artifact" and m["target"]["name"]=="instructions" and m.get("executable"):
        print(m["executable"])' > target/instructions-bin
bin=$(cat target/instructions-bin)
total() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '| input | typed parse | Value parse | jsonschema is_valid | jsonschema all errors | check | check / typed | check with profile | with profile / typed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for input in docs_example minimal eight_violations; do
  row="| $input"
  declare -A per
  for op in typed value jsonschema_is_valid jsonschema_all_errors check check_profile; do
    a=$(total "$op" "$input" "$n1")
    b=$(total "$op" "$input" "$n2")
    per[$op]=$(( (b - a) / (n2 - n1) ))
    [ "$op" = check_profile ] || row="$row | ${per[$op]}"
  done
  ratio=$(python3 -c "print(f'{${per[check]}/${per[typed]}:.2f}×')")
  ratio_profile=$(python3 -c "print(f'{${per[check_profile]}/${per[typed]}:.2f}×')")
  echo "$row | $ratio | ${per[check_profile]} | $ratio_profile |"
done
