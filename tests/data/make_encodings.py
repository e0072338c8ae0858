#!/usr/bin/env python3
"""Write the encoding/normalization fixtures of tests/unit/test_decode.c and
test_normalize.c into tests/data/encodings/ from corpus/kakao_editorial.txt.

Each variant must decode + normalize to exactly the bytes the plain UTF-8
file gives (the acceptance test of the reader's first two stages). Run from
the repository root:  python3 tests/data/make_encodings.py
The output is deterministic; the files are committed so the C tests only
read them.
"""
import os
import unicodedata

SRC = "corpus/kakao_editorial.txt"
OUT = "tests/data/encodings"

# UHC-extension syllables (outside KS X 1001's 2,350): CP949 only.
UHC_LINE = "똠방각하 뷁 쐈다 햏 갂 힣\n"


def fullwidth(text):
    """Digits, Latin letters and % as their fullwidth forms (U+FF01-FF5E)."""
    return "".join(chr(ord(c) + 0xFEE0) if (c.isascii() and (c.isalnum() or c == "%")) else c
                   for c in text)


def zero_width(text):
    """Insert a zero-width or format character between every third pair of
    adjacent Hangul syllables or digits (inside words, never next to a
    space), rotating through the characters normalize removes."""
    zw = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164", "\u115f"]
    out, n = [], 0
    for i, c in enumerate(text):
        out.append(c)
        nxt = text[i + 1] if i + 1 < len(text) else ""
        inside = lambda ch: "\uac00" <= ch <= "\ud7a3" or ch.isdigit()
        if inside(c) and inside(nxt):
            n += 1
            if n % 3 == 0:
                out.append(zw[(n // 3) % len(zw)])
    return "".join(out)


def odd_spaces(text):
    """Replace spaces by ideographic space, NBSP, tabs and runs; add
    trailing and leading spaces. Whitespace folding must undo all of it."""
    sp = ["\u3000", "\u00a0", "\t", "  ", " \t ", "\u2002", "\u202f"]
    lines = []
    for k, line in enumerate(text.split("\n")):
        parts = line.split(" ")
        s = parts[0]
        for j, p in enumerate(parts[1:]):
            s += sp[(k + j) % len(sp)] + p
        if k % 4 == 1:
            s = " " + s + "\u3000 "
        lines.append(s)
    return "\n".join(lines)


def line_ends(text):
    """Rotate the line terminators CRLF, CR, NEL, LS, PS, LF."""
    ends = ["\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n"]
    lines = text.split("\n")
    return "".join(l + (ends[i % len(ends)] if i + 1 < len(lines) else "")
                   for i, l in enumerate(lines))


def mixed(text):
    """Even lines in UTF-8, odd lines in CP949 (concatenated sources)."""
    out = b""
    for i, line in enumerate(text.split("\n")):
        if i:
            out += b"\n"
        out += line.encode("utf-8" if i % 2 == 0 else "cp949")
    return out


def main():
    text = open(SRC, encoding="utf-8").read()
    os.makedirs(OUT, exist_ok=True)
    files = {
        "kakao.cp949.txt": text.encode("cp949"),
        "kakao.euckr.txt": text.encode("euc-kr"),
        "kakao.utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "kakao.utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "kakao.utf8bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "kakao.nfd.txt": unicodedata.normalize("NFD", text).encode("utf-8"),
        "kakao.crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "kakao.lineends.txt": line_ends(text).encode("utf-8"),
        "kakao.zwsp.txt": zero_width(text).encode("utf-8"),
        "kakao.fullwidth.txt": fullwidth(text).encode("utf-8"),
        "kakao.spaces.txt": odd_spaces(text).encode("utf-8"),
        "kakao.mixed.txt": mixed(text),
        "uhc.utf8.txt": UHC_LINE.encode("utf-8"),
        "uhc.cp949.txt": UHC_LINE.encode("cp949"),
    }
    # All the variants at once, in UTF-16 (CP949 has no conjoining jamo
    # or zero-width characters to carry the NFD and ZWSP variants).
    files["kakao.all.utf16le.txt"] = b"\xff\xfe" + odd_spaces(
        fullwidth(zero_width(unicodedata.normalize("NFD", text)))).replace(
            "\n", "\r\n").encode("utf-16-le")
    for name, data in files.items():
        assert len(data) < 30 * 1024, name
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
