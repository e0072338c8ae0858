#!/usr/bin/env python3
"""Golden end-to-end tests for kcorpus.

1. corpus/NAME.txt (+ NAME.meta.json) against tests/golden/expected/NAME.<view>:
   views: clean.txt, clean.jsonl, mentions.jsonl, events.jsonl, metrics.csv
   (only the views whose expected file exists are checked). Every check also
   runs with read chunk sizes 1..64 (--read-size) and must give identical bytes.
2. tests/golden/*.spec: readable cases, each

       ### case name
       args: clean --format jsonl          (kcorpus arguments; INPUT is appended)
       exit: 1                             (optional, default 0)
       stderr: substring                   (optional, may repeat)
       crlf: yes                           (expected lines end in CRLF, as CSV does)
       name: file.txt                      (optional input file name)
       --- input                           (or "--- input-escaped": \\xNN, \\n, \\\\)
       ...
       --- expected                        (exact stdout; omit to skip)
       ...

Prints "golden: N passed, N failed". --update rewrites tests/golden/expected files.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VIEWS = {
    "clean.txt": ["clean"],
    "clean.jsonl": ["clean", "--format", "jsonl"],
    "mentions.jsonl": ["extract"],
    "events.jsonl": ["events"],
    "metrics.csv": ["metrics"],
    "metrics-DAU.csv": ["metrics", "--metric", "DAU"],
    "events.csv": ["events", "--format", "csv"],
    "metrics.tsv": ["metrics", "--format", "tsv"],
}
# views written by --update for every corpus article; the others are kept
# only where an expected file was created by hand (e.g. metrics-DAU.csv)
DEFAULT_VIEWS = ("clean.txt", "clean.jsonl", "mentions.jsonl", "events.jsonl", "metrics.csv")
passed = failed = 0


def run(binary, args, stdin=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([binary] + args, input=stdin, capture_output=True, timeout=120, env=e)
    return p.returncode, p.stdout, p.stderr


def ok(name):
    global passed
    passed += 1


def fail(name, why):
    global failed
    failed += 1
    print(f"FAIL {name}: {why}")


def show_diff(a, b):
    import difflib
    al = a.decode("utf-8", "replace").splitlines()
    bl = b.decode("utf-8", "replace").splitlines()
    return "\n".join(list(difflib.unified_diff(al, bl, "expected", "actual", lineterm=""))[:40])


def corpus_cases(binary, update, chunks):
    cdir = os.path.join(ROOT, "corpus")
    for fn in sorted(os.listdir(cdir)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        path = os.path.join(cdir, fn)
        for view, args in VIEWS.items():
            exp_path = os.path.join(ROOT, "tests", "golden", "expected", f"{name}.{view}")
            rc, out, err = run(binary, args + ["--quiet", path])
            if update:
                if rc == 0 and (os.path.exists(exp_path) or view in DEFAULT_VIEWS):
                    with open(exp_path, "wb") as f:
                        f.write(out)
                continue
            if not os.path.exists(exp_path):
                continue
            exp = open(exp_path, "rb").read()
            label = f"{name} {view}"
            if rc != 0:
                fail(label, f"exit {rc}: {err.decode(errors='replace')}")
                continue
            if out != exp:
                fail(label, "output differs\n" + show_diff(exp, out))
                continue
            ok(label)
            # chunk-boundary invariance (multi-byte characters split across reads)
            bad = []
            for n in chunks:
                rc2, out2, _ = run(binary, args + ["--quiet", "--read-size", str(n), path])
                if rc2 != 0 or out2 != exp:
                    bad.append(n)
            if bad:
                fail(label + " chunked", f"read sizes {bad[:10]} differ")
            else:
                ok(label + " chunked")


def encoding_cases(binary, chunks):
    """The sample article saved in other encodings and forms
    (tests/data/encodings/, made by tests/data/make_encodings.py) must clean
    to exactly the bytes of the plain file — also when read in chunks."""
    edir = os.path.join(ROOT, "tests", "data", "encodings")
    exp_path = os.path.join(ROOT, "tests", "golden", "expected", "kakao_editorial.clean.txt")
    if not os.path.isdir(edir) or not os.path.exists(exp_path):
        return
    exp = open(exp_path, "rb").read()
    for fn in sorted(os.listdir(edir)):
        if not fn.startswith("kakao."):
            continue
        path = os.path.join(edir, fn)
        bad = []
        for n in [0] + list(chunks):
            args = ["clean", "--quiet"] + (["--read-size", str(n)] if n else []) + [path]
            rc, out, err = run(binary, args)
            if rc != 0 or out != exp:
                bad.append(n)
        label = f"encodings {fn}"
        if bad:
            fail(label, f"clean output differs from the plain article (read sizes {bad[:8]}; 0 = whole)")
        else:
            ok(label)


def parse_spec(path):
    cases, cur, section = [], None, None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("### "):
            cur = {"name": line[4:].strip(), "args": [], "exit": 0, "stderr": [], "input": [],
                   "expected": None, "escaped": False, "crlf": False, "file": "input.txt", "env": {}}
            cases.append(cur)
            section = "head"
            continue
        if cur is None:
            continue
        if line in ("--- input", "--- input-escaped"):
            section = "input"
            cur["escaped"] = line.endswith("escaped")
            continue
        if line == "--- expected":
            section = "expected"
            cur["expected"] = []
            continue
        if section == "head":
            if line.startswith("args:"):
                cur["args"] = line[5:].split()
            elif line.startswith("exit:"):
                cur["exit"] = int(line[5:])
            elif line.startswith("stderr:"):
                cur["stderr"].append(line[7:].strip())
            elif line.startswith("crlf:"):
                cur["crlf"] = line[5:].strip() == "yes"
            elif line.startswith("name:"):
                cur["file"] = line[5:].strip()
            elif line.startswith("env:"):
                k, v = line[4:].strip().split("=", 1)
                cur["env"][k] = v
        elif section == "input":
            cur["input"].append(line)
        elif section == "expected":
            cur["expected"].append(line)
    for c in cases:
        # a case's text ends at the next "###"; drop the one trailing blank line
        for key in ("input", "expected"):
            if c[key] is not None and c[key] and c[key][-1] == "":
                c[key] = c[key][:-1]
    return cases


def unescape(s):
    out = bytearray()
    i = 0
    b = s.encode("utf-8")
    while i < len(b):
        if b[i:i + 1] == b"\\" and i + 1 < len(b):
            c = b[i + 1:i + 2]
            if c == b"x":
                out.append(int(b[i + 2:i + 4], 16))
                i += 4
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"\\": b"\\", b"0": b"\0"}.get(c, c)
            i += 2
            continue
        out.append(b[i])
        i += 1
    return bytes(out)


def spec_cases(binary):
    gdir = os.path.join(ROOT, "tests", "golden")
    for fn in sorted(os.listdir(gdir)):
        if not fn.endswith(".spec"):
            continue
        for c in parse_spec(os.path.join(gdir, fn)):
            text = "\n".join(c["input"]) + ("\n" if c["input"] else "")
            data = unescape(text) if c["escaped"] else text.encode("utf-8")
            with tempfile.TemporaryDirectory() as td:
                p = os.path.join(td, c["file"])
                with open(p, "wb") as f:
                    f.write(data)
                rc, out, err = run(binary, c["args"] + [p], env=c["env"])
            label = f"{fn}: {c['name']}"
            errs = err.decode("utf-8", "replace").replace(td, "DIR")
            if rc != c["exit"]:
                fail(label, f"exit {rc}, expected {c['exit']}; stderr: {errs}")
                continue
            missing = [s for s in c["stderr"] if s not in errs]
            if missing:
                fail(label, f"stderr lacks {missing!r}; got: {errs}")
                continue
            if c["expected"] is not None:
                eol = "\r\n" if c["crlf"] else "\n"
                exp = (eol.join(c["expected"]) + eol).encode("utf-8") if c["expected"] else b""
                if out != exp:
                    fail(label, "output differs\n" + show_diff(exp, out))
                    continue
            ok(label)


def main():
    binary = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv
    chunks = range(1, 65)
    if "--quick" in sys.argv:
        chunks = [1, 2, 3, 7, 64]
    corpus_cases(binary, update, chunks)
    if not update:
        encoding_cases(binary, [1, 2, 3, 5, 7, 64] if "--quick" in sys.argv else chunks)
        spec_cases(binary)
    print(f"golden: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
