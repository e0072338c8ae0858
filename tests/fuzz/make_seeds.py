#!/usr/bin/env python3
"""Build the fuzz seed corpora from corpus/ and tests/ into OUTDIR/<target>/.

    python3 tests/fuzz/make_seeds.py build-fuzz/seeds

decode/clean/extract get every corpus article (whole and cut to 4 KiB
pieces), CP949 and UTF-16 copies, the inputs of the golden spec cases, and
small hand-made pathological samples (bad UTF-8, NUL, BOMs, line ends);
jsonl gets the same texts as JSONL lines plus malformed lines. Seeds are
capped at 64 KiB (the fuzzers' -max_len). Nothing here is committed.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX = 65536


def golden_inputs():
    gdir = os.path.join(ROOT, "tests", "golden")
    sys.path.insert(0, gdir)
    try:
        import run as golden  # the golden runner's own spec parser
    except Exception:
        return []
    out = []
    for fn in sorted(os.listdir(gdir)):
        if fn.endswith(".spec"):
            for c in golden.parse_spec(os.path.join(gdir, fn)):
                text = "\n".join(c["input"]) + ("\n" if c["input"] else "")
                out.append(golden.unescape(text) if c["escaped"] else text.encode())
    return out


SAMPLES = [
    b"", b"\n\n", b"\xef\xbb\xbf\xec\xa0\x9c\xeb\xaa\xa9\n\n\xeb\xb3\xb8\xeb\xac\xb8\n",
    "제목\n\n가\xc0\xaf나 \xed\xa0\x80 끝\n".encode("utf-8", "surrogateescape") if False else
    b"\xec\xa0\x9c\xeb\xaa\xa9\n\n\xea\xb0\x80\xc0\xaf\xeb\x82\x98 \xed\xa0\x80 \xe0\xa0",
    b"abc\0de\0\n2024\0\xeb\x85\x84",
    "카카오톡 일간 활성 이용자 수(DAU)는 지난 15일 4천750만여명에서 18일 3천470만여명으로 줄었다.\r\n".encode(),
    "입력 2023.03.15. 오전 10:21\n\n매출은 전년 대비 12.5% 증가한 2조 573억 원을 기록했다.\u2028다음 줄\u0085끝\n".encode(),
    "２０２４년 ３월 ５일 삼\u200b성전자는 약 1천억 원 이상을 투자한다고 밝혔다.\n".encode(),
    "1천1천1천1천1천1천1천1천 지난 지난 지난 지난 2024년 2024년 년 년 (주)(주)(주) %%%%".encode(),
    "\ufeff한국\n\n\u1112\u1161\u11ab\u1100\u116e\u11a8 \u3131\u314f \uffa1 \u115f\u1160\n".encode(),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build-fuzz", "seeds")
    texts = []
    cdir = os.path.join(ROOT, "corpus")
    for fn in sorted(os.listdir(cdir)):
        if fn.endswith(".txt"):
            b = open(os.path.join(cdir, fn), "rb").read()
            texts.append(b[:MAX])
            texts += [b[i:i + 4096] for i in range(0, min(len(b), MAX), 4096)]
            try:
                texts.append(b.decode().encode("cp949")[:MAX])
            except UnicodeEncodeError:
                pass
            texts.append((b"\xff\xfe" + b.decode().encode("utf-16-le"))[:MAX])
    texts += golden_inputs()
    texts += SAMPLES
    jsonl = []
    for t in texts:
        s = t.decode("utf-8", "replace")
        jsonl.append(json.dumps({"id": "a", "title": "제목", "date": "2022-10-22", "text": s},
                                ensure_ascii=False).encode()[:MAX])
        jsonl.append(json.dumps({"id": 7, "text": s}).encode()[:MAX])
    jsonl += [b'{"id":"x"}\n{"text":42}\n{"text":"a\\u0000b"}\n{bad json\n[1,2]\n{"id":1.5,"text":"x"}\n',
              b'{"text":"\\ud800"}\r\n{"text":"ok","text":"dup"}\n   \n{"id":"=cmd","text":"1,2"}']
    for target, items in (("decode", texts), ("clean", texts), ("extract", texts), ("jsonl", jsonl)):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for i, b in enumerate(items):
            with open(os.path.join(d, f"seed{i:04d}"), "wb") as f:
                f.write(b[:MAX])
    print(f"fuzz seeds: {len(texts)} texts, {len(jsonl)} JSONL inputs -> {out}")


if __name__ == "__main__":
    main()
