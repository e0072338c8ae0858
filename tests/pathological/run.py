#!/usr/bin/env python3
"""Pathological inputs for kcorpus (../shared/PATHOLOGICAL.md P1-P25 and the
extra cases of issue 9), plus the replay of tests/fuzz/regressions/.

    python3 tests/pathological/run.py BINARY [--fast] [-k SUBSTR] [-v]
                                             [--seed N] [--list]

Every input is generated at test time into a temporary directory (nothing
large is committed). Each case runs the CLI in a fresh child process with a
time guard — a generous multiple of the bound in PATHOLOGICAL.md: it catches
hangs, it is not a benchmark — and reads the child's peak RSS from
os.wait4(). A case checks the exit status, the stderr message (input name
and byte or line), the output content where PATHOLOGICAL.md states it, and
the RSS bound where one is stated.

--fast (used by `make test`) shrinks the 100 MB / 70 MB / 1 M-paragraph
inputs to sizes that keep the suite around a minute, with the RSS bounds
scaled in proportion; without it the full sizes run (`make
pathological-full`).

Under an ASan/UBSan binary (detected from its symbols), time guards are
multiplied, RSS bounds are reported but not enforced, and the LD_PRELOAD
fault-injection cases (P10, P20 shim, P21) are skipped: the sanitizer
runtime must be the first DSO and owns malloc.

Closing line: "pathological: N passed, N failed, N skipped"; exit 1 if any
check failed.
"""
import argparse
import concurrent.futures
import csv
import io
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
MiB = 1 << 20
MB = 1000 * 1000
FFFD = "\ufffd"

CASES = []


def case(cid, title):
    def deco(fn):
        CASES.append((cid, title, fn))
        return fn
    return deco


class Result:
    def __init__(self, rc, out, err, secs, rss_kb, timed_out, out_path):
        self.rc = rc              # exit code, or -SIGNAL
        self.out = out            # stdout bytes (None when kept in a file)
        self.err = err            # stderr text
        self.secs = secs
        self.rss_kb = rss_kb
        self.timed_out = timed_out
        self.out_path = out_path

    @property
    def rss_mb(self):
        return self.rss_kb / 1024.0

    def desc(self):
        sig = ""
        if self.rc < 0:
            try:
                sig = " (" + signal.Signals(-self.rc).name + ")"
            except ValueError:
                pass
        t = " TIMED OUT" if self.timed_out else ""
        e = self.err.strip().replace("\n", " | ")
        if len(e) > 300:
            e = e[:300] + "..."
        return f"exit {self.rc}{sig}{t}, {self.secs:.2f} s, {self.rss_mb:.0f} MB, stderr: {e!r}"


class Suite:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.fast = args.fast
        self.verbose = args.verbose
        self.seed = args.seed
        self.passed = self.failed = self.skipped = 0
        self.failures = []
        self.tmp = tempfile.mkdtemp(prefix="kc-patho-")
        with open(self.binary, "rb") as f:
            blob = f.read()
        self.asan = b"__asan_init" in blob or b"__ubsan_handle" in blob
        self.tfactor = 6.0 if self.asan else 1.0
        self.is_root = os.geteuid() == 0
        self._shim = None
        self._seq = 0
        self.slow_inputs = set()  # P8 inputs that hit the time guard
        self._lock = threading.Lock()
        self.rsswrap = self.build_tool("rsswrap.c", "rsswrap", shared=False)
        self.cur = ""
        self.case_dir = self.tmp

    # ---------------- bookkeeping ----------------
    def ok(self, name, detail=""):
        self.passed += 1
        if self.verbose:
            print(f"ok   {self.cur} {name}" + (f" — {detail}" if detail else ""))

    def fail(self, name, why):
        self.failed += 1
        msg = f"FAIL {self.cur} {name}: {why}"
        self.failures.append(msg)
        print(msg, flush=True)

    def skip(self, name, why):
        self.skipped += 1
        print(f"SKIP {self.cur} {name}: {why}", flush=True)

    def parallel(self, fn, items):
        """fn(*item) for each item on a thread pool (each run is a child
        process); results in item order."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as ex:
            return list(ex.map(lambda it: fn(*it), items))

    def check(self, name, cond, why=""):
        if cond:
            self.ok(name)
        else:
            self.fail(name, why or "check failed")
        return bool(cond)

    # ---------------- files ----------------
    def path(self, name):
        return os.path.join(self.case_dir, name)

    def write(self, name, data):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            if isinstance(data, str):
                data = data.encode("utf-8")
            f.write(data)
        return p

    # ---------------- running ----------------
    def build_tool(self, src, name, shared):
        out = os.path.join(self.tmp, name)
        cc = os.environ.get("SHIM_CC", "cc")
        cmd = [cc, "-O1", "-o", out, os.path.join(HERE, src)]
        if shared:
            cmd[1:1] = ["-shared", "-fPIC"]
            cmd.append("-ldl")
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            print(f"note: cannot build {src}: " + p.stderr[:400])
            return None
        return out

    def run(self, args, stdin=None, timeout=10.0, env=None, stdout_path=None,
            keep_out=True, preload=None, cwd=None):
        """Run the CLI in a fresh child and collect exit status, output, time
        and peak RSS (through rsswrap, see rsswrap.c). Thread-safe: each call
        has its own files."""
        timeout *= self.tfactor
        with self._lock:
            self._seq += 1
            tag = f".run{self._seq}"
        e = dict(os.environ)
        e.setdefault("LC_ALL", "C.UTF-8")
        if env:
            e.update(env)
        if preload:
            e["KC_RSSWRAP_PRELOAD" if self.rsswrap else "LD_PRELOAD"] = preload
        if stdin is None:
            fin = open(os.devnull, "rb")
        elif isinstance(stdin, (bytes, str)):
            sp = self.write(tag + ".in", stdin)
            fin = open(sp, "rb")
        else:
            fin = stdin
        out_path = stdout_path or self.path(tag + ".out")
        fout = open(out_path, "wb")
        ferr_path = self.path(tag + ".err")
        ferr = open(ferr_path, "wb")
        st_path = self.path(tag + ".st")
        argv = [self.binary] + list(args)
        if self.rsswrap:
            argv = [self.rsswrap, st_path] + argv
        t0 = time.monotonic()
        p = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=ferr, env=e, cwd=cwd,
                             start_new_session=True)
        fin.close()
        fout.close()
        ferr.close()
        timed_out = False
        delay = 0.0005
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                timed_out = True
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass
                pid, status, ru = os.wait4(p.pid, 0)
                break
            time.sleep(delay)
            delay = min(delay * 2, 0.02)
        secs = time.monotonic() - t0
        p.returncode = rc = os.waitstatus_to_exitcode(status)
        rss = ru.ru_maxrss
        if self.rsswrap:
            try:
                with open(st_path) as f:
                    a, b = f.read().split()
                rc, rss = int(a), int(b)
                os.unlink(st_path)
            except (OSError, ValueError):
                rc = -signal.SIGKILL if timed_out else rc
        with open(ferr_path, "rb") as f:
            err = f.read().decode("utf-8", "replace")
        os.unlink(ferr_path)
        out = None
        if stdout_path is None:
            if keep_out:
                with open(out_path, "rb") as f:
                    out = f.read()
            os.unlink(out_path)
        return Result(rc, out, err, secs, rss, timed_out, out_path)

    def no_crash(self, name, r, bound_s=None):
        """The universal check: no signal, no hang, no sanitizer report."""
        good = r.rc >= 0 and not r.timed_out and "Sanitizer" not in r.err \
            and "runtime error:" not in r.err
        if not good:
            self.fail(name + " (no crash/hang)", r.desc())
            return False
        self.ok(name + " (no crash/hang)")
        return True

    def expect(self, name, r, rc=0, stderr_has=(), rss_mb=None, bound_s=None):
        """Exit status + stderr substrings + optional RSS bound."""
        if not self.no_crash(name, r):
            return False
        good = True
        rcs = rc if isinstance(rc, (tuple, list, set)) else (rc,)
        if r.rc not in rcs:
            self.fail(name + " (exit status)", f"expected {rc}; " + r.desc())
            good = False
        else:
            self.ok(name + " (exit status)")
        for s in stderr_has:
            if s not in r.err:
                self.fail(name + " (stderr)", f"stderr lacks {s!r}: {r.err.strip()[:400]!r}")
                good = False
            else:
                self.ok(name + " (stderr)")
        if rss_mb is not None:
            if self.asan:
                self.skip(name + " (peak RSS)", f"{r.rss_mb:.0f} MB measured; bound {rss_mb:.0f} MB not enforced under ASan")
            elif r.rss_mb > rss_mb:
                self.fail(name + " (peak RSS)", f"{r.rss_mb:.0f} MB > bound {rss_mb:.0f} MB")
                good = False
            else:
                self.ok(name + " (peak RSS)", f"{r.rss_mb:.0f} MB ≤ {rss_mb:.0f} MB")
        if bound_s is not None and self.verbose:
            print(f"     {self.cur} {name}: {r.secs:.2f} s (bound {bound_s} s), {r.rss_mb:.0f} MB")
        return good

    # ---------------- output parsing ----------------
    def jsonl(self, name, data):
        """Parse JSONL output strictly: valid UTF-8, one object per line."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as ex:
            self.fail(name + " (valid UTF-8 JSON)", str(ex))
            return None
        recs = []
        for i, line in enumerate(text.split("\n")):
            if line == "" and i == len(text.split("\n")) - 1:
                continue
            try:
                recs.append(json.loads(line))
            except ValueError as ex:
                self.fail(name + " (valid JSONL)", f"line {i + 1}: {ex}: {line[:120]!r}")
                return None
        return recs

    def clean(self, name, inp, *extra, timeout=10.0, rc=0, stdin=None):
        """kcorpus clean --format jsonl INPUT → (result, records)."""
        args = ["clean", "--format", "jsonl", "--quiet"] + list(extra)
        args += [inp] if inp else ["-"]
        r = self.run(args, stdin=stdin, timeout=timeout)
        if not self.expect(name, r, rc=rc):
            return r, None
        return r, self.jsonl(name, r.out)

    def extract(self, name, inp, *extra, timeout=10.0, rc=0):
        r = self.run(["extract", "--quiet"] + list(extra) + [inp], timeout=timeout)
        if not self.expect(name, r, rc=rc):
            return r, None
        return r, self.jsonl(name, r.out)

    def report(self, inp, *extra, cmd="extract", timeout=10.0):
        """Run with --report and return (result, report dict or None)."""
        rp = self.path(".report.json")
        if os.path.exists(rp):
            os.unlink(rp)
        r = self.run([cmd, "--quiet", "--report", rp] + list(extra) + [inp], timeout=timeout,
                     keep_out=False)
        rep = None
        if os.path.exists(rp):
            try:
                with open(rp, encoding="utf-8") as f:
                    rep = json.load(f)
            except ValueError:
                rep = None
        return r, rep

    # ---------------- the LD_PRELOAD shim ----------------
    def shim(self):
        if self._shim is None:
            self._shim = self.build_tool("inject.c", "inject.so", shared=True) or ""
        return self._shim or None


# ---------------------------------------------------------------------------
# generators
# ---------------------------------------------------------------------------

