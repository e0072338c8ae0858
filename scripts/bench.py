#!/usr/bin/env python3
"""make bench — throughput and memory of kcorpus on ../shared/eval/news-text.

Builds an optimized binary (build-bench/), a benchmark corpus under /tmp
(JSONL, one article per line, replicated to >= 200 MB; a 1 GB variant for the
memory test with --big), then reports the median of several runs: MB/s of
input for clean, extract, events and run, peak RSS, -j 1 vs -j 2, and the
floor (cat) and a baseline (ICU's uconv -x any-nfc) on the same bytes.
Results: a table on stdout and build-bench/bench.json. No assertion: numbers
are for reading, never a test.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_corpus(src_dir, out, target_mb):
    if os.path.exists(out) and os.path.getsize(out) >= target_mb * 1e6:
        return out
    arts = []
    for name in ("kowikinews.txt", "kowiki-extract.txt"):
        text = open(os.path.join(src_dir, name), encoding="utf-8").read()
        for i, block in enumerate(text.split("\n\n")):
            block = block.strip("\n")
            if not block:
                continue
            title, _, body = block.partition("\n")
            arts.append({"title": title, "text": block})
    park = open(os.path.join(src_dir, "ko-en-news-park.ko.txt"), encoding="utf-8").read().split("\n")
    for i in range(0, len(park), 20):
        arts.append({"text": "\n".join(park[i:i + 20])})
    lines = [json.dumps(a, ensure_ascii=False) for a in arts]
    base = sum(len(l.encode()) + 1 for l in lines)
    reps = max(1, int(target_mb * 1e6 // base) + 1)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        n = 0
        for r in range(reps):
            for l in lines:
                # distinct ids per replica; text unchanged (dedup is off in the bench)
                f.write('{"id":"r%d-%d",' % (r, n) + l[1:] + "\n")
                n += 1
    os.rename(tmp, out)
    return out


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_FILE = "/tmp/kcorpus-bench/.maxrss"


def timed(cmd, stdout=subprocess.DEVNULL):
    # Peak RSS through /usr/bin/time: Linux carries the exec'ing process's
    # high-water mark into ru_maxrss, so wait4 on a child forked from this
    # Python process never reports less than Python's own RSS; time forks
    # a fresh process and reports that one's peak.
    full = [TIME, "-f", "%M", "-o", RSS_FILE] + cmd if TIME else cmd
    t0 = time.perf_counter()
    p = subprocess.Popen(full, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    el = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{cmd[:3]} exited {code}: {err[-500:]}")
    rss = ru.ru_maxrss * 1024
    if TIME:
        try:
            rss = int(open(RSS_FILE).read().split()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    return el, rss


def measure(name, cmd, size, runs):
    times, rss = [], 0
    for _ in range(runs):
        el, m = timed(cmd)
        times.append(el)
        rss = max(rss, m)
    med = statistics.median(times)
    return {"name": name, "seconds": round(med, 3), "mb_per_s": round(size / 1e6 / med, 1),
            "peak_rss_mb": round(rss / 1e6, 1), "runs": runs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--big", action="store_true", help="also the 1 GB memory run")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build-bench", "kcorpus"))
    a = ap.parse_args()
    src = os.path.join(a.eval_dir, "news-text")
    os.makedirs("/tmp/kcorpus-bench", exist_ok=True)
    corpus = f"/tmp/kcorpus-bench/news{a.mb}.jsonl"
    # Build corpora in a child process: Linux keeps a process's peak RSS
    # across fork+exec, so a big Python parent would inflate every child's
    # ru_maxrss.
    subprocess.run([sys.executable, __file__, "--build-only", src, corpus, str(a.mb)], check=True)
    size = os.path.getsize(corpus)
    b = a.bin
    common = ["--input-format", "jsonl", "--dedup", "off", "--quiet"]
    rows = []
    rows.append(measure("cat (floor)", ["cat", corpus], size, a.runs))
    if shutil.which("uconv"):
        rows.append(measure("uconv -x any-nfc (ICU baseline)", ["uconv", "-x", "any-nfc", "-i", corpus], size, a.runs))
    for cmd in ("clean", "extract", "events"):
        rows.append(measure(f"kcorpus {cmd} -j 1", [b, cmd] + common + ["-j", "1", corpus], size, a.runs))
    rows.append(measure("kcorpus clean -j 2", [b, "clean"] + common + ["-j", "2", corpus], size, a.runs))
    rows.append(measure("kcorpus extract -j 2", [b, "extract"] + common + ["-j", "2", corpus], size, a.runs))
    rows.append(measure("kcorpus run -j 1", [b, "run"] + common + ["-j", "1", "-o", "/tmp/kcorpus-bench/out", corpus], size, a.runs))
    rows.append(measure("kcorpus run -j 2", [b, "run"] + common + ["-j", "2", "-o", "/tmp/kcorpus-bench/out", corpus], size, a.runs))
    if a.big:
        big = "/tmp/kcorpus-bench/news1000.jsonl"
        subprocess.run([sys.executable, __file__, "--build-only", src, big, "1000"], check=True)
        bsize = os.path.getsize(big)
        r = measure("kcorpus extract 1 GB (memory)", [b, "extract"] + common + [big], bsize, 1)
        r["input_mb"] = round(bsize / 1e6)
        rows.append(r)
    by = {r["name"]: r for r in rows}
    j1, j2 = by.get("kcorpus extract -j 1"), by.get("kcorpus extract -j 2")
    speedup = round(j1["seconds"] / j2["seconds"], 2) if j1 and j2 else None
    c1, c2 = by.get("kcorpus clean -j 1"), by.get("kcorpus clean -j 2")
    cspeedup = round(c1["seconds"] / c2["seconds"], 2) if c1 and c2 else None
    print(f"input: {corpus} ({size / 1e6:.1f} MB), median of {a.runs} runs\n")
    print(f"{'what':44} {'s':>8} {'MB/s':>8} {'peak RSS MB':>12}")
    for r in rows:
        print(f"{r['name']:44} {r['seconds']:8.2f} {r['mb_per_s']:8.1f} {r['peak_rss_mb']:12.1f}")
    print(f"\nextract -j 2 speed-up over -j 1: {speedup}x; clean: {cspeedup}x")
    out = {"input_bytes": size, "rows": rows, "extract_j2_speedup": speedup, "clean_j2_speedup": cspeedup,
           "machine": {"cores": os.cpu_count()}}
    os.makedirs(os.path.join(ROOT, "build-bench"), exist_ok=True)
    with open(os.path.join(ROOT, "build-bench", "bench.json"), "w") as f:
        json.dump(out, f, indent=1)
    print("results: build-bench/bench.json")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--build-only":
        build_corpus(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
