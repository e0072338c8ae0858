#!/bin/sh
# tests/interop/run.sh — the outputs of `kcorpus run` read by other tools with
# no options: python3's csv and json modules, and jq. Also runs the jq
# one-liner documented in docs/tour.md (README) and checks its table.
# Usage: sh tests/interop/run.sh [BUILD/kcorpus]   (from the repository root)
# Prints "interop: N passed, N failed"; exit 1 when something failed.
set -u
KC=${1:-build/kcorpus}
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "interop: FAIL: $*" >&2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcorpus-interop.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
# The articles of corpus/ (its top-level *.txt: expected outputs live below it).
set -- corpus/*.txt
[ -e "$1" ] || { echo "interop: no corpus/*.txt" >&2; exit 2; }
O=$tmp/out

# 1. kcorpus run writes the documented files
if "$KC" run --quiet -o "$O" "$@" 2>"$tmp/err"; then ok; else bad "kcorpus run exited $?"; head -5 "$tmp/err" >&2; fi
for f in metrics.csv mentions.jsonl events.jsonl report.json; do
    if [ -s "$O/$f" ]; then ok; else bad "$f missing or empty"; fi
done
"$KC" clean --format jsonl "$@" >"$tmp/clean.jsonl" 2>/dev/null
"$KC" metrics --format jsonl "$@" >"$tmp/metrics.jsonl" 2>/dev/null

# 2. python3: csv and json with their defaults
if command -v python3 >/dev/null 2>&1; then
python3 - "$O" "$tmp" >"$tmp/py.out" 2>&1 <<'PY'
import csv, json, re, sys
from decimal import Decimal
out, tmp = sys.argv[1], sys.argv[2]
results = []
def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))

# metrics.csv: csv.reader defaults (excel dialect: RFC 4180)
COLS = "doc,date,subject,metric,value,value_max,unit,approx,source,baseline,para".split(",")
with open(f"{out}/metrics.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
check("metrics.csv header", rows and rows[0] == COLS, rows[0] if rows else "empty")
data = rows[1:]
check("metrics.csv has rows", len(data) > 0)
check("metrics.csv: 11 fields per row", all(len(r) == 11 for r in data),
      [r for r in data if len(r) != 11][:2])
NUM = re.compile(r"-?\d+(\.\d+)?\Z")          # plain decimal: no exponent, no separators
check("metrics.csv: value is a plain decimal", all(NUM.match(r[4]) for r in data),
      [r[4] for r in data if not NUM.match(r[4])][:3])
check("metrics.csv: value_max empty or plain decimal",
      all(r[5] == "" or NUM.match(r[5]) for r in data))
check("metrics.csv: approx/baseline are true/false",
      all(r[7] in ("true", "false") and r[9] in ("true", "false") for r in data))
check("metrics.csv: para is an integer", all(r[10].isdigit() for r in data))
check("metrics.csv: date empty or ISO 8601",
      all(r[1] == "" or re.match(r"[\dX]{4}(-([\dX]{2}|Q[1-4]|H[12]|W\d\d)(-[\dX]{2})?)?(T\d\d:\d\d)?\Z", r[1]) for r in data),
      [r[1] for r in data][:5])
# the same rows as `metrics --format jsonl`
with open(f"{tmp}/metrics.jsonl", encoding="utf-8") as f:
    jrows = [json.loads(l) for l in f if l.strip()]
def same(r, j):
    def s(v): return "" if v is None else v
    def n(v): return None if v in ("", None) else Decimal(str(v))
    return (r[0] == j["doc"] and r[1] == s(j["date"]) and r[2] == s(j["subject"])
            and r[3] == j["metric"] and n(r[4]) == n(j["value"]) and n(r[5]) == n(j["value_max"])
            and r[6] == s(j["unit"]) and r[7] == str(j["approx"]).lower()
            and r[8] == s(j["source"]) and r[9] == str(j["baseline"]).lower()
            and int(r[10]) == j["para"])
check("metrics.csv rows == metrics --format jsonl rows",
      len(jrows) == len(data) and all(same(r, j) for r, j in zip(data, jrows)),
      f"{len(data)} csv rows, {len(jrows)} jsonl rows")
# the DAU question
dau = [(r[1], r[2], r[4], r[5], r[7], r[9]) for r in data if r[3] == "DAU" and r[0] == "kakao_editorial"]
want = [("", "카카오톡", "33000000", "37000000", "false", "true"),
        ("2022-10-16", "카카오톡", "32900000", "", "false", "false"),
        ("2022-10-17", "카카오톡", "34600000", "", "true", "false"),
        ("2022-10-18", "카카오톡", "34700000", "", "true", "false")]
check("metrics.csv: the four DAU rows of kakao_editorial", dau == want, dau)

# mentions.jsonl: json.loads per line; offsets are code points into the paragraph
with open(f"{out}/mentions.jsonl", encoding="utf-8") as f:
    lines = f.read().split("\n")
check("mentions.jsonl ends with a newline, no blank lines", lines[-1] == "" and all(lines[:-1]))
ms = []
try:
    ms = [json.loads(l) for l in lines if l]
    check("mentions.jsonl: every line is JSON", True)
except ValueError as e:
    check("mentions.jsonl: every line is JSON", False, str(e))
check("mentions.jsonl: objects with doc/para/start/end/kind/text",
      ms and all(isinstance(m, dict) and {"doc", "para", "start", "end", "kind", "text"} <= m.keys() for m in ms))
KINDS = {"figure", "date", "time", "duration", "entity"}
check("mentions.jsonl: known kinds", all(m.get("kind") in KINDS for m in ms),
      sorted({m.get("kind") for m in ms} - KINDS))
check("mentions.jsonl: figure values are JSON numbers",
      all(isinstance(m["value"], (int, float)) for m in ms if m.get("kind") == "figure"))
with open(f"{tmp}/clean.jsonl", encoding="utf-8") as f:
    paras = {d["doc"]: d["paragraphs"] for d in map(json.loads, filter(str.strip, f))}
badspan = [m for m in ms if m["doc"] not in paras or m["para"] >= len(paras[m["doc"]])
           or paras[m["doc"]][m["para"]][m["start"]:m["end"]] != m["text"]]
check("mentions.jsonl: paragraph[start:end] == text (against clean --format jsonl)",
      ms and not badspan, badspan[:2])
check("mentions.jsonl: figure 32900000 명 in kakao_editorial",
      any(m["kind"] == "figure" and m["doc"] == "kakao_editorial" and m["value"] == 32900000
          and m.get("unit") == "명" for m in ms))

# events.jsonl and report.json
try:
    with open(f"{out}/events.jsonl", encoding="utf-8") as f:
        ev = [json.loads(l) for l in f if l.strip()]
    check("events.jsonl: every line is JSON with doc/para/type/date/sentence",
          ev and all({"doc", "para", "type", "date", "sentence"} <= e.keys() for e in ev))
except ValueError as e:
    check("events.jsonl: every line is JSON", False, str(e))
try:
    with open(f"{out}/report.json", encoding="utf-8") as f:
        rep = json.load(f)
    check("report.json: JSON object with documents/extract", rep.get("documents", 0) >= 1 and "extract" in rep)
except ValueError as e:
    check("report.json is JSON", False, str(e))

for name, good, detail in results:
    print(("PASS" if good else "FAIL") + "\t" + name + ("" if good else "\t" + repr(detail)[:400]))
PY
    while IFS='	' read -r st name detail; do
        case $st in
        PASS) ok ;;
        FAIL) bad "python3: $name: $detail" ;;
        *) bad "python3: $st $name" ;;
        esac
    done <"$tmp/py.out"
else
    bad "python3 not installed"
fi

# 3. jq with no options reads every JSON Lines file; counts agree with wc -l
if command -v jq >/dev/null 2>&1; then
    for f in mentions.jsonl events.jsonl report.json; do
        if jq . "$O/$f" >/dev/null 2>"$tmp/err"; then ok; else bad "jq . $f: $(head -1 "$tmp/err")"; fi
    done
    n=$(wc -l <"$O/mentions.jsonl")
    m=$(jq -s length "$O/mentions.jsonl" 2>/dev/null)
    if [ "$n" = "$m" ]; then ok; else bad "jq counts $m mentions, wc -l $n"; fi
    # metrics from events.jsonl agree with metrics.csv
    a=$(jq -r 'select(.type=="metric" and .metric=="DAU") | [.doc,.date,.value] | @csv' "$O/events.jsonl" | tr -d '"' | sort)
    b=$(python3 -c 'import csv,sys; [print(",".join((r["doc"],r["date"],r["value"]))) for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["metric"]=="DAU"]' "$O/metrics.csv" 2>/dev/null | sort)
    if [ -n "$a" ] && [ "$a" = "$b" ]; then ok; else bad "DAU rows differ between events.jsonl (jq) and metrics.csv (python csv)"; fi

    # 4. the documented one-liner (docs/tour.md shows it verbatim)
    cd "$tmp" || exit 2   # $O is $tmp/out
    jq -rn '["doc","para","kind","text","value","unit_or_type"], (inputs | [.doc, .para, .kind, .text, (.value // .name), (.unit // .type // "")]) | @tsv' out/mentions.jsonl >table.tsv 2>err
    rc=$?
    cd - >/dev/null || exit 2
    if [ $rc -eq 0 ]; then ok; else bad "documented jq one-liner exited $rc: $(head -1 "$tmp/err")"; fi
    if grep -qF "jq -rn '[\"doc\",\"para\",\"kind\",\"text\",\"value\",\"unit_or_type\"], (inputs | [.doc, .para, .kind, .text, (.value // .name), (.unit // .type // \"\")]) | @tsv' out/mentions.jsonl" docs/tour.md 2>/dev/null
    then ok; else bad "docs/tour.md does not show the tested jq one-liner verbatim"; fi
    rows=$(wc -l <"$tmp/table.tsv")
    if [ "$rows" -eq $((n + 1)) ]; then ok; else bad "one-liner: $rows lines for $n mentions + header"; fi
    if awk -F'\t' 'NF != 6 { exit 1 }' "$tmp/table.tsv"; then ok; else bad "one-liner: a line without 6 tab-separated fields"; fi
    if grep -q '^kakao_editorial	[0-9]*	figure	3천290만 명	32900000	명$' "$tmp/table.tsv"; then ok
    else bad "one-liner: no row 'kakao_editorial PARA figure 3천290만 명 32900000 명'"; fi
else
    bad "jq not installed (Debian package jq)"
fi

echo "interop: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