SENTENCES = [
    "카카오는 {y}년 {m}월 {d}일 서비스 장애에 대해 공식 사과했다.",
    "이용자 수는 약 {n}만 명으로 전주보다 {p}% 늘었다.",
    "매출은 전년 동기 대비 {p}% 증가한 {n}억 원을 기록했다.",
    "정부는 재발 방지 대책을 마련하겠다고 밝혔다.",
    "데이터센터 화재로 메신저와 포털 서비스가 {h}시간 넘게 멈췄다.",
    "업계 관계자는 \"이번 사태가 플랫폼 신뢰에 큰 타격\"이라고 말했다.",
    "{y}년 {m}월 {d}일 기준 주가는 {n},{k:03d}원으로 마감했다.",
    "회사 측은 피해 보상안을 이달 안에 발표할 계획이다.",
]


def news_text(nbytes, rng, sep=" "):
    """Hangul news prose of about nbytes bytes (UTF-8), sentences joined by
    sep. Returns bytes."""
    parts = []
    size = 0
    while size < nbytes:
        s = rng.choice(SENTENCES).format(y=rng.randint(2000, 2024), m=rng.randint(1, 12),
                                         d=rng.randint(1, 28), n=rng.randint(1, 9999),
                                         p=rng.randint(1, 99), h=rng.randint(1, 48),
                                         k=rng.randint(0, 999))
        b = (s + sep).encode("utf-8")
        parts.append(b)
        size += len(b)
    out = b"".join(parts)
    # cut at a character boundary (and not inside a sentence's last char)
    cut = min(nbytes, len(out) - 1)
    while cut > 0 and (out[cut] & 0xC0) == 0x80:
        cut -= 1
    return out[:cut]


def dated_line(ndates, rng):
    """One line with ndates dates, one per short sentence; returns (bytes,
    list of ISO values in order)."""
    parts, vals = [], []
    for _ in range(ndates):
        y, m, d = rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)
        parts.append(f"{y}년 {m}월 {d}일 발표했다. ")
        vals.append(f"{y:04d}-{m:02d}-{d:02d}")
    return "".join(parts).encode("utf-8"), vals


def corpus_files():
    cdir = os.path.join(ROOT, "corpus")
    return [os.path.join(cdir, f) for f in sorted(os.listdir(cdir))
            if f.endswith(".txt") and f != "README.txt"]


def all_text(rec):
    """Title and paragraphs of a clean JSONL record, joined."""
    parts = [rec.get("title") or ""] + list(rec.get("paragraphs") or [])
    return "\n".join(parts)


def collapse(s):
    """The normalizer's space folding on one line: runs of spaces → one,
    trimmed."""
    return re.sub(" +", " ", s).strip(" ") if s else s


# ---------------------------------------------------------------------------
# P1-P3: invalid UTF-8
# ---------------------------------------------------------------------------

P1_SEQS = ["01", "7F", "80", "BF", "C0 80", "C1 BF", "C2 80", "DF BF", "E0 80 80", "E0 9F BF",
           "E0 A0 80", "ED 9F BF", "ED A0 80", "ED BF BF", "F0 80 80 80", "F0 8F BF BF",
           "F0 90 80 80", "F4 8F BF BF", "F4 90 80 80", "F7 BF BF BF", "F8", "FF",
           # the usual bad sequences
           "C0 AF", "E0 80 AF", "F0 80 80 AF", "F8 88 80 80 80", "FC 84 80 80 80 80",
           "FE", "FE FE FF FF", "C2", "E1 80", "F1 80 80", "80 80 80", "C2 41", "E1 41 80",
           "ED 80 80", "EF BF BF", "EF BF BE", "F4 8F BF BE", "F5 80 80 80"]


def hexb(s):
    return bytes(int(x, 16) for x in s.split())


def expected_para(raw):
    """What the reader should make of one body line of raw UTF-8-ish bytes:
    maximal-subpart U+FFFD replacement (Python's decoder counts the same as
    ICU), NUL → U+FFFD, NFC, spaces folded."""
    s = raw.decode("utf-8", "replace").replace("\0", FFFD)
    return collapse(unicodedata.normalize("NFC", s))


def p1_variants():
    out = []
    for s in P1_SEQS:
        b = hexb(s)
        out.append((s, b))
        # a space in place of each continuation byte
        if len(b) > 1:
            for i in range(1, len(b)):
                if 0x80 <= b[i] <= 0xBF:
                    v = bytearray(b)
                    v[i] = 0x20
                    out.append((s + f" (byte {i} → 20)", bytes(v)))
    return out


def utf8_table_case(t, label, variants):
    """All variants as paragraphs of one file (one run checks every exact
    U+FFFD count), then --strict per invalid variant (file and byte named)."""
    head = "제목\n\n".encode()
    bodies = ["{:03d} 가".format(i).encode() + b + "나".encode() for i, (_, b) in enumerate(variants)]
    p = t.write("p1.txt", head + b"\n\n".join(bodies) + b"\n")
    r, recs = t.clean(f"{label} table ({len(variants)} sequences)", p, "--encoding", "utf-8", "--dedup", "off")
    if recs is not None:
        paras = (recs[0].get("paragraphs") if recs else None) or []
        for i, (name, b) in enumerate(variants):
            want = expected_para(bodies[i])
            got = paras[i] if i < len(paras) else None
            if got != want:
                t.fail(f"{label} {name}", f"paragraph {got!r}, expected {want!r} ({want.count(FFFD)} U+FFFD)")
            else:
                t.ok(f"{label} {name}")

    def strict(i, name, b):
        body = "가".encode() + b + "나".encode()
        try:
            body.decode("utf-8")
            return None
        except UnicodeDecodeError as ex:
            off = len(head) + ex.start
        q = t.write(f"p1s{i}.txt", head + body + b"\n")
        return name, q, off, t.run(["clean", "--strict", "--quiet", "--encoding", "utf-8", q])
    for res in t.parallel(strict, [(i, n, b) for i, (n, b) in enumerate(variants)]):
        if res:
            name, q, off, r2 = res
            t.expect(f"{label} {name} --strict", r2, rc=1, stderr_has=[f"{q}: byte {off}"])


@case("P1", "invalid UTF-8 table: exact U+FFFD counts (maximal subpart)")
def p1(t):
    utf8_table_case(t, "P1", p1_variants())
    # truncations at EOF (no newline after them)
    for name, tail in (("E0 A0 at EOF", b"\xe0\xa0"), ("F0 90 80 at EOF", b"\xf0\x90\x80"),
                       ("ED 95 at EOF", b"\xed\x95")):
        p = t.write("p1eof.txt", "제목\n\n본문 가".encode() + tail)
        r, recs = t.clean(f"P1 {name}", p, "--encoding", "utf-8")
        if recs:
            got = (recs[0].get("paragraphs") or [None])[-1]
            t.check(f"P1 {name} (one U+FFFD)", got == "본문 가" + FFFD, f"paragraph {got!r}")
    # auto-detection: a UTF-8 Hangul paragraph with one bad sequence stays UTF-8
    for s in ("C0 AF", "ED A0 80", "FF", "E0 A0"):
        body = "카카오톡 이용자 수가 크게 늘었다고 회사 측이 밝혔다 ".encode() + hexb(s) + \
            " 서비스는 정상화됐다".encode()
        p = t.write("p1auto.txt", "제목입니다\n\n".encode() + body + b"\n")
        r, recs = t.clean(f"P1 auto {s}", p)
        if recs:
            got = (recs[0].get("paragraphs") or [None])[0]
            want = expected_para(body)
            t.check(f"P1 auto {s} (stays UTF-8, exact U+FFFD)", got == want,
                    f"paragraph {got!r}, expected {want!r}")


@case("P2", "overlong NUL C0 80 and overlong / C0 AF")
def p2(t):
    for name, b, want in (("C0 80", b"a\xc0\x80b", "a" + FFFD * 2 + "b"),
                          ("C0 AF in path", b"dir\xc0\xaf..\xc0\xafetc\xc0\xafpasswd",
                           "dir" + FFFD * 2 + ".." + FFFD * 2 + "etc" + FFFD * 2 + "passwd")):
        for enc in (["--encoding", "utf-8"], []):
            lab = f"P2 {name}" + (" (forced utf-8)" if enc else " (auto)")
            p = t.write("p2.txt", "제목\n\n본문 ".encode() + b + b"\n")
            r, recs = t.clean(lab, p, *enc)
            if recs is None:
                continue
            got = (recs[0].get("paragraphs") or [None])[0]
            if enc:
                t.check(lab + " (×2 U+FFFD each)", got == "본문 " + want, f"paragraph {got!r}")
            raw = r.out
            t.check(lab + " (never NUL or /)", b"\\u0000" not in raw and
                    (name != "C0 AF in path" or "/" not in (got or "")), f"output {raw[:200]!r}")


@case("P3", "lone surrogates and CESU-8 in UTF-8")
def p3(t):
    for name, b, n in (("ED A0 80", b"\xed\xa0\x80", 3), ("ED BF BF", b"\xed\xbf\xbf", 3),
                       ("CESU-8 pair ED A0 BD ED B8 80", b"\xed\xa0\xbd\xed\xb8\x80", 6)):
        p = t.write("p3.txt", "제목\n\n가".encode() + b + "나\n".encode())
        r, recs = t.clean(f"P3 {name}", p, "--encoding", "utf-8")
        if recs:
            got = (recs[0].get("paragraphs") or [None])[0]
            t.check(f"P3 {name} ({n} U+FFFD)", got == "가" + FFFD * n + "나", f"paragraph {got!r}")


# ---------------------------------------------------------------------------
# P4 NUL
# ---------------------------------------------------------------------------

@case("P4", "NUL bytes: U+FFFD, no truncation, extractor sees text after NUL")
def p4(t):
    p = t.write("p4a.txt", b"title\n\nabc\0de\0\n")
    r, recs = t.clean("P4 abc\\0de\\0", p)
    if recs:
        got = (recs[0].get("paragraphs") or [None])[0]
        t.check("P4 abc\\0de\\0 (U+FFFD, not truncated)", got == "abc" + FFFD + "de" + FFFD,
                f"paragraph {got!r}")
    # NUL inside a date: 2024\0년 must not become a date; a date after a NUL is found
    text = "제목\n\n발표는 2024\0년에 있었고 \0 이후 2023년 1월 2일에 다시 열렸다.\n".encode()
    p = t.write("p4b.txt", text)
    r, recs = t.clean("P4 NUL in date (clean)", p)
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P4 NUL in date (text after NUL kept)", "2023년 1월 2일" in got and
                "2024" + FFFD + "년" in got, f"paragraph {got!r}")
    r, ms = t.extract("P4 NUL in date (extract)", p)
    if ms is not None:
        dates = [m.get("value") for m in ms if m.get("kind") == "date"]
        t.check("P4 date after NUL extracted", "2023-01-02" in dates, f"dates {dates}")
        t.check("P4 2024\\0년 not read as a date", "2024" not in dates, f"dates {dates}")
    # 1 MiB of NUL
    p = t.write("p4c.txt", b"\0" * MiB)
    # --dedup off: the three 1 MiB segments of U+FFFD are identical paragraphs
    r, recs = t.clean("P4 1 MiB of NUL", p, "--dedup", "off", timeout=5)
    if recs:
        n = all_text(recs[0]).count(FFFD)
        t.check("P4 1 MiB of NUL (1,048,576 U+FFFD)", n == MiB, f"{n} U+FFFD")
    r, rep = t.report(p, cmd="clean", timeout=5)
    if rep:
        got = rep.get("decode", {}).get("nul_bytes")
        t.check("P4 1 MiB of NUL (nul_bytes counted)", got == MiB, f"nul_bytes {got}")
    r = t.run(["clean", "--strict", "--quiet", t.write("p4d.txt", b"ab\0c\n")])
    t.expect("P4 --strict NUL", r, rc=1, stderr_has=[t.path("p4d.txt") + ": byte 2"])


# ---------------------------------------------------------------------------
# P5/P6 100 MB single line
# ---------------------------------------------------------------------------

def big_line_size(t):
    return 100 * MB if not t.fast else 12 * MB


def rss_bound(t, size, full_bound_mb, full_size):
    """A bound proportional to the input, with a floor for the process's
    fixed cost (ICU data, dictionaries)."""
    return 16 + max(48.0, full_bound_mb * size / full_size)


def check_segments(t, label, recs, want_text, maxb=MiB):
    if not recs:
        return
    paras = recs[0].get("paragraphs") or []
    title = recs[0].get("title") or ""
    big = [len(x.encode()) for x in paras if len(x.encode()) > maxb]
    t.check(label + " (segments ≤ 1 MiB)", not big, f"{len(big)} paragraphs over 1 MiB, max {max(big or [0])}")
    joined = title + "".join(paras)
    if joined == want_text:
        t.ok(label + " (nothing lost: segments concatenate to the input)")
    else:
        i = next((k for k in range(min(len(joined), len(want_text))) if joined[k] != want_text[k]),
                 min(len(joined), len(want_text)))
        t.fail(label + " (nothing lost)", f"output {len(joined)} chars vs input {len(want_text)}; "
               f"first difference at char {i}: {joined[i:i + 20]!r} vs {want_text[i:i + 20]!r}")


@case("P5", "100 MB single line (fast: 12 MB)")
def p5(t):
    rng = random.Random(t.seed + 5)
    size = big_line_size(t)
    data = news_text(size, rng)
    p = t.write("p5.txt", data)
    rss = rss_bound(t, size, 256, 100 * MB)
    bound = 15 * size / (100 * MB)
    r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=max(5 * bound, 10))
    if t.expect(f"P5 clean {size // MB} MB line", r, rc=0, rss_mb=rss, bound_s=bound):
        recs = t.jsonl("P5", r.out)
        check_segments(t, "P5", recs, collapse(data.decode()))
    r.out = None
    r, rep = t.report(p, timeout=max(5 * bound, 10))
    if t.expect(f"P5 extract {size // MB} MB line", r, rc=0, rss_mb=rss, bound_s=bound) and rep:
        t.check("P5 long_lines_split counted", rep.get("segment", {}).get("long_lines_split", 0) >= size // MiB,
                f"report segment {rep.get('segment')}")
    r = t.run(["extract", "--strict", "--quiet", p], timeout=max(5 * bound, 10), keep_out=False)
    t.expect("P5 --strict", r, rc=1, stderr_has=[p + ": byte "])


@case("P6", "100 MB single line ending in a truncated character (fast: 12 MB)")
def p6(t):
    rng = random.Random(t.seed + 6)
    size = big_line_size(t)
    data = news_text(size, rng) + b"\xed\x95"
    p = t.write("p6.txt", data)
    rss = rss_bound(t, size, 256, 100 * MB)
    bound = 15 * size / (100 * MB)
    r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=max(5 * bound, 10))
    if t.expect(f"P6 clean", r, rc=0, rss_mb=rss, bound_s=bound):
        recs = t.jsonl("P6", r.out)
        check_segments(t, "P6", recs, collapse(data[:-2].decode()) + FFFD)
    r.out = None
    # the extractor still sees everything before the bad tail: a date right
    # before it is found
    tail = "마지막 기사는 2021년 7월 9일 발표했다 ".encode()
    p2 = t.write("p6b.txt", news_text(2 * MB, rng) + tail + b"\xed\x95")
    r, ms = t.extract("P6 extract (date before the truncated tail)", p2, timeout=20)
    if ms is not None:
        t.check("P6 date before truncated tail extracted",
                any(m.get("value") == "2021-07-09" for m in ms), f"{len(ms)} mentions")


# ---------------------------------------------------------------------------
# P7 1 M tiny paragraphs
# ---------------------------------------------------------------------------

@case("P7", "1 M tiny paragraphs (fast: 200 k)")
def p7(t):
    n = 1000000 if not t.fast else 200000
    rss = 16 + max(64.0, 300 * n / 1000000)  # + the process's fixed cost
    bound = 10 * n / 1000000
    p = t.write("p7a.txt", "가\n\n".encode() * n)
    r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=max(5 * bound, 10))
    if t.expect(f"P7 {n} × '가' (clean)", r, rc=0, rss_mb=rss, bound_s=bound):
        recs = t.jsonl("P7", r.out)
        if recs:
            kept = len(recs[0].get("paragraphs") or []) + (1 if recs[0].get("title") else 0)
            drops = recs[0].get("dropped") or []
            dup = sum(1 for d in drops if d.get("reason") == "duplicate")
            # PATHOLOGICAL.md: "1 M records, or 1 record for the duplicates"
            # (dedup.c keeps repeated short lines unless they border a long
            # duplicate); anything in between would be arbitrary loss
            t.check("P7 1 M records or 1 record", kept in (1, n),
                    f"{kept} records kept (title + paragraphs), {dup} dropped as duplicate")
            t.check("P7 every line accounted for", kept + len(drops) == 2 * n,
                    f"{kept} kept + {len(drops)} dropped ≠ {2 * n} input lines")
    r.out = None
    lines = "".join(f"기사 {i} 2024년 3월 5일\n\n" for i in range(n)).encode()
    p = t.write("p7b.txt", lines)
    r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=max(5 * bound, 10))
    if t.expect(f"P7 {n} distinct (clean)", r, rc=0, rss_mb=rss, bound_s=bound):
        recs = t.jsonl("P7b", r.out)
        if recs:
            kept = len(recs[0].get("paragraphs") or []) + (1 if recs[0].get("title") else 0)
            t.check(f"P7 {n} distinct records", kept == n, f"{kept} records")
    r.out = None
    r = t.run(["extract", "--quiet", p], timeout=max(5 * bound, 10))
    if t.expect(f"P7 {n} distinct (extract)", r, rc=0, rss_mb=rss, bound_s=bound):
        nd = r.out.count(b'"value":"2024-03-05"')
        t.check(f"P7 {n} dates extracted", nd >= n - 1, f"{nd} dates 2024-03-05")
    r.out = None


# ---------------------------------------------------------------------------
# P8-P10 regex
# ---------------------------------------------------------------------------

def p8_inputs():
    M = 1000000
    return [
        ("digits×10^6 + x억", b"1" * M + "x억".encode()),
        ("'1,'×10^5 + x원", b"1," * 100000 + "x원".encode()),
        ("'년 '×10^5", "년 ".encode() * 100000),
        ("'.'×10^6", b"." * M),
        ("'2024년 '×10^5", "2024년 ".encode() * 100000),
        ("'(주)'×10^5", "(주)".encode() * 100000),
        ("'%'×10^6", b"%" * M),
        ("'1천'×10^5", "1천".encode() * 100000),
        ("'지난 '×10^5", "지난 ".encode() * 100000),
        ("50,000 syllables, no space", "".join(chr(0xAC00 + (i * 7919) % 11172) for i in range(50000)).encode()),
        ("'3월 '×10^5", "3월 ".encode() * 100000),
        ("'약 1만 '×10^5", "약 1만 ".encode() * 100000),
        ("digits and commas 1,000,000,…", b"1" + b",000" * 200000 + "원".encode()),
        ("'오전 10:'×10^5", "오전 10:".encode() * 100000),
    ]


@case("P8", "regex backtracking bait: linear, no limit hits, with and without JIT")
def p8(t):
    shim = t.shim() if not t.asan else None
    for name, data in p8_inputs():
        p = t.write("p8.txt", b"title\n\n" + data + b"\n")
        # one line, not split: the patterns see the whole 1 MB subject
        for jit in (True, False):
            lab = f"P8 {name}" + ("" if jit else " (no JIT)")
            if not jit and name in t.slow_inputs:
                t.skip(lab, "timed out with JIT already (the interpreter is not faster)")
                continue
            if not jit and not shim:
                t.skip(lab, "needs the LD_PRELOAD shim (not under ASan)" if t.asan else "shim not built")
                continue
            env = {} if jit else {"KC_INJECT_NOJIT": "1"}
            rp = t.path(".rep.json")
            r = t.run(["extract", "--quiet", "--max-line-bytes", str(4 * MiB), "--report", rp, p],
                      timeout=5.0, env=env, preload=None if jit else shim, keep_out=False)
            if r.timed_out:
                t.slow_inputs.add(name)
            if t.expect(lab, r, rc=0, bound_s=1):
                t.check(lab + " (≤ 1 s)", r.secs <= 1.0 * t.tfactor, f"{r.secs:.2f} s")
                try:
                    rep = json.load(open(rp))
                    hits = rep.get("extract", {}).get("regex_limit_hits")
                    t.check(lab + " (zero limit hits)", hits == 0, f"regex_limit_hits {hits}")
                except (OSError, ValueError) as ex:
                    t.fail(lab + " (report)", str(ex))


@case("P9", "global match loop over a 16 MiB line with 290 k dates: every date emitted")
def p9(t):
    rng = random.Random(t.seed + 9)
    n = 290000 if not t.fast else 72000
    data, vals = dated_line(n, rng)
    p = t.write("p9.txt", b"title\n\n" + data + b"\n")
    bound = 1.0 * n / 290000
    r = t.run(["extract", "--quiet", "--max-line-bytes", str(len(data) + 16), p],
              timeout=max(10 * bound, 5))
    if t.expect(f"P9 {len(data) / MiB:.1f} MiB line, {n} dates", r, rc=0, bound_s=bound):
        ms = t.jsonl("P9", r.out) or []
        got = [m.get("value") for m in ms if m.get("kind") == "date"]
        if got == vals:
            t.ok("P9 every date emitted, in order")
        else:
            i = next((k for k in range(min(len(got), len(vals))) if got[k] != vals[k]),
                     min(len(got), len(vals)))
            t.fail("P9 every date emitted", f"{len(got)} dates of {len(vals)}; first difference at "
                   f"#{i}: {got[i] if i < len(got) else None!r} vs {vals[i] if i < len(vals) else None!r}")


@case("P10", "nested-quantifier guard: no pattern needs a match limit over 1,000")
def p10(t):
    if t.asan:
        t.skip("P10", "LD_PRELOAD shim not usable under ASan")
        return
    shim = t.shim()
    if not shim:
        t.skip("P10", "shim not built")
        return
    env = {"KC_INJECT_MATCH_LIMIT": "1000", "KC_INJECT_DEPTH_LIMIT": "1000"}
    inputs = [(os.path.basename(f), f) for f in corpus_files()]
    for name, data in p8_inputs():
        if name in t.slow_inputs:
            t.skip(f"P10 {name}", "timed out in P8 already (reported there)")
            continue
        inputs.append((name, t.write(f"p10-{len(inputs)}.txt", b"title\n\n" + data + b"\n")))
    for name, p in inputs:
        rp = t.path(".rep.json")
        r = t.run(["extract", "--quiet", "--max-line-bytes", str(4 * MiB), "--report", rp, p],
                  timeout=10, env=env, preload=shim, keep_out=False)
        if t.expect(f"P10 {name}", r, rc=0):
            hits = json.load(open(rp)).get("extract", {}).get("regex_limit_hits")
            t.check(f"P10 {name} (no limit hit at match limit 1,000)", hits == 0,
                    f"regex_limit_hits {hits}")
    # a limit hit is counted and the document continues (limit 1: everything hits)
    f = corpus_files()[0]
    base = t.run(["clean", "--format", "jsonl", "--quiet", f])
    rp = t.path(".rep.json")
    r = t.run(["extract", "--quiet", "--report", rp, f], env={"KC_INJECT_MATCH_LIMIT": "1"},
              preload=shim)
    if t.expect("P10 match limit 1 (exit 0, document continues)", r, rc=0):
        hits = json.load(open(rp)).get("extract", {}).get("regex_limit_hits")
        t.check("P10 match limit 1 (hits counted)", (hits or 0) > 0, f"regex_limit_hits {hits}")
    r2 = t.run(["clean", "--format", "jsonl", "--quiet", f], env={"KC_INJECT_MATCH_LIMIT": "1"},
               preload=shim)
    if t.expect("P10 match limit 1 (clean)", r2, rc=0):
        a = set((t.jsonl("P10", base.out) or [{}])[0].get("paragraphs") or [])
        b = set((t.jsonl("P10", r2.out) or [{}])[0].get("paragraphs") or [])
        t.check("P10 match limit 1: no paragraph lost (limits fail open)", a <= b,
                f"{len(a - b)} paragraphs lost, e.g. {sorted(a - b)[:2]!r}")


# ---------------------------------------------------------------------------
# P11 CP949
# ---------------------------------------------------------------------------

def uhc_extension():
    """Every UHC extension code (lead 81-C6, trails 41-5A 61-7A 81-FE, below
    the KS X 1001 block) as (bytes, char) pairs, using Python's cp949 codec
    as the independent oracle."""
    out = []
    trails = list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0x81, 0xFF))
    for lead in range(0x81, 0xC7):
        for tr in trails:
            if lead >= 0xA1 and tr >= 0xA1:
                continue  # KS X 1001 (EUC-KR) block
            if lead == 0xC6 and tr > 0x52:
                continue
            b = bytes([lead, tr])
            try:
                c = b.decode("cp949")
            except UnicodeDecodeError:
                continue
            out.append((b, c))
    return out


@case("P11", "CP949 (windows-949-2000): UHC range, undecodable bytes, mixed files")
def p11(t):
    # 똠 (8C 63): IBM's cp949 gives U+001A, windows-949-2000 gives 똠
    body = "오늘 ".encode("cp949") + b"\x8c\x63" + " 사건이 있었다".encode("cp949")
    for enc in ("cp949", "auto"):
        p = t.write("p11a.txt", "제목입니다\n\n".encode("cp949") + body + b"\n")
        args = ["--encoding", enc] if enc != "auto" else []
        r, recs = t.clean(f"P11 똠 8C 63 ({enc})", p, *args)
        if recs:
            got = (recs[0].get("paragraphs") or [None])[0]
            t.check(f"P11 똠 8C 63 ({enc})", got == "오늘 똠 사건이 있었다", f"paragraph {got!r}")
    # the whole UHC extension range
    ext = uhc_extension()
    lines, want = [], []
    for i in range(0, len(ext), 40):
        chunk = ext[i:i + 40]
        lines.append(b"".join(b for b, _ in chunk))
        want.append("".join(c for _, c in chunk))
    p = t.write("p11b.txt", "제목\n\n".encode("cp949") + b"\n\n".join(lines) + b"\n")
    # forced only: lines made of nothing but UHC-extension codes are often
    # also valid UTF-8 (C5 81 = Ł), so auto-detection may fairly read them so
    for enc in ("cp949",):
        args = ["--encoding", enc, "--dedup", "off"]
        r, recs = t.clean(f"P11 UHC extension 81 41–C6 52 ({len(ext)} chars, {enc})", p, *args)
        if recs:
            got = recs[0].get("paragraphs") or []
            t.check(f"P11 UHC extension ({enc}) decoded like Python's cp949", got == want,
                    f"{sum(1 for a, b in zip(got, want) if a != b)} of {len(want)} lines differ; "
                    f"first: {next(((a, b) for a, b in zip(got, want) if a != b), (len(got), len(want)))!r}")
    # undecodable bytes: 81 20 (bad trail), FF, trailing lead B0 at EOF
    for name, raw in (("81 20", b"\x81\x20"), ("FF", b"\xff"), ("lead B0 at EOF", b"\xb0")):
        data = "제목\n\n가나다 ".encode("cp949") + raw
        if name != "lead B0 at EOF":
            data += " 라마".encode("cp949") + b"\n"
        want_p = data.split(b"\n\n", 1)[1].rstrip(b"\n").decode("cp949", "replace")
        want_p = collapse(want_p)
        p = t.write("p11c.txt", data)
        r, recs = t.clean(f"P11 undecodable {name}", p, "--encoding", "cp949")
        # windows-949-2000 maps a lone FF to the private-use U+F8F7 (Microsoft's
        # table); that is flagged as private use rather than replaced
        pua = want_p.replace(FFFD, "\uf8f7")
        if recs:
            got = (recs[0].get("paragraphs") or [None])[0]
            t.check(f"P11 undecodable {name} (U+FFFD or flagged PUA, rest kept)",
                    got == want_p or (name == "FF" and got == pua),
                    f"paragraph {got!r}, expected {want_p!r}")
        r2, rep = t.report(p, "--encoding", "cp949", cmd="clean")
        if rep:
            dd = rep.get("decode", {})
            t.check(f"P11 undecodable {name} (counted)", dd.get("invalid_sequences", 0) >= 1 or
                    (name == "FF" and dd.get("private_use", 0) >= 1), f"decode {dd}")
        if not (name == "FF" and recs and (recs[0].get("paragraphs") or [""])[0] == pua):
            r3 = t.run(["clean", "--strict", "--quiet", "--encoding", "cp949", p])
            t.expect(f"P11 undecodable {name} --strict", r3, rc=1, stderr_has=[p + ": byte "])
    # user-defined area (C9 A1) → PUA, flagged; 1A → U+001A flagged
    p = t.write("p11d.txt", "제목\n\n가 ".encode("cp949") + b"\xc9\xa1 \x1a " + "나\n".encode("cp949"))
    r, rep = t.report(p, "--encoding", "cp949", cmd="clean")
    if t.expect("P11 PUA and U+001A", r, rc=0) and rep:
        d = rep.get("decode", {})
        t.check("P11 PUA counted", d.get("private_use", 0) >= 1, f"decode {d}")
        t.check("P11 U+001A counted as control", d.get("control_chars", 0) >= 1, f"decode {d}")
    # mixed encodings: UTF-8 lines and CP949 lines in one file
    rng = random.Random(t.seed + 11)
    sents = [news_text(200, rng).decode() for _ in range(40)]
    sents = [x for x in sents if x]
    mixed = "제목\n\n".encode()
    for i, s in enumerate(sents):
        mixed += (s.encode("cp949") if i % 2 else s.encode()) + b"\n\n"
    p = t.write("p11e.txt", mixed)
    r, recs = t.clean("P11 mixed UTF-8/CP949 lines", p, "--dedup", "off")
    if recs:
        got = recs[0].get("paragraphs") or []
        want = [collapse(s) for s in sents]
        t.check("P11 mixed file: every line decoded", got == want,
                f"{sum(1 for a, b in zip(got, want) if a != b)} of {len(want)} differ"
                f"{'' if len(got) == len(want) else f'; {len(got)} paragraphs'}")
    # a whole article in CP949 gives the same output as its UTF-8 original
    for f in corpus_files():
        u = open(f, "rb").read()
        try:
            c = u.decode().encode("cp949")
        except UnicodeEncodeError:
            t.skip(f"P11 {os.path.basename(f)} as CP949", "article has characters CP949 lacks")
            continue
        pu = t.write("u/" + os.path.basename(f), u)
        pc = t.write("c/" + os.path.basename(f), c)
        a = t.run(["clean", "--format", "jsonl", "--quiet", pu])
        b = t.run(["clean", "--format", "jsonl", "--quiet", pc])
        t.check(f"P11 {os.path.basename(f)} as CP949 (auto) = UTF-8 output",
                a.rc == 0 and b.rc == 0 and a.out == b.out, f"exit {a.rc}/{b.rc}; outputs differ")
    # speed: 70 MB of CP949 in ≤ 2 s (fast: 8 MB)
    size = 70 * MB if not t.fast else 8 * MB
    block = (news_text(1 * MB, rng).decode() + "\n").encode("cp949")
    data = block * (size // len(block) + 1)
    p = t.write("p11f.txt", data[:size])
    bound = 2.0 * size / (70 * MB)
    r = t.run(["clean", "--quiet", "--encoding", "cp949", "--dedup", "off", p], timeout=max(10, 10 * bound),
              keep_out=False)
    t.expect(f"P11 {size // MB} MB CP949", r, rc=0, bound_s=bound)


# ---------------------------------------------------------------------------
# P12 BOMs, P13 line ends
# ---------------------------------------------------------------------------

ARTICLE = ("카카오 먹통 사태, 일주일의 기록\n\n"
           "지난 15일 오후 3시 19분께 경기 성남시 판교 데이터센터에서 불이 났다.\n\n"
           "카카오톡 이용자 4천750만 명이 한때 메시지를 보내지 못했다.\n\n"
           "회사 측은 \"피해 보상안을 마련하겠다\"고 밝혔다.\n\n"
           "서비스는 127시간 30분 만에 완전히 복구됐다.\n")


@case("P12", "byte-order marks")
def p12(t):
    base_p = t.write("p12base.txt", ARTICLE)
    base = t.run(["clean", "--format", "jsonl", "--quiet", base_p])
    want = base.out.replace(b"p12base", b"DOC")

    def same(label, data, fn):
        p = t.write(fn, data)
        r = t.run(["clean", "--format", "jsonl", "--quiet", p])
        stem = os.path.splitext(fn)[0].encode()
        if t.expect(label, r, rc=0):
            t.check(label + " (same records as without BOM)", r.out.replace(stem, b"DOC") == want,
                    f"{r.out[:300]!r}")
    same("P12 UTF-8 BOM", b"\xef\xbb\xbf" + ARTICLE.encode(), "bom8.txt")
    # a BOM at the start of each concatenated part (every ~4 KiB, at line starts)
    rng = random.Random(t.seed + 12)
    parts = [news_text(4000, rng).decode() for _ in range(8)]
    plain = "제목\n\n" + "\n\n".join(parts) + "\n"
    boms = "제목\n\n" + "\n\n".join("\ufeff" + x for x in parts) + "\n"
    pp = t.write("plain.txt", plain)
    pb = t.write("boms.txt", boms)
    a = t.run(["clean", "--format", "jsonl", "--quiet", pp])
    b = t.run(["clean", "--format", "jsonl", "--quiet", pb])
    t.check("P12 BOM every 4 KiB (ZWNBSP dropped)", a.rc == 0 and b.rc == 0 and
            a.out.replace(b"plain", b"X") == b.out.replace(b"boms", b"X"),
            f"exit {a.rc}/{b.rc}; outputs differ")
    # dedup key ignores the ZWNBSP
    dup = "제목\n\n" + parts[0] + "\n\n\ufeff" + parts[0] + "\n"
    r, recs = t.clean("P12 ZWNBSP in dedup key", t.write("dup.txt", dup))
    if recs:
        t.check("P12 ZWNBSP dropped from dedup key", len(recs[0].get("paragraphs") or []) == 1,
                f"{len(recs[0].get('paragraphs') or [])} paragraphs")
    for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        p = t.write(f"{enc}.txt", bom + ARTICLE.encode(enc))
        r = t.run(["clean", "--format", "jsonl", "--quiet", p])
        stem = enc.encode()
        if r.rc == 0:
            t.check(f"P12 {enc} with BOM converted", r.out.replace(stem, b"DOC") == want, f"{r.out[:200]!r}")
        else:
            t.expect(f"P12 {enc} with BOM rejected", r, rc=(1, 2), stderr_has=[p + ": "])
    r, recs = t.clean("P12 file that is only a BOM", t.write("onlybom.txt", b"\xef\xbb\xbf"))
    if recs is not None:
        t.check("P12 only a BOM: no paragraphs", recs and not recs[0].get("paragraphs") and
                not recs[0].get("title"), f"{recs!r}")


@case("P13", "CRLF, CR, NEL, LS, PS line ends; CRLF across every chunk size")
def p13(t):
    p = t.write("lf.txt", ARTICLE)
    base = t.run(["clean", "--format", "jsonl", "--quiet", p])
    want = base.out.replace(b'"doc":"lf"', b'"doc":"X"')
    t.check("P13 LF baseline", base.rc == 0 and base.out, base.desc())
    variants = {"crlf": "\r\n", "cr": "\r", "nel": "\u0085", "ls": "\u2028", "ps": "\u2029"}
    for name, sep in variants.items():
        p = t.write(f"{name}.txt", ARTICLE.replace("\n", sep))
        r = t.run(["clean", "--format", "jsonl", "--quiet", p])
        if t.expect(f"P13 {name}", r, rc=0):
            t.check(f"P13 {name} (identical records)",
                    r.out.replace(f'"doc":"{name}"'.encode(), b'"doc":"X"') == want,
                    f"{r.out[:300]!r}")
    p = t.write("crlf.txt", ARTICLE.replace("\n", "\r\n"))
    sizes = range(1, 65) if not t.fast else [1, 2, 3, 4, 5, 7, 8, 11, 13, 16, 31, 32, 33, 63, 64]
    bad = []
    for n in sizes:
        r = t.run(["clean", "--format", "jsonl", "--quiet", "--read-size", str(n), p])
        if r.rc != 0 or r.out.replace(b'"doc":"crlf"', b'"doc":"X"') != want:
            bad.append(n)
    t.check(f"P13 CRLF split across read sizes {sizes[0]}..{sizes[-1]}", not bad, f"read sizes {bad} differ")


# ---------------------------------------------------------------------------
# P14-P16 normalization
# ---------------------------------------------------------------------------

@case("P14", "mixed normalization: NFC/NFD, jamo, full-width digits")
def p14(t):
    nfc = unicodedata.normalize("NFC", ARTICLE)
    nfd = unicodedata.normalize("NFD", ARTICLE)
    a = t.run(["clean", "--format", "jsonl", "--quiet", t.write("nfc.txt", nfc)])
    b = t.run(["clean", "--format", "jsonl", "--quiet", t.write("nfd.txt", nfd)])
    t.check("P14 NFD input gives NFC output", a.rc == 0 and b.rc == 0 and
            a.out.replace(b"nfc", b"X") == b.out.replace(b"nfd", b"X"), f"exit {a.rc}/{b.rc}")
    # one dedup key across documents: the NFD copy is a duplicate of the NFC one
    d = t.path("dd")
    os.makedirs(d, exist_ok=True)
    t.write("dd/a.txt", nfc)
    t.write("dd/b.txt", nfd)
    r = t.run(["clean", "--format", "jsonl", "--quiet", d])
    if t.expect("P14 corpus dedup NFC vs NFD", r, rc=0):
        recs = t.jsonl("P14", r.out) or []
        t.check("P14 NFD copy dropped as duplicate", len(recs) == 2 and not recs[1].get("paragraphs"),
                f"second document keeps {len(recs[1].get('paragraphs') or []) if len(recs) > 1 else '?'} paragraphs")
    # full-width digits: folded, and the date extracted
    fw = "제목\n\n발표는 ２０２４년 ３월 ５일에 있었다.\n"
    r, recs = t.clean("P14 full-width digits", t.write("fw.txt", fw))
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P14 full-width digits folded", got == "발표는 2024년 3월 5일에 있었다.", f"{got!r}")
    r, ms = t.extract("P14 full-width digits (extract)", t.path("fw.txt"))
    if ms is not None:
        t.check("P14 date from ２０２４년 ３월 ５일", any(m.get("value") == "2024-03-05" for m in ms),
                f"mentions {[m.get('value') for m in ms]}")
    # compatibility jamo are not composed (not full NFKC); half-width jamo handled
    r, recs = t.clean("P14 compatibility jamo", t.write("cj.txt", "제목\n\nㄱㅏ ㅋㅋㅋ 웃었다\n"))
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P14 compatibility jamo kept (no NFKC composition)", got == "ㄱㅏ ㅋㅋㅋ 웃었다", f"{got!r}")
    r, recs = t.clean("P14 half-width jamo", t.write("hj.txt", "제목\n\n\uffa1\uffc2 하프\n"))
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P14 half-width jamo: NFC output", got == unicodedata.normalize("NFC", got or ""), f"{got!r}")


ZW = {"ZWSP": "\u200b", "ZWJ": "\u200d", "ZWNJ": "\u200c", "FEFF": "\ufeff", "SHY": "\u00ad",
      "U+3164": "\u3164", "U+115F": "\u115f"}


@case("P15", "zero-width characters inside Hangul words")
def p15(t):
    clean_para = "삼성전자는 2024년 3월 5일 실적을 발표했다."
    for name, z in ZW.items():
        para = f"삼{z}성전{z}자는 2024{z}년 3{z}월 5일 실적을 발표했다."
        p = t.write("zw.txt", "제목\n\n" + para + "\n\n" + clean_para + "\n")
        r, recs = t.clean(f"P15 {name}", p)
        if recs:
            paras = recs[0].get("paragraphs") or []
            t.check(f"P15 {name} removed from output", paras[:1] == [clean_para], f"{paras!r}")
            t.check(f"P15 {name} dedup key equal to the clean text", len(paras) == 1,
                    f"{len(paras)} paragraphs (the clean copy was not a duplicate)")
        p = t.write("zw2.txt", "제목\n\n" + para + "\n")
        r, ms = t.extract(f"P15 {name} (extract)", p)
        if ms is None:
            continue
        r2, recs2 = t.clean(f"P15 {name} (paragraphs)", p)
        paras = (recs2[0].get("paragraphs") if recs2 else None) or []
        t.check(f"P15 {name} date extracted", any(m.get("kind") == "date" and m.get("value") == "2024-03-05"
                                                  for m in ms), f"{[(m.get('kind'), m.get('value')) for m in ms]}")
        t.check(f"P15 {name} entity 삼성전자 extracted",
                any(m.get("kind") == "entity" and m.get("name") == "삼성전자" for m in ms),
                f"{[(m.get('kind'), m.get('name')) for m in ms if m.get('kind') == 'entity']}")
        offs_bad = [m for m in ms if m.get("para", 0) >= len(paras) or
                    paras[m["para"]][m["start"]:m["end"]] != m.get("text")]
        t.check(f"P15 {name} offsets map into the clean paragraph", not offs_bad, f"{offs_bad[:3]}")


@case("P16", "decomposed Hangul jamo sequences")
def p16(t):
    cases = [("LV+T", "\uac00\u11a8", "\uac01"), ("L+V+T", "\u1100\u1161\u11a8", "\uac01"),
             ("archaic L+V", "\u1113\u1161", "\u1113\u1161"), ("lone T", "\u11a8", "\u11a8")]
    for name, s, want in cases:
        r, recs = t.clean(f"P16 {name}", t.write("j.txt", f"제목\n\n가 {s} 나\n"))
        if recs:
            got = (recs[0].get("paragraphs") or [""])[0]
            t.check(f"P16 {name} NFC", got == f"가 {want} 나", f"{got!r}")
    r, recs = t.clean("P16 fillers U+115F U+1160", t.write("f.txt", "제목\n\n가 \u115f\u1160 나\n"))
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P16 fillers: NFC, no crash", got == unicodedata.normalize("NFC", got or "x"), f"{got!r}")
    p = t.write("jamo.txt", "제목\n\n" + "\u1100" * 100000 + "\n")
    r = t.run(["extract", "--quiet", "--max-line-bytes", str(MiB), p], timeout=5, keep_out=False)
    if t.expect("P16 100 k jamo without vowel", r, rc=0, bound_s=1):
        t.check("P16 100 k jamo (≤ 1 s)", r.secs <= 1.0 * t.tfactor, f"{r.secs:.2f} s")


# ---------------------------------------------------------------------------
# P17 hash flooding, P18 chunk invariance, P19 integer edges
# ---------------------------------------------------------------------------

@case("P17", "dedup hash flooding / quadratic dedup on 25,000 paragraphs")
def p17(t):
    rng = random.Random(t.seed + 17)
    n = 25000
    # short paragraphs (exact dedup only) and long ones (near-dup candidates)
    # ≥ 20 code points (dedup.c's KC_SHORT_PARA) but < 40 (near-dup minimum)
    short = "".join(f"문단 {i} 번째 내용은 중복 검사 대상입니다\n\n" for i in range(n))
    long_ = "".join(f"{i}번 문단: " + news_text(120, rng).decode() + "\n\n" for i in range(n))
    for name, text in (("short", short), ("long (near-dup candidates)", long_)):
        p = t.write("p17.txt", "제목\n\n" + text + text)  # every paragraph twice
        r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=10)
        if t.expect(f"P17 {n} {name} paragraphs ×2", r, rc=0, bound_s=1):
            t.check(f"P17 {name} (≤ 1 s)", r.secs <= 1.0 * t.tfactor, f"{r.secs:.2f} s")
            recs = t.jsonl("P17", r.out)
            if recs:
                k = len(recs[0].get("paragraphs") or [])
                t.check(f"P17 {name}: each paragraph kept once", k == n, f"{k} kept of {n}")


@case("P18", "chunk-boundary invariance, UTF-8 and CP949, read sizes 1..64")
def p18(t):
    sizes = range(1, 65) if not t.fast else [1, 2, 3, 5, 7, 64]
    for f in corpus_files():
        u = open(f, "rb").read()
        try:
            c = u.decode().encode("cp949")
        except UnicodeEncodeError:
            c = None
        for enc, data in (("utf-8", u), ("cp949", c)):
            if data is None:
                t.skip(f"P18 {os.path.basename(f)} {enc}", "not encodable in CP949")
                continue
            p = t.write(f"{enc}/{os.path.basename(f)}", data)
            for view in (["clean", "--format", "jsonl"], ["extract"]):
                base = t.run(view + ["--quiet", p])
                if not t.expect(f"P18 {os.path.basename(f)} {enc} {view[0]}", base, rc=0):
                    continue
                bad = [n for n in sizes
                       if t.run(view + ["--quiet", "--read-size", str(n), p]).out != base.out]
                t.check(f"P18 {os.path.basename(f)} {enc} {view[0]} chunked", not bad,
                        f"read sizes {bad[:10]} differ")


@case("P19", "integer edges: line caps, --max-line-bytes extremes, huge figures")
def p19(t):
    cap = 4096
    for n in (cap - 1, cap, cap + 1):
        body = ("가" * (n // 3) + "a" * (n % 3)).encode()
        assert len(body) == n
        p = t.write("cap.txt", b"title\n\n" + body + b"\n")
        r, recs = t.clean(f"P19 line of {n} bytes, cap {cap}", p, "--max-line-bytes", str(cap))
        if recs:
            paras = recs[0].get("paragraphs") or []
            t.check(f"P19 line of {n} bytes (split only over the cap)",
                    len(paras) == (1 if n <= cap else 2) and "".join(paras) == body.decode(),
                    f"{[len(x.encode()) for x in paras]}")
    rng = random.Random(t.seed + 19)
    text = news_text(20000, rng)
    p = t.write("edges.txt", b"title\n\n" + text + b"\n")
    for v in ("0", "1", "2", "3", "18446744073709551615", "18446744073709551616", "99999999999999999999999"):
        r = t.run(["clean", "--format", "jsonl", "--quiet", "--max-line-bytes", v, p], timeout=10)
        if t.expect(f"P19 --max-line-bytes={v}", r, rc=(0, 2)):
            if r.rc == 0:
                recs = t.jsonl("P19", r.out)
                if recs:
                    joined = (recs[0].get("title") or "") + "".join(recs[0].get("paragraphs") or [])
                    want = "title" + collapse(text.decode())
                    t.check(f"P19 --max-line-bytes={v} loses nothing", joined == want,
                            f"{len(joined)} vs {len(want)} chars")
            else:
                t.check(f"P19 --max-line-bytes={v} usage error says why", "max-line-bytes" in r.err, r.err)
    figs = ["999,999,999,999,999,999,999조 원", "1" * 400 + "원", "0." + "9" * 400 + "%",
            "9" * 30 + "억 " + "9" * 30 + "만 명", "18446744073709551616달러",
            "-" + "9" * 100 + "원", "1e308원", "99999999999999999999경 원"]
    p = t.write("figs.txt", "title\n\n" + "\n\n".join(f"금액은 {f}이다." for f in figs) + "\n")
    r, ms = t.extract("P19 huge figures", p)
    if ms is not None:
        bad = [m for m in ms if m.get("kind") == "figure" and
               isinstance(m.get("value"), float) and m.get("value") in (float("inf"), float("-inf"))]
        t.check("P19 huge figures: values finite or flagged", not bad, f"{bad[:2]}")
        fig = [m for m in ms if m.get("kind") == "figure"]
        t.check("P19 huge figures: figures found", len(fig) >= 4, f"{len(fig)} figures")


# ---------------------------------------------------------------------------
# P20 output failures, P21 OOM
# ---------------------------------------------------------------------------

@case("P20", "output failures: /dev/full, | head -1, fault injection, atomic -o")
def p20(t):
    f = corpus_files()[0]
    for cmd in (["clean"], ["extract"], ["clean", "--format", "jsonl"], ["metrics"], ["events"]):
        if not t.run(cmd + ["--quiet", f]).out:
            t.skip(f"P20 {' '.join(cmd)} >/dev/full", "the command writes nothing on the corpus yet")
            continue
        r = t.run(cmd + ["--quiet", f], stdout_path="/dev/full")
        t.expect(f"P20 {' '.join(cmd)} >/dev/full", r, rc=2, stderr_has=["writing output failed"])
    # | head -1: quiet SIGPIPE
    big = t.write("big.txt", "제목\n\n" + "\n\n".join(f"{i}번째 문단은 2024년 3월 {i % 28 + 1}일 작성됐다."
                                                      for i in range(50000)) + "\n")
    e = dict(os.environ)
    for cmd in (["clean"], ["extract"]):
        p1 = subprocess.Popen([t.binary] + cmd + [big], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e)
        p2 = subprocess.Popen(["head", "-1"], stdin=p1.stdout, stdout=subprocess.DEVNULL)
        p1.stdout.close()
        p2.wait(timeout=30)
        try:
            err = p1.stderr.read().decode("utf-8", "replace")
            p1.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p1.kill()
            t.fail(f"P20 {cmd[0]} | head -1", "hangs")
            continue
        t.check(f"P20 {cmd[0]} | head -1 ends quietly", p1.returncode in (0, -signal.SIGPIPE) and not err.strip(),
                f"exit {p1.returncode}, stderr {err[:200]!r}")
    if t.asan:
        t.skip("P20 fault injection", "LD_PRELOAD shim not usable under ASan")
        return
    shim = t.shim()
    if not shim:
        t.skip("P20 fault injection", "shim not built")
        return
    for cmd in (["clean"], ["extract"], ["clean", "--format", "jsonl"]):
        base = t.run(cmd + ["--quiet", f])
        if not base.out:
            t.skip(f"P20 {' '.join(cmd)} write failures", "the command writes nothing on the corpus yet")
            continue
        for n in (1, 2, 3):
            r = t.run(cmd + ["--quiet", f], env={"KC_INJECT_WRITE": str(n)}, preload=shim)
            if r.out == base.out and r.rc == 0:
                t.ok(f"P20 {' '.join(cmd)} write #{n} fails (not reached)")
                continue
            t.expect(f"P20 {' '.join(cmd)} write #{n} fails", r, rc=2, stderr_has=["writing output failed"])
        r = t.run(cmd + ["--quiet", f], env={"KC_INJECT_FCLOSE": "1"}, preload=shim)
        t.expect(f"P20 {' '.join(cmd)} fclose(stdout) fails", r, rc=2, stderr_has=["writing output failed"])
    # fread fails: the input is reported (file and reason), exit 1
    r = t.run(["clean", "--quiet", f], env={"KC_INJECT_READ": "1"}, preload=shim)
    t.expect("P20 fread fails", r, rc=1, stderr_has=[f + ": ", "read error"])
    jl = t.write("in.jsonl", json.dumps({"id": "a", "text": "본문입니다"}, ensure_ascii=False) + "\n")
    # the 2nd input call: the first line was read (getline), the next read fails
    r = t.run(["clean", "--quiet", jl], env={"KC_INJECT_READ": "2"}, preload=shim)
    t.expect("P20 getc fails in JSONL", r, rc=1, stderr_has=[jl + ": line ", "read error"])
    # -o FILE is atomic: a failed write leaves the old file intact, no temp files
    for what, env in (("write", {"KC_INJECT_WRITE": "1"}), ("fclose", {"KC_INJECT_FCLOSE": "1"})):
        od = t.path(f"o-{what}")
        os.makedirs(od, exist_ok=True)
        o = os.path.join(od, "out.jsonl")
        with open(o, "w") as fh:
            fh.write("OLD\n")
        r = t.run(["clean", "--format", "jsonl", "--quiet", "-o", o, f], env=env, preload=shim)
        t.expect(f"P20 -o with failing {what}", r, rc=2, stderr_has=["writing output failed"])
        t.check(f"P20 -o with failing {what}: old file intact", open(o).read() == "OLD\n", "old -o file changed")
        t.check(f"P20 -o with failing {what}: no temp files left", os.listdir(od) == ["out.jsonl"],
                f"{os.listdir(od)}")
    # run -o DIR with a failing write: exit 2, no partial outputs
    od = t.path("run-out")
    r = t.run(["run", "--quiet", "-o", od, f], env={"KC_INJECT_WRITE": "2"}, preload=shim)
    t.expect("P20 run -o DIR with failing write", r, rc=2, stderr_has=["writing output failed"])
    left = [x for x in os.listdir(od) if ".tmp." in x] if os.path.isdir(od) else []
    t.check("P20 run -o DIR: no temp files left", not left, f"{left}")


@case("P21", "OOM: fail the Nth allocation (once, and from N on)")
def p21(t):
    if t.asan:
        t.skip("P21", "LD_PRELOAD malloc shim not usable under ASan")
        return
    shim = t.shim()
    if not shim:
        t.skip("P21", "shim not built")
        return
    inp = t.write("oom.txt", ARTICLE + "\n" + "\n\n".join(
        ["매출은 1조 2천억 원, 영업이익은 3천억 원으로 집계됐다.", "사고는 2022년 10월 15일 발생했다.",
         "회담은 미국 동부시간 2022년 7월 6일 오후 1시(한국시간 7일 오전 2시) 열렸다.",
         "\0 invalid \xc3\x28 bytes"]) + "\n")
    cmds = [["extract"], ["clean", "--format", "jsonl"]] + ([["metrics"]] if not t.fast else [])
    problems = []
    checked = 0

    def one(cmd, n, mode, base):
        r = t.run(cmd + ["--quiet", inp], env={"KC_INJECT_MALLOC": str(n), "KC_INJECT_MALLOC_MODE": mode},
                  preload=shim, timeout=10)
        if r.rc < 0 or r.timed_out:
            return f"{cmd[0]} alloc #{n} {mode}: {r.desc()}"
        if r.rc == 0:
            if r.out != base.out:
                return (f"{cmd[0]} alloc #{n} {mode}: exit 0 but output differs "
                        f"(a failed allocation was swallowed)")
        elif r.rc == 2:
            if "memory" not in r.err:
                return f"{cmd[0]} alloc #{n} {mode}: exit 2 without 'out of memory': {r.err.strip()[:160]!r}"
        else:
            return f"{cmd[0]} alloc #{n} {mode}: {r.desc()}"
        return None

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
    for cmd in cmds:
        cnt = t.path(".count")
        base = t.run(cmd + ["--quiet", inp], env={"KC_INJECT_COUNT": cnt}, preload=shim)
        if base.rc != 0:
            t.fail(f"P21 {cmd[0]} baseline", base.desc())
            continue
        total = int(open(cnt).read().strip() or 0)
        if t.fast:
            rng = random.Random(t.seed + 21)
            points = sorted(set([1, 2, 3, total] + rng.sample(range(1, total + 1), min(total, 40))))
        else:
            points = list(range(1, total + 1))
        futs = [pool.submit(one, cmd, n, mode, base) for mode in ("once", "after") for n in points]
        for fu in futs:
            checked += 1
            msg = fu.result()
            if msg:
                problems.append(msg)
        if t.verbose:
            print(f"     P21 {cmd[0]}: {total} allocations in a normal run, {len(points)} points × 2 modes")
    pool.shutdown()
    if problems:
        t.fail(f"P21 ({checked} runs)", f"{len(problems)} problems:\n    " + "\n    ".join(problems[:25]))
    else:
        t.ok(f"P21 ({checked} runs)")


# ---------------------------------------------------------------------------
# P22 emitter round trip, P23 specials, P24 random bytes, P25 locales
# ---------------------------------------------------------------------------

def random_para(rng, i):
    pool = ([chr(c) for c in range(0x21, 0x7F)] + ['"', '"', ",", ",", "\\", "=", "'", "<", "&"] +
            [chr(0xAC00 + rng.randrange(11172)) for _ in range(40)] +
            ["\u4e2d", "\u00e9", "\U0001F600", "\U00020000", "\u20a9", "\u00a0x"[1:]] +
            [chr(c) for c in (1, 2, 0x1b, 0x7f, 0x80, 0x9f, 0x1a)])
    n = rng.randint(1, 60)
    s = "".join(rng.choice(pool) if rng.random() > 0.15 else " " for _ in range(n))
    return f"{i}" + ("=cmd " if i % 7 == 0 else " ") + s


@case("P22", "emitter round trip through Python's json and csv")
def p22(t):
    rng = random.Random(t.seed + 22)
    for rnd in range(3):
        paras = [random_para(rng, i) for i in range(300)]
        text = "제목\n\n" + "\n\n".join(paras) + "\n"
        p = t.write("rt.txt", text)
        r, recs = t.clean(f"P22 round {rnd} clean --format jsonl", p, "--dedup", "off")
        if recs:
            got = recs[0].get("paragraphs") or []
            want = [collapse(x) for x in paras]
            diffs = [(a, b) for a, b in zip(got, want) if a != b]
            t.check(f"P22 round {rnd} paragraphs equal after json.loads", got == want and not diffs,
                    f"{len(got)} vs {len(want)} paragraphs; first difference {diffs[:1]!r}")
    # NUL, U+2028 and CR/LF inside a JSONL text: NUL → U+FFFD, the others split lines
    src = {"id": "q", "title": "T", "text": "a\"b,c\\d\0e\u2028f\r\ng=cmd\u2029h"}
    p = t.write("rt.jsonl", json.dumps(src) + "\n")
    r, recs = t.clean("P22 JSONL with NUL, LS, PS, CRLF", p)
    if recs:
        t.check("P22 JSONL specials", recs[0].get("paragraphs") == ['a"b,c\\d' + FFFD + "e", "f", "g=cmd", "h"],
                f"{recs[0].get('paragraphs')!r}")
    # weird document ids round trip through JSONL (extract/clean) and CSV (metrics)
    ids = ["=cmd", "a,b", 'q"uote', "line\r\nbreak", "tab\there", "\u2028ls", "+SUM(1)", "-1", "@x", "한글,\"id\""]
    text = "카카오톡의 일간 활성 이용자 수(DAU)는 4천만 명이었다고 2022년 10월 15일 밝혔다."
    p = t.write("ids.jsonl", "".join(json.dumps({"id": i, "text": text}) + "\n" for i in ids))
    r, recs = t.clean("P22 ids (clean jsonl)", p, "--dedup", "off")
    if recs:
        t.check("P22 ids round trip (clean jsonl)", [x.get("doc") for x in recs] == ids,
                f"{[x.get('doc') for x in recs]!r}")
    r = t.run(["metrics", "--quiet", "--dedup", "off", p])
    if t.expect("P22 metrics CSV", r, rc=0):
        try:
            rows = list(csv.reader(io.StringIO(r.out.decode("utf-8"), newline="")))
        except (UnicodeDecodeError, csv.Error) as ex:
            t.fail("P22 metrics CSV parses", str(ex))
            rows = None
        if rows is not None:
            hdr = "doc,date,subject,metric,value,value_max,unit,approx,source,baseline,para".split(",")
            t.check("P22 metrics CSV header", rows[:1] == [hdr], f"{rows[:1]!r}")
            t.check("P22 metrics CSV: 11 fields per row", all(len(x) == 11 for x in rows), "ragged rows")
            docs = [x[0] for x in rows[1:]]
            if docs:
                t.check("P22 metrics CSV: doc ids round trip", sorted(set(docs)) == sorted(set(ids)),
                        f"{sorted(set(docs))!r}")
            else:
                t.fail("P22 metrics CSV: rows for the DAU sentence", "no metric rows (events module?)")
    r = t.run(["extract", "--quiet", "--dedup", "off", p])
    if t.expect("P22 extract ids", r, rc=0):
        ms = t.jsonl("P22 extract", r.out) or []
        t.check("P22 mentions: doc ids round trip", set(m.get("doc") for m in ms) == set(ids),
                f"{sorted(set(m.get('doc') for m in ms))!r}")


@case("P23", "noncharacters, PUA, controls, bidi")
def p23(t):
    keep = ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\ue000"]
    para = "가 " + " ".join(keep) + " 나"
    r, recs = t.clean("P23 noncharacters and PUA", t.write("nc.txt", "제목\n\n" + para + "\n"))
    if recs:
        got = (recs[0].get("paragraphs") or [""])[0]
        t.check("P23 noncharacters and PUA pass through", got == para, f"{got!r}")
    specials = {"U+001A": "\x1a", "C1 U+0085?": None, "C1 U+0090": "\x90", "U+202E": "\u202e", "U+2066": "\u2066"}
    for name, ch in specials.items():
        if ch is None:
            continue
        para = f"가{ch}나"
        p = t.write("sp.txt", "제목\n\n" + para + "\n")
        r, recs = t.clean(f"P23 {name}", p)
        if recs:
            got = (recs[0].get("paragraphs") or [""])[0]
            t.check(f"P23 {name} kept", got == para, f"{got!r}")
            t.check(f"P23 {name} escaped in JSON", ch.encode() not in r.out and
                    (f"\\u{ord(ch):04x}".encode() in r.out.lower()), f"{r.out[-80:]!r}")
        r, rep = t.report(p, cmd="clean")
        if rep:
            d = rep.get("decode", {})
            key = "bidi_controls" if ord(ch) > 0x2000 else "control_chars"
            t.check(f"P23 {name} flagged ({key})", d.get(key, 0) >= 1, f"decode {d}")


@case("P24", "random bytes (raw and latin1→UTF-8)")
def p24(t):
    n = 10 if not t.fast else 1
    for i in range(n):
        rng = random.Random(t.seed * 1000 + 24 + i)
        raw = rng.randbytes(2 * MiB)
        for name, data in (("raw", raw), ("latin1→UTF-8", raw.decode("latin-1").encode())):
            p = t.write("rnd.bin", data)
            for cmd in (["clean", "--format", "jsonl"], ["extract"]):
                r = t.run(cmd + ["--quiet", p], timeout=25)
                if t.expect(f"P24 #{i} {name} {cmd[0]}", r, rc=0, bound_s=5):
                    t.check(f"P24 #{i} {name} {cmd[0]} (≤ 5 s)", r.secs <= 5 * t.tfactor, f"{r.secs:.1f} s")
                    t.jsonl(f"P24 #{i} {name} {cmd[0]}", r.out)
                r.out = None


def make_locales(t):
    """ko_KR.UTF-8 and tr_TR.UTF-8 are rarely generated on CI images:
    build them with localedef into a private LOCPATH."""
    lp = os.path.join(t.tmp, "locales")
    os.makedirs(lp, exist_ok=True)
    have = []
    for loc in ("ko_KR", "tr_TR"):
        out = os.path.join(lp, f"{loc}.UTF-8")
        p = subprocess.run(["localedef", "-i", loc, "-f", "UTF-8", out], capture_output=True)
        if os.path.isdir(out):
            have.append(f"{loc}.UTF-8")
    return lp, have


@case("P25", "locale independence: LC_ALL=C, ko_KR.UTF-8, tr_TR.UTF-8")
def p25(t):
    try:
        lp, have = make_locales(t)
    except OSError:
        lp, have = None, []
    locs = ["C"] + have
    for loc in ("ko_KR.UTF-8", "tr_TR.UTF-8"):
        if loc not in have:
            t.skip(f"P25 {loc}", "localedef unavailable (Debian package 'locales')")
    outs = {}
    golden = {}
    for loc in locs:
        env = {"LC_ALL": loc, "LANG": loc}
        if lp:
            env["LOCPATH"] = lp
        e = dict(os.environ)
        e.update(env)
        if loc != "C" or not t.fast:  # `make golden` already ran it in the caller's locale
            golden[loc] = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "golden", "run.py"),
                                            t.binary, "--quick"], stdout=subprocess.PIPE,
                                           stderr=subprocess.STDOUT, text=True, env=e)
        res = []
        for f in corpus_files():
            for view in (["clean"], ["clean", "--format", "jsonl"], ["extract"], ["events"], ["metrics"]):
                r = t.run(view + ["--quiet", f], env=env)
                res.append((r.rc, r.out))
        outs[loc] = res
    for loc, g in golden.items():
        out, _ = g.communicate(timeout=600 * t.tfactor)
        last = (out.strip().splitlines() or [""])[-1]
        t.check(f"P25 golden suite under LC_ALL={loc}", g.returncode == 0, last)
    for loc in locs[1:]:
        t.check(f"P25 corpus outputs identical under C and {loc}", outs[loc] == outs["C"],
                "outputs differ")


# ---------------------------------------------------------------------------
# issue 9 extras
# ---------------------------------------------------------------------------

@case("X1", "empty file, whitespace-only file")
def x1(t):
    for name, data in (("empty", b""), ("whitespace", b"  \n\t\n\r\n \xe3\x80\x80 \n\n")):
        p = t.write(f"{name}.txt", data)
        for cmd in (["clean"], ["clean", "--format", "jsonl"], ["extract"], ["events"], ["metrics"]):
            r = t.run(cmd + ["--quiet", p])
            t.expect(f"X1 {name} {' '.join(cmd)}", r, rc=0)
        r, recs = t.clean(f"X1 {name} (records)", p)
        if recs:
            t.check(f"X1 {name}: no paragraphs", not recs[0].get("paragraphs") and not recs[0].get("title"),
                    f"{recs[0]!r}")
        r = t.run(["extract", "--quiet", "-"], stdin=data)
        t.expect(f"X1 {name} on stdin", r, rc=0)


@case("X2", "JSONL: missing/non-string text, invalid line, 10 MB line")
def x2(t):
    rng = random.Random(t.seed + 102)
    good = {"id": "ok1", "text": "카카오는 2022년 10월 15일 사과했다."}
    lines = [json.dumps(good, ensure_ascii=False),
             json.dumps({"id": "nt"}),
             json.dumps({"id": "num", "text": 42}),
             '{"id": "broken", "text": "unterminated',
             "[1, 2, 3]",
             json.dumps({"id": 7, "text": None}),
             json.dumps({"id": "ok2", "text": "두 번째 정상 기사입니다."}, ensure_ascii=False)]
    p = t.write("bad.jsonl", "\n".join(lines) + "\n")
    r, recs = t.clean("X2 bad lines", p, rc=1)
    if recs is not None:
        t.check("X2 good lines still processed", [x.get("doc") for x in recs] == ["ok1", "ok2"],
                f"{[x.get('doc') for x in recs]}")
    for ln, why in ((2, "text"), (3, "text"), (4, ""), (5, "object"), (6, "text")):
        t.check(f"X2 error names {p}: line {ln}", f"{p}: line {ln}: " in r.err and why in r.err,
                r.err.strip()[:300])
    # the failed lines do not change the output of the good ones
    p2 = t.write("good.jsonl", lines[0] + "\n" + lines[-1] + "\n")
    r2 = t.run(["clean", "--format", "jsonl", "--quiet", p2])
    t.check("X2 output for good lines unaffected", r2.out == r.out, "outputs differ")
    # --strict stops? (first bad input fails): exit 1 either way
    r3 = t.run(["clean", "--strict", "--quiet", p])
    t.expect("X2 --strict", r3, rc=1, stderr_has=[f"{p}: line 2"])
    # a 10 MB line
    big = news_text(10 * MB, rng).decode()
    p = t.write("big.jsonl", json.dumps({"id": "big", "text": big}, ensure_ascii=False) + "\n" +
                json.dumps(good, ensure_ascii=False) + "\n")
    r = t.run(["clean", "--format", "jsonl", "--quiet", p], timeout=30)
    if t.expect("X2 10 MB JSONL line", r, rc=0, rss_mb=200):
        recs = t.jsonl("X2", r.out)
        if recs:
            t.check("X2 10 MB line: both records", [x.get("doc") for x in recs] == ["big", "ok1"],
                    f"{[x.get('doc') for x in recs]}")
            check_segments(t, "X2 10 MB line", recs[:1], collapse(big))
    r = t.run(["extract", "--quiet", p], timeout=30, keep_out=False)
    t.expect("X2 10 MB JSONL line (extract)", r, rc=0)
    # invalid UTF-8 inside a JSON string is a JSON error for jansson: line named
    p = t.write("badutf.jsonl", b'{"id":"u","text":"a\xff b"}\n' + json.dumps(good).encode() + b"\n")
    r = t.run(["clean", "--quiet", "--format", "jsonl", p])
    t.expect("X2 invalid UTF-8 in a JSON string", r, rc=(0, 1), stderr_has=[] if r.rc == 0 else [f"{p}: line 1"])
    # NUL escaped in JSON: kept as U+FFFD
    p = t.write("nul.jsonl", json.dumps({"id": "n", "text": "앞\u0000뒤 2024년 3월 5일"}) + "\n")
    r, recs = t.clean("X2 \\u0000 in JSON text", p)
    if recs:
        t.check("X2 \\u0000 in JSON text → U+FFFD", all_text(recs[0]).find("앞" + FFFD + "뒤") >= 0, f"{recs[0]!r}")


@case("X3", "directories: unreadable file, dangling symlink, symlink loops, FIFO")
def x3(t):
    d = t.path("tree")
    os.makedirs(os.path.join(d, "sub"), exist_ok=True)
    t.write("tree/a.txt", "첫 기사\n\n카카오는 2022년 10월 15일 사과했다.\n")
    t.write("tree/sub/c.txt", "셋째 기사\n\n네이버는 3분기 매출 2조 573억 원을 기록했다.\n")
    t.write("tree/z.txt", "마지막 기사\n\n서비스가 복구됐다.\n")
    os.symlink("nowhere.txt", os.path.join(d, "dangling.txt"))
    os.symlink("loop2.txt", os.path.join(d, "loop1.txt"))
    os.symlink("loop1.txt", os.path.join(d, "loop2.txt"))
    os.symlink(".", os.path.join(d, "sub", "self"))
    os.symlink("..", os.path.join(d, "sub", "up"))
    os.mkfifo(os.path.join(d, "fifo"))
    locked = t.write("tree/locked.txt", "잠긴 파일\n\n내용\n")
    os.chmod(locked, 0)
    unreadable = not os.access(locked, os.R_OK)
    good_only = t.path("good")
    os.makedirs(os.path.join(good_only, "sub"), exist_ok=True)
    for f in ("a.txt", "sub/c.txt", "z.txt"):
        shutil.copy(os.path.join(d, f), os.path.join(good_only, f))
    for cmd in (["clean", "--format", "jsonl"], ["extract"]):
        r = t.run(cmd + ["--quiet", d], timeout=10)
        t.expect(f"X3 {cmd[0]} tree", r, rc=1, stderr_has=[os.path.join(d, "dangling.txt") + ": ",
                                                          os.path.join(d, "loop1.txt") + ": "])
        if unreadable:
            t.check(f"X3 {cmd[0]} unreadable file named", locked + ": " in r.err, r.err.strip()[:300])
        else:
            t.skip(f"X3 {cmd[0]} unreadable file", "running as root: chmod 000 files stay readable "
                   "(the dangling symlink and the loop cover the failure path)")
        g = t.run(cmd + ["--quiet", good_only])
        out = r.out
        if not unreadable:
            # locked.txt was read like any file: drop its record before comparing
            recs = [x for x in out.decode().splitlines() if '"doc":"locked"' not in x]
            out = ("\n".join(recs) + "\n").encode() if recs else b""
        t.check(f"X3 {cmd[0]}: good files' output unaffected by the bad ones", out == g.out,
                f"{len(out)} vs {len(g.out)} bytes")
    os.chmod(locked, 0o644)
    # a FIFO named on the command line is read like a pipe (process
    # substitution); one inside a directory is skipped (checked above: no hang)
    fifo = os.path.join(d, "fifo")

    def writer():
        with open(fifo, "wb") as fh:
            fh.write("파이프 기사\n\n본문은 여기에 있다.\n".encode())
    th = threading.Thread(target=writer, daemon=True)
    th.start()
    r = t.run(["clean", "--format", "jsonl", "--quiet", fifo], timeout=5)
    if t.expect("X3 FIFO named on the command line", r, rc=0):
        t.check("X3 FIFO content read", "본문은 여기에 있다.".encode() in r.out, f"{r.out[:200]!r}")
    th.join(1)
    r = t.run(["clean", "--quiet", t.path("does-not-exist.txt")])
    t.expect("X3 missing input", r, rc=1, stderr_has=[t.path("does-not-exist.txt") + ": "])


@case("X4", "fuzz regressions replayed through the CLI")
def x4(t):
    rdir = os.path.join(ROOT, "tests", "fuzz", "regressions")
    if not os.path.isdir(rdir):
        t.skip("X4", "no tests/fuzz/regressions")
        return
    n = 0
    for target in sorted(os.listdir(rdir)):
        tdir = os.path.join(rdir, target)
        if not os.path.isdir(tdir):
            continue
        for fn in sorted(os.listdir(tdir)):
            if fn.startswith(".") or fn.endswith(".md"):
                continue
            p = os.path.join(tdir, fn)
            if target == "jsonl":
                cmds = [["extract", "--input-format", "jsonl"], ["clean", "--format", "jsonl", "--input-format", "jsonl"]]
            elif target == "clean":
                cmds = [["clean", "--format", "jsonl"], ["clean"]]
            elif target == "decode":
                cmds = [["clean", "--format", "jsonl"]] + [["clean", "--format", "jsonl", "--encoding", e]
                                                           for e in ("utf-8", "cp949")]
            else:
                cmds = [["extract"], ["events"], ["metrics"]]
            for cmd in cmds:
                if "--input-format" not in cmd:
                    cmd = cmd + ["--input-format", "text"]
                r = t.run(cmd + ["--quiet", p], timeout=10, keep_out=False)
                t.expect(f"X4 {target}/{fn} {' '.join(cmd)}", r, rc=(0, 1))
                n += 1
    if n == 0:
        t.skip("X4", "no regression inputs yet")


@case("X5", "a failed input never corrupts the output of the others; -o is atomic")
def x5(t):
    d = t.path("mix")
    os.makedirs(d, exist_ok=True)
    a = t.write("mix/a.txt", "가 기사\n\n카카오는 2022년 10월 15일 사과했다.\n")
    b = t.write("mix/b.jsonl", '{"id":"x","text":"정상"}\n{"id":\n{"id":"y","text":"둘째 2023년 1월 2일"}\n')
    c = t.write("mix/c.txt", "다 기사\n\n네이버 매출은 2조 원이다.\n")
    o = t.path("out.jsonl")
    r = t.run(["extract", "--quiet", "-o", o, a, t.path("missing.txt"), b, c])
    t.expect("X5 mixed good and bad inputs", r, rc=1, stderr_has=[t.path("missing.txt") + ": ", f"{b}: line 2"])
    r2 = t.run(["extract", "--quiet", a, c])
    r3 = t.run(["extract", "--quiet", b])
    got = open(o, "rb").read() if os.path.exists(o) else b""
    exp_lines = sorted((r2.out + r3.out).splitlines())
    t.check("X5 -o holds every good input's records", sorted(got.splitlines()) == exp_lines,
            f"{len(got.splitlines())} vs {len(exp_lines)} lines")
    t.check("X5 no temp files beside -o", not [x for x in os.listdir(t.case_dir) if ".tmp." in x],
            f"{os.listdir(t.case_dir)}")
    # -j N: same bytes
    r4 = t.run(["extract", "--quiet", "-j", "4", a, t.path("missing.txt"), b, c])
    r5 = t.run(["extract", "--quiet", "-j", "1", a, t.path("missing.txt"), b, c])
    t.check("X5 -j 4 output identical to -j 1", r4.out == r5.out and r4.rc == r5.rc == 1,
            f"exit {r4.rc}/{r5.rc}")


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("-k", dest="filter", action="append", default=[])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp directory")
    args = ap.parse_args()
    if args.list:
        for cid, title, _ in CASES:
            print(f"{cid:4} {title}")
        return 0
    if args.seed is None:
        args.seed = 9 if args.fast else random.randrange(1 << 30)
    t = Suite(args)
    print(f"pathological: {t.binary}{' (ASan/UBSan)' if t.asan else ''}, "
          f"{'fast' if t.fast else 'full'} sizes, seed {t.seed}")
    t0 = time.monotonic()
    try:
        for cid, title, fn in CASES:
            if args.filter and not any(k.lower() in (cid + " " + title).lower() for k in args.filter):
                continue
            t.cur = cid
            t.case_dir = os.path.join(t.tmp, cid)
            os.makedirs(t.case_dir, exist_ok=True)
            c0 = time.monotonic()
            f0 = t.failed
            try:
                fn(t)
            except Exception:
                t.fail("(exception)", traceback.format_exc(limit=4))
            if not args.keep:
                shutil.rmtree(t.case_dir, ignore_errors=True)
            st = "ok" if t.failed == f0 else "FAILED"
            print(f"  {cid:4} {title}: {st} ({time.monotonic() - c0:.1f} s)", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(t.tmp, ignore_errors=True)
        else:
            print(f"kept {t.tmp}")
    print(f"total time {time.monotonic() - t0:.0f} s")
    print(f"pathological: {t.passed} passed, {t.failed} failed, {t.skipped} skipped")
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
