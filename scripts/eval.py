#!/usr/bin/env python3
"""Evaluation harness behind `make eval` (issue 7).

Runs `kcorpus extract` (and `kcorpus clean`, to get the cleaned paragraph text the
offsets refer to) once per gold file and scores the mentions against

  * the KMOU NER corpus and the 2016klp NER dev/test sets (span level: exact and
    overlap match per type), and
  * the Duckling Korean corpus (value level: is the phrase found, and is its value
    the expected one).

Python 3 standard library only. The harness only reads the binary's output: it passes
no option that changes what the extractor finds. See docs/eval.md for the method,
the type mapping, the dev/test split and how to read the output.

Usage:
  scripts/eval.py --bin build/kcorpus --eval-dir ../shared/eval [--split dev|test|all]
  scripts/eval.py --self-test
"""

import argparse
import collections
import datetime
import difflib
import json
import math
import os
import re
import subprocess
import sys
import time
import unicodedata

# --------------------------------------------------------------------------- mapping

# Gold tag -> our type. Our type is the mention kind, or the entity type for entities.
KMOU_TAGS = {
    "PER": "person", "ORG": "org", "LOC": "location", "POH": "product",
    "DAT": "date", "TIM": "time", "DUR": "duration",
    "NOH": "figure", "MNY": "figure", "PNT": "figure",
}
KLP_TAGS = {"PS": "person", "LC": "location", "OG": "org", "DT": "date", "TI": "time"}

# Rows of the table per data set: (row name, our type, gold tags, precision measurable).
# For the single quantity tags the precision cannot be separated (a figure has no
# NOH/MNY/PNT label), so only recall is reported for them.
KMOU_ROWS = [
    ("figure", "figure", ("NOH", "MNY", "PNT"), True),
    ("  NOH", "figure", ("NOH",), False),
    ("  MNY", "figure", ("MNY",), False),
    ("  PNT", "figure", ("PNT",), False),
    ("date", "date", ("DAT",), True),
    ("time", "time", ("TIM",), True),
    ("duration", "duration", ("DUR",), True),
    ("person", "person", ("PER",), True),
    ("org", "org", ("ORG",), True),
    ("location", "location", ("LOC",), True),
    ("product", "product", ("POH",), True),
]
KLP_ROWS = [
    ("date", "date", ("DT",), True),
    ("time", "time", ("TI",), True),
    ("person", "person", ("PS",), True),
    ("org", "org", ("OG",), True),
    ("location", "location", ("LC",), True),
]

# NER reference date: the KMOU/2016klp sentences carry no publication date. Only spans
# are scored, so the date merely lets relative expressions resolve the way they would
# in a dated article.
# Typed figure rows: a figure is called MNY when its unit is a currency, PNT when it is
# a ratio, NOH otherwise. This is the harness's guess from the unit string (KMOU also
# tags a bare "35억" as MNY), shown to give the quantity tags a precision of their own.
CURRENCY_UNITS = frozenset("""원 만원 억원 조원 달러 불 센트 엔 유로 위안 파운드 루블 페소 바트 동
    루피 프랑 링깃 리라 헤알 랜드 루피아 크로나 크로네 디나르 리얄 디르함 코펙 $ ₩ ￦ ¥ € £
    KRW USD JPY EUR CNY GBP 미국달러 미달러 홍콩달러 호주달러 캐나다달러 대만달러 싱가포르달러
    """.split())
RATIO_UNITS = frozenset("""% %p %포인트 퍼센트 퍼센트포인트 프로 배 할 푼 리 ％ ‰ 포인트 bp
    할푼리""".split())


def figure_class(m):
    u = unicodedata.normalize("NFKC", str(m.get("unit") or "")).strip()
    if u in CURRENCY_UNITS or u.upper() in CURRENCY_UNITS:
        return "MNY"
    if u in RATIO_UNITS or u.lower() in RATIO_UNITS:
        return "PNT"
    return "NOH"


NER_REF_DATE = "2016-06-30"
DUCKLING_REF_DATE = "2013-02-12"
DUCKLING_REF = DUCKLING_REF_DATE + "T04:30:00"  # Duckling's testContext "now" (local time)

ERRORS_TOP = int(os.environ.get("KC_ERRORS_TOP", "50"))  # KC_ERRORS_TOP: longer lists


_COUNTRIES = None


def load_countries(path=None):
    """Canonical names of the gazetteer entries of class "country"."""
    global _COUNTRIES
    if _COUNTRIES is None:
        path = path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                    "dict", "gazetteer.tsv")
        names = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                fs = line.rstrip("\n").split("\t")
                if len(fs) >= 4 and fs[3] == "country":
                    names.add(fs[0].lstrip("~"))
        _COUNTRIES = names
    return _COUNTRIES


def pred_type(m):
    """Our type of one mention object, or None when it is not scored."""
    kind = m.get("kind")
    if kind in ("figure", "date", "time", "duration"):
        return kind
    if kind == "entity":
        t = m.get("type")
        if t == "media":          # newspapers and broadcasters: KMOU tags them ORG
            return "org"
        if t in ("person", "org", "location", "product"):
            return t
    return None


# --------------------------------------------------------------------------- alignment

_WS = re.compile(r"\s+")


def squash(s):
    """Text compared for alignment checks: NFKC, no whitespace, no format characters
    (soft hyphen, zero-width space), since the cleaner may fold those."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and unicodedata.category(c) != "Cf")


class Aligner:
    """Maps (para, code-point offset) of the cleaned text back to the gold text.

    The cleaned paragraphs are joined with "\\n" and aligned with the gold text by
    difflib.SequenceMatcher; a one-paragraph text equal to the gold text is the
    identity (the common case, no matcher run)."""

    def __init__(self, gold, paras):
        self.gold = gold
        self.paras = list(paras)
        self.base = []
        pos = 0
        for p in self.paras:
            self.base.append(pos)
            pos += len(p) + 1
        joined = "\n".join(self.paras)
        self.identity = joined == gold
        if self.identity:
            self.smap = self.emap = None
            return
        # smap[i] / emap[i]: gold start / exclusive end of cleaned character i
        smap = [0] * (len(joined) + 1)
        emap = [0] * (len(joined) + 1)
        sm = difflib.SequenceMatcher(None, joined, gold, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            m, n = i2 - i1, j2 - j1
            if tag == "equal":
                for k in range(m):
                    smap[i1 + k] = j1 + k
                    emap[i1 + k] = j1 + k + 1
            elif tag == "replace":
                # proportional: "m2" <- "㎡" (2:1), "'" <- "＇" (1:1), NFC of compatibility
                # ideographs (1:1)
                for k in range(m):
                    smap[i1 + k] = j1 + (k * n) // m
                    emap[i1 + k] = j1 + -(-((k + 1) * n) // m)
            elif tag == "delete":       # characters only in the cleaned text
                for k in range(m):
                    smap[i1 + k] = j1
                    emap[i1 + k] = j1
            # "insert" (only in gold, e.g. a folded space or a soft hyphen): nothing to map
        smap[len(joined)] = emap[len(joined)] = len(gold)
        self.smap = smap
        self.emap = emap

    def status(self):
        """identical | folded (only whitespace, NFKC folding, format characters
        differ) | altered | dropped"""
        if not self.paras or not any(p.strip() for p in self.paras):
            return "dropped" if self.gold.strip() else "identical"
        if self.identity:
            return "identical"
        if squash("".join(self.paras)) == squash(self.gold):
            return "folded"
        return "altered"

    def span(self, para, start, end):
        """Gold (start, end) for a cleaned span, or None if para is out of range."""
        if para < 0 or para >= len(self.paras):
            return None
        p = self.paras[para]
        start = max(0, min(start, len(p)))
        end = max(start, min(end, len(p)))
        s = self.base[para] + start
        e = self.base[para] + end
        if self.identity:
            return (s, e)
        gs = self.smap[s]
        ge = self.emap[e - 1] if e > s else gs
        return (gs, max(gs, ge))


# --------------------------------------------------------------------------- scoring


class Item:
    """A gold span or a predicted mention in gold-text coordinates."""
    __slots__ = ("doc", "start", "end", "text", "label", "soft", "extra")

    def __init__(self, doc, start, end, text, label="", soft=False, extra=None):
        self.doc = doc
        self.start = start
        self.end = end
        self.text = text
        self.label = label      # gold tag, or our type for predictions
        self.soft = soft        # prediction that is not counted unless it matches
        self.extra = extra

    def key(self):
        return (self.start, self.end)

    def __repr__(self):
        return "Item(%r,%d,%d,%r)" % (self.doc, self.start, self.end, self.text)


def _by_doc(items):
    d = collections.defaultdict(list)
    for it in items:
        d[it.doc].append(it)
    return d


def match(gold, pred):
    """Marks which gold and pred items match, exact and overlap.

    exact:   one-to-one on identical (start, end);
    overlap: a gold span is found if some prediction overlaps it by at least one code
             point, and a prediction is correct if it overlaps some gold span.
    Returns (gold_exact, gold_overlap, pred_exact, pred_overlap) as sets of id()."""
    ge, go, pe, po = set(), set(), set(), set()
    gd = _by_doc(gold)
    pd = _by_doc(pred)
    for doc, gs in gd.items():
        ps = pd.get(doc, [])
        if not ps:
            continue
        # exact, one-to-one
        free = collections.defaultdict(list)
        for p in ps:
            free[p.key()].append(p)
        for g in gs:
            lst = free.get(g.key())
            if lst:
                p = lst.pop()
                ge.add(id(g))
                pe.add(id(p))
        # overlap (sort + sweep would be faster; sentences are short)
        for g in gs:
            for p in ps:
                if p.start < g.end and g.start < p.end:
                    go.add(id(g))
                    po.add(id(p))
    return ge, go, pe, po


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else None
    r = tp_g / n_g if n_g else None
    if p is None or r is None:
        f = None
    else:
        f = 2 * p * r / (p + r) if (p + r) else 0.0
    return p, r, f


def score(gold, pred, with_precision=True):
    """Scores one row. Soft predictions (e.g. relative dates) count in the predicted
    total only when they match (in the mode being scored)."""
    ge, go, pe, po = match(gold, pred)
    res = {"gold": len(gold)}
    for mode, gset, pset in (("exact", ge, pe), ("overlap", go, po)):
        n_pred = sum(1 for p in pred if not p.soft or id(p) in pset)
        tp_p = sum(1 for p in pred if id(p) in pset)
        tp_g = sum(1 for g in gold if id(g) in gset)
        p, r, f = prf(tp_p, n_pred, tp_g, len(gold))
        if not with_precision:
            p = f = None
            n_pred = None
            tp_p = None
        res[mode] = {"pred": n_pred, "tp_pred": tp_p, "tp_gold": tp_g, "P": p, "R": r, "F1": f}
    res["pred"] = res["overlap"]["pred"]
    res["pred_all"] = len(pred) if with_precision else None
    res["soft_ignored"] = (sum(1 for p in pred if p.soft and id(p) not in po)
                           if with_precision else None)
    return res, (ge, go, pe, po)


# --------------------------------------------------------------------------- running kcorpus


class RunError(Exception):
    pass


def run_kcorpus(binary, args, out_path, err_path, warn=True):
    """Runs the binary with its stdout into out_path. Exit 0 and 1 are accepted (1 =
    some inputs failed, the rest is written); anything else is fatal."""
    cmd = [binary] + args
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.time()
        rc = subprocess.call(cmd, stdout=out, stderr=err)
        dt = time.time() - t0
    with open(err_path, "r", encoding="utf-8", errors="replace") as f:
        err_text = f.read()
    # exit 1 is "some inputs failed", each reported as "kcorpus: FILE: line N: reason";
    # anything else on stderr (a sanitizer report, an abort) means the run is not usable
    foreign = [ln for ln in err_text.splitlines()
               if ln.strip() and not ln.startswith("kcorpus:")]
    crashed = ("Sanitizer" in err_text or "runtime error:" in err_text or
               (rc == 1 and foreign))
    if rc not in (0, 1) or crashed:
        raise RunError("%s exited with %d\n%s" % (" ".join(cmd), rc, err_text[-2000:]))
    if rc == 1 and warn:
        print("eval: warning: %s: %d input(s) failed (see %s)"
              % (os.path.basename(cmd[-1]), err_text.count("\n"), err_path), file=sys.stderr)
    return rc, dt


def read_jsonl(path):
    """Yields objects; counts lines that are not JSON objects."""
    bad = 0
    rows = []
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if isinstance(obj, dict):
                rows.append(obj)
            else:
                bad += 1
    return rows, bad


def extract_and_clean(binary, in_path, work, name, ref_date):
    """Runs extract and clean over one input JSONL; returns (mentions by doc,
    paragraphs by doc, info)."""
    m_path = os.path.join(work, name + ".mentions.jsonl")
    c_path = os.path.join(work, name + ".clean.jsonl")
    rc1, t1 = run_kcorpus(binary, ["extract", "--input-format", "jsonl", "--dedup", "off",
                                   "--ref-date", ref_date, "--quiet", in_path],
                          m_path, m_path + ".stderr")
    rc2, t2 = run_kcorpus(binary, ["clean", "--format", "jsonl", "--input-format", "jsonl",
                                   "--dedup", "off", "--ref-date", ref_date, "--quiet", in_path],
                          c_path, c_path + ".stderr")
    mentions, bad_m = read_jsonl(m_path)
    cleaned, bad_c = read_jsonl(c_path)
    mby = collections.defaultdict(list)
    for m in mentions:
        mby[str(m.get("doc"))].append(m)
    paras = {}
    dropped = {}
    for c in cleaned:
        ps = c.get("paragraphs")
        if isinstance(ps, list):
            paras[str(c.get("doc"))] = [p if isinstance(p, str) else "" for p in ps]
        dr = c.get("dropped")
        if isinstance(dr, list) and dr:
            dropped[str(c.get("doc"))] = ",".join(sorted({str(d.get("reason")) for d in dr
                                                          if isinstance(d, dict)}))
    info = {"extract_rc": rc1, "clean_rc": rc2, "extract_seconds": round(t1, 2),
            "clean_seconds": round(t2, 2), "mentions": len(mentions),
            "bad_output_lines": bad_m + bad_c, "dropped_reasons": dropped}
    for p in (m_path + ".stderr", c_path + ".stderr"):
        try:
            with open(p, "r", encoding="utf-8", errors="replace") as f:
                info.setdefault("stderr_lines", 0)
                info["stderr_lines"] += sum(1 for _ in f)
        except OSError:
            pass
    return mby, paras, info


# --------------------------------------------------------------------------- NER data sets


def load_gold(path, first=None, last=None):
    rows = []
    with open(path, "r", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if first is not None and i < first:
                continue
            if last is not None and i >= last:
                break
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def build_items(sents, tagmap, mby, paras, changed=None):
    """Gold and predicted Items (gold coordinates) plus alignment statistics."""
    gold = []
    pred = []
    stats = collections.Counter()
    bad_examples = []
    texts = {}
    for s in sents:
        doc = s["id"]
        text = s["text"]
        texts[doc] = text
        for sp in s.get("spans", []):
            if sp["type"] not in tagmap:
                continue
            st, en = sp["start"], sp["end"]
            # 7 KMOU spans carry a leading/trailing space: trim it
            while st < en and text[st].isspace():
                st += 1
            while en > st and text[en - 1].isspace():
                en -= 1
            if en > st:
                gold.append(Item(doc, st, en, text[st:en], sp["type"]))
        ps = paras.get(doc)
        if ps is None:
            stats["doc_missing_from_clean"] += 1
            ps = []
        al = Aligner(text, ps)
        st = al.status()
        stats["sent_" + st] += 1
        if st in ("dropped", "altered") and changed is not None:
            changed.append((st, doc, text, ps))
        for m in mby.get(doc, []):
            t = pred_type(m)
            if t is None:
                continue
            stats["mentions_scored"] += 1
            try:
                para = int(m.get("para", 0))
                start = int(m["start"])
                end = int(m["end"])
            except (KeyError, TypeError, ValueError):
                stats["mention_bad_fields"] += 1
                continue
            mtext = m.get("text", "")
            if 0 <= para < len(ps) and ps[para][start:end] != mtext:
                stats["mention_offset_mismatch"] += 1   # contract: paragraph[start:end] == text
                if len(bad_examples) < 5:
                    bad_examples.append({"doc": doc, "para": para, "start": start, "end": end,
                                         "text": mtext, "para_slice": ps[para][start:end]})
            sp = al.span(para, start, end)
            if sp is None:
                stats["mention_unaligned"] += 1
                continue
            gs, ge = sp
            if squash(text[gs:ge]) != squash(mtext):
                stats["mention_text_differs"] += 1
            # relative dates and times (오늘, 지난해, 이날 오후, 오후에) are not
            # tagged by KMOU: soft (docs/eval.md)
            soft = (t in ("date", "time") and m.get("relative") is True)
            pred.append(Item(doc, gs, ge, text[gs:ge], t, soft, m))
    return gold, pred, stats, texts, bad_examples


def context(text, start, end, width=25):
    a = max(0, start - width)
    b = min(len(text), end + width)
    return ("…" if a > 0 else "") + text[a:start] + "[[" + text[start:end] + "]]" + \
        text[end:b] + ("…" if b < len(text) else "")


def score_dataset(name, sents, tagmap, rows, mby, paras, changed=None):
    gold, pred, stats, texts, bad = build_items(sents, tagmap, mby, paras, changed)
    out = {"sentences": len(sents), "alignment": dict(stats), "rows": {},
           "offset_mismatch_examples": bad}
    errors = {}
    gold_by_doc = _by_doc(gold)
    pred_by_doc = _by_doc(pred)
    for row, ptype, tags, with_p in rows:
        g = [it for it in gold if it.label in tags]
        p = [it for it in pred if it.label == ptype]
        res, (ge, go, pe, po) = score(g, p, with_p)
        res["tags"] = list(tags)
        out["rows"][row.strip()] = res
        if with_p:
            errors[ptype] = collect_errors(g, p, ge, go, pe, po, texts, gold_by_doc, pred_by_doc)
    extra = collections.OrderedDict()
    if any(r[0] == "figure" for r in rows):
        for tag in ("NOH", "MNY", "PNT"):
            g = [it for it in gold if it.label == tag]
            p = [it for it in pred if it.label == "figure" and figure_class(it.extra) == tag]
            res, _ = score(g, p, True)
            res["tags"] = [tag]
            res["note"] = "figures typed by unit (currency -> MNY, ratio -> PNT, other -> NOH)"
            extra[tag + " by unit"] = res
    # KMOU tags a country ORG about three times in four (미국 alone: 239 ORG, 75 LOC in
    # the dev half, both in one sentence at times) and a city LOC; 2016klp tags the
    # acting country (중국이 … 우려해) LC. We call a country a location, or an
    # organisation when it acts (gpe_roles.tsv). These rows count a mention whose
    # canonical name is a country (class "country" in dict/gazetteer.tsv) right when
    # it overlaps a location or organisation span, every other mention only on its
    # own type; recall is the plain row's.
    loc_tag = next((t for t, v in tagmap.items() if v == "location"), None)
    org_tag = next((t for t, v in tagmap.items() if v == "org"), None)
    if loc_tag and org_tag:
        countries = load_countries()
        g_lo = [it for it in gold if it.label in (loc_tag, org_tag)]
        for ptype, own in (("location", loc_tag), ("org", org_tag)):
            g_own = [it for it in gold if it.label == own]
            p_c = [it for it in pred if it.label == ptype and
                   (it.extra or {}).get("name") in countries]
            p_o = [it for it in pred if it.label == ptype and
                   (it.extra or {}).get("name") not in countries]
            rc, _ = score(g_lo, p_c, True)
            ro, _ = score(g_own, p_o, True)
            rl = out["rows"].get(ptype)
            other = org_tag if own == loc_tag else loc_tag
            res = {"gold": len(g_own), "tags": [own, other + " for countries"],
                   "note": "countries scored against %s or %s gold, the rest against %s; "
                           "recall as in the %s row" % (loc_tag, org_tag, own, ptype),
                   "countries_pred": len(p_c), "others_pred": len(p_o)}
            for mode in ("exact", "overlap"):
                tp = rc[mode]["tp_pred"] + ro[mode]["tp_pred"]
                n = rc[mode]["pred"] + ro[mode]["pred"]
                r = rl[mode]["R"] if rl else None
                pp = tp / n if n else None
                f = 2 * pp * r / (pp + r) if pp is not None and r and (pp + r) else None
                res[mode] = {"pred": n, "tp_pred": tp,
                             "tp_gold": rl[mode]["tp_gold"] if rl else None,
                             "P": pp, "R": r, "F1": f}
            res["pred"] = res["overlap"]["pred"]
            res["countries_P"] = rc["overlap"]["P"]
            res["others_P"] = ro["overlap"]["P"]
            extra["%s, countries %s|%s" % (ptype, loc_tag, org_tag)] = res
    # dates and times: also the raw numbers with relative mentions counted as
    # ordinary predictions
    for kind in ("date", "time"):
        if not any(r[1] == kind and r[3] for r in rows):
            continue
        dtags = [r[2] for r in rows if r[1] == kind][0]
        g = [it for it in gold if it.label in dtags]
        p = [Item(it.doc, it.start, it.end, it.text, it.label, False, it.extra)
             for it in pred if it.label == kind]
        res, _ = score(g, p, True)
        res["tags"] = list(dtags)
        res["note"] = "relative %ss counted as predictions" % kind
        extra["%s incl. relative" % kind] = res
    out["rows_extra"] = extra
    return out, errors


def collect_errors(gold, pred, ge, go, pe, po, texts, gold_by_doc, pred_by_doc=None):
    misses = collections.Counter()
    miss_ex = {}
    fps = collections.Counter()
    fp_ex = {}
    bounds = collections.Counter()
    bound_ex = {}
    pd = _by_doc(pred)
    for g in gold:
        if id(g) not in go:
            # found as another of our types (type confusion, e.g. NOH "3년" as a duration)?
            other = sorted({p.label for p in (pred_by_doc or {}).get(g.doc, [])
                            if p.start < g.end and g.start < p.end})
            k = (g.text, g.label, ",".join(other))
            misses[k] += 1
            miss_ex.setdefault(k, context(texts[g.doc], g.start, g.end))
        elif id(g) not in ge:
            # overlapped but not exact: show the nearest overlapping prediction
            cands = [p for p in pd.get(g.doc, []) if p.start < g.end and g.start < p.end]
            cands.sort(key=lambda p: (abs(p.start - g.start) + abs(p.end - g.end)))
            if cands:
                k = (g.text, cands[0].text)
                bounds[k] += 1
                bound_ex.setdefault(k, context(texts[g.doc], g.start, g.end))
    for p in pred:
        if id(p) in po or p.soft:
            continue
        # which gold span of any other type does it overlap (type confusion)?
        other = sorted({g.label for g in gold_by_doc.get(p.doc, [])
                        if g.start < p.end and p.start < g.end})
        k = (p.text, ",".join(other))
        fps[k] += 1
        fp_ex.setdefault(k, context(texts[p.doc], p.start, p.end))
    return {"misses": [(k, n, miss_ex[k]) for k, n in misses.most_common(ERRORS_TOP)],
            "false_positives": [(k, n, fp_ex[k]) for k, n in fps.most_common(ERRORS_TOP)],
            "boundary": [(k, n, bound_ex[k]) for k, n in bounds.most_common(ERRORS_TOP)],
            "misses_found_as": dict(collections.Counter(
                other for (_, _, other), n in misses.items() for _ in range(n) if other)),
            "n_misses": sum(misses.values()), "n_fp": sum(fps.values()),
            "n_boundary": sum(bounds.values())}


def write_errors(outdir, errors_by_ds):
    """errors_<type>.txt: per data set, the most frequent misses, false positives and
    boundary differences (overlap found, exact not)."""
    types = sorted({t for e in errors_by_ds.values() for t in e})
    written = []
    for t in types:
        path = os.path.join(outdir, "errors_%s.txt" % t)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# errors for type %r (overlap match). Counts are over the data set; the\n"
                    "# example is the first occurrence. [[...]] marks the span.\n" % t)
            for ds, errs in errors_by_ds.items():
                e = errs.get(t)
                if not e:
                    continue
                f.write("\n## %s: %d misses, %d false positives, %d boundary differences\n"
                        % (ds, e["n_misses"], e["n_fp"], e["n_boundary"]))
                if e["misses_found_as"]:
                    f.write("misses that we found as another type: %s\n" % ", ".join(
                        "%s %d" % kv for kv in sorted(e["misses_found_as"].items(),
                                                      key=lambda kv: -kv[1])))
                f.write("\n### misses (count, gold tag, our types overlapping it, gold span, example)\n")
                for (text, tag, other), n, ex in e["misses"]:
                    f.write("%5d  %-4s %-9s %s\t%s\n" % (n, tag, other or "-", text, ex))
                f.write("\n### false positives (count, gold tags it overlaps, our span, example)\n")
                for (text, other), n, ex in e["false_positives"]:
                    f.write("%5d  %-8s %s\t%s\n" % (n, other or "-", text, ex))
                f.write("\n### boundary differences (count, gold | ours, example)\n")
                for (gt, pt), n, ex in e["boundary"]:
                    f.write("%5d  %s | %s\t%s\n" % (n, gt, pt, ex))
        written.append(path)
    return written


# --------------------------------------------------------------------------- Duckling

MONEY_UNITS = {
    "KRW": ("원", "₩", "KRW", "won", "￦"),
    "$": ("달러", "불", "$", "USD", "us$", "미국달러", "미달러", "dollar", "dollars"),
    "cent": ("센트", "cent", "cents", "¢"),
    "£": ("파운드", "£", "GBP", "pound", "pounds"),
    "EUR": ("유로", "€", "EUR", "euro", "euros"),
}
MEASURE_UNITS = {
    "kilometre": ("km", "킬로미터", "킬로", "키로", "키로미터", "㎞", "kilometre", "kilometer"),
    "mile": ("마일", "마일즈", "mile", "miles", "mi"),
    "metre": ("m", "미터", "메터", "metre", "meter", "meters"),
    "centimetre": ("cm", "센치", "센티", "센티미터", "센치미터", "㎝", "centimetre", "centimeter"),
    "millilitre": ("ml", "밀리리터", "미리리터", "㎖", "millilitre", "milliliter", "밀리"),
    "litre": ("l", "리터", "ℓ", "litre", "liter", "liters"),
    "gallon": ("갤론", "갤런", "gallon", "gallons", "gal"),
    "hectolitre": ("헥토리터", "hl", "hectolitre", "hectoliter"),
    "celsius": ("°c", "℃", "섭씨", "celsius", "섭씨도"),
    "fahrenheit": ("°f", "℉", "화씨", "fahrenheit", "화씨도"),
    "degree": ("도", "°", "degree", "degrees"),
    "근": ("근",),
    "gram": ("g", "그램", "그람", "gram", "grams", "㎎"),
    "cup": ("컵", "cup", "cups", "잔"),
}
_UNIT_INDEX = {}
for _canon, _names in list(MONEY_UNITS.items()) + list(MEASURE_UNITS.items()):
    for _n in _names:
        _UNIT_INDEX.setdefault(_n.lower(), _canon)


def duck_unit(unit, phrase):
    """Our unit string -> Duckling's unit name (None if unknown). A bare 도/° takes
    섭씨/화씨 from the phrase, as Duckling does."""
    if unit is None:
        return None
    u = unicodedata.normalize("NFKC", str(unit)).strip().lower()
    c = _UNIT_INDEX.get(u)
    if c is None:
        c = _UNIT_INDEX.get(str(unit).strip().lower())
    if c == "degree":
        if "섭씨" in phrase:
            return "celsius"
        if "화씨" in phrase:
            return "fahrenheit"
    return c


def num_eq(a, b):
    try:
        a = float(a)
        b = float(b)
    except (TypeError, ValueError):
        return False
    if math.isnan(a) or math.isnan(b):
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


_DUR = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?"
                  r"(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
                  r"(?:(\d+(?:\.\d+)?)S)?)?$")


def dur_seconds(iso):
    m = _DUR.match(str(iso or ""))
    if not m or iso in ("P", "PT"):
        return None
    mult = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)
    return sum(float(v) * k for v, k in zip(m.groups(), mult) if v)


def _time_forms(iso, ref, end=False):
    """Accepted spellings of one Duckling instant (cut to its grain) in our vocabulary:
    dates as ISO, times as YYYY-MM-DDTHH:MM or, on the reference day, HH:MM. For an
    exclusive interval end also the inclusive one (one grain earlier)."""
    forms = {iso}
    vals = [iso]
    if end:
        m = re.match(r"^(\d{4}-\d\d-\d\d)$", iso)
        if m:
            d = datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)
            vals.append(d.isoformat())
        m = re.match(r"^(\d{4}-\d\d-\d\d)T(\d\d)(?::(\d\d))?(?::(\d\d))?$", iso)
        if m:
            dt = datetime.datetime.fromisoformat(m.group(1) + "T" + m.group(2) + ":" +
                                                 (m.group(3) or "00") + ":" + (m.group(4) or "00"))
            step = (datetime.timedelta(seconds=1) if m.group(4) else
                    datetime.timedelta(minutes=1) if m.group(3) else datetime.timedelta(hours=1))
            p = dt - step
            if m.group(4):
                vals.append(p.strftime("%Y-%m-%dT%H:%M:%S"))
            elif m.group(3):
                vals.append(p.strftime("%Y-%m-%dT%H:%M"))
            else:
                vals.append(p.strftime("%Y-%m-%dT%H"))
        # calendar units: our ranges name their last unit (2013-W05/2013-W06)
        m = re.match(r"^(\d{4})-W(\d\d)$", iso)
        if m:
            d = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            y, w, _ = (d - datetime.timedelta(days=7)).isocalendar()
            vals.append("%04d-W%02d" % (y, w))
        m = re.match(r"^(\d{4})-(\d\d)$", iso)
        if m:
            y, mo = int(m.group(1)), int(m.group(2)) - 1
            if mo == 0:
                y, mo = y - 1, 12
            vals.append("%04d-%02d" % (y, mo))
        if re.match(r"^\d{4}$", iso):
            vals.append("%04d" % (int(iso) - 1))
    for v in vals:
        forms.add(v)
        m = re.match(r"^(\d{4}-\d\d-\d\d)T(\d\d)$", v)
        if m:
            forms.add(v + ":00")
            if m.group(1) == ref:
                forms.add(m.group(2) + ":00")
        m = re.match(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)$", v)
        if m and m.group(1) == ref:
            forms.add(m.group(2))
    return forms


def _instant(v, ref):
    """(datetime, grain) of an instant written to the hour or finer, else None.
    grain: 0 hour, 1 minute, 2 second."""
    m = re.match(r"^(?:(\d{4}-\d\d-\d\d)T)?(\d\d)(?::(\d\d))?(?::(\d\d))?$", v or "")
    if not m or (not m.group(1) and not m.group(3)):
        return None
    d = m.group(1) or ref
    g = 2 if m.group(4) else 1 if m.group(3) else 0
    return (datetime.datetime.fromisoformat("%sT%s:%s:%s" % (d, m.group(2), m.group(3) or "00",
                                                             m.group(4) or "00")), g)


def _cut(v, iso):
    """Our instant v cut to the grain of Duckling's instant iso, when v is finer."""
    a = _instant(v, DUCKLING_REF_DATE)
    if not a:
        return v
    dt = a[0]
    if re.match(r"^\d{4}$", iso):
        return dt.strftime("%Y")
    if re.match(r"^\d{4}-\d\d$", iso):
        return dt.strftime("%Y-%m")
    if re.match(r"^\d{4}-\d\d-\d\d$", iso):
        return dt.strftime("%Y-%m-%d")
    if re.match(r"^\d{4}-\d\d-\d\dT\d\d$", iso):
        return dt.strftime("%Y-%m-%dT%H")
    return v


def time_value_ok(value, iso, ref):
    if not isinstance(value, str) or not iso:
        return False
    value = value.strip()
    # One instant written at another grain: 04:30 and 04:30:00 are the same.
    a, b = _instant(value, ref), _instant(iso, ref)
    if a and b and a[0] == b[0]:
        return True
    # Deliberate (docs/dates.md): "한시간안에" ("within an hour") is the
    # interval from the reference instant to the instant Duckling gives.
    if "/" not in iso and "/" in value and a is None:
        va, vb = value.split("/", 1)
        if va.startswith(ref + "T") and (_instant(vb, ref) and _cut(vb, iso) == iso or
                                         (_instant(vb, ref) and _instant(iso, ref) and
                                          _instant(vb, ref)[0] == _instant(iso, ref)[0])):
            return "within"
    if "/" in iso:
        a, b = iso.split("/", 1)
        parts = value.split("/", 1) if "/" in value else None
        if not parts or len(parts) != 2:
            return False
        va, vb = parts
        def same(x, y):  # one instant at another grain, as above
            p, q = _instant(x, ref), _instant(y, ref)
            return bool(p and q and p[0] == q[0])
        ok_a = (a == ".." and va in ("..", "")) or (a != ".." and (
            va in _time_forms(a, ref) or same(va, a)))
        ok_b = (b == ".." and vb in ("..", "")) or (b != ".." and (
            vb in _time_forms(b, ref, True) or same(vb, b)))
        return ok_a and ok_b
    return value in _time_forms(iso, ref)


_ZONED = re.compile(r"^(?:(\d{4}-\d\d-\d\d)T)?(\d\d):(\d\d)(?::(\d\d))?([+-])(\d\d):(\d\d)$")


def to_zone(value, tz, ref_date):
    """A time value whose instants carry a UTC offset ("16:00+01:00", kcorpus's
    value for "4pm CET") restated as local time in the zone tz ("-02:00"), the
    form Duckling's expected values take. An instant without a day is on
    ref_date. Values without offsets come back unchanged."""
    if not isinstance(value, str) or not tz or not re.match(r"^[+-]\d\d:\d\d$", tz):
        return value
    want = (1 if tz[0] == "+" else -1) * (int(tz[1:3]) * 60 + int(tz[4:6]))
    parts = []
    for p in value.split("/"):
        m = _ZONED.match(p)
        if not m:
            parts.append(p)
            continue
        t = datetime.datetime.fromisoformat("%sT%s:%s:%s" % (m.group(1) or ref_date, m.group(2),
                                                            m.group(3), m.group(4) or "00"))
        off = (1 if m.group(5) == "+" else -1) * (int(m.group(6)) * 60 + int(m.group(7)))
        t += datetime.timedelta(minutes=want - off)
        parts.append(t.strftime("%Y-%m-%dT%H:%M" + (":%S" if m.group(4) else "")))
    return "/".join(parts)


def duck_value_ok(rec, m, phrase):
    """Does mention m carry the record's expected value?"""
    dim = rec["dim"]
    exp = rec["expected"]
    kind = m.get("kind")
    if dim in ("numeral", "ordinal"):
        return kind == "figure" and num_eq(m.get("value"), exp.get("value"))
    if dim in ("amount-of-money", "distance", "volume", "temperature", "quantity"):
        if kind != "figure":
            return False
        u = duck_unit(m.get("unit"), phrase)
        if exp.get("type") == "interval":
            fr, to = exp.get("from"), exp.get("to")
            if fr and to:
                return (num_eq(m.get("value"), fr["value"]) and
                        num_eq(m.get("value_max"), to["value"]) and u == fr["unit"])
            side = fr or to
            if not (num_eq(m.get("value"), side["value"]) and u == side["unit"]):
                return False
            b = m.get("bound")
            if fr:
                want = "over" if "초과" in phrase else "min"
            else:
                want = "under" if "미만" in phrase else "max"
            return b == want
        return (num_eq(m.get("value"), exp.get("value")) and u == exp.get("unit")
                and m.get("value_max") in (None, ""))
    if dim == "duration":
        if kind != "duration":
            return False
        v = m.get("value")
        if v == rec.get("iso"):
            return True
        a, b = dur_seconds(v), dur_seconds(rec.get("iso"))
        return a is not None and b is not None and abs(a - b) < 1e-6
    if dim == "time":
        # "지난 2주": a duration that also names the calendar units it covers
        # (its `interval` field) answers a time example as well
        if kind == "duration" and m.get("interval"):
            return time_value_ok(m.get("interval"), rec.get("iso"), DUCKLING_REF_DATE)
        if kind not in ("date", "time"):
            return False
        return time_value_ok(to_zone(m.get("value"), rec.get("ref_tz"), DUCKLING_REF_DATE),
                             rec.get("iso"), DUCKLING_REF_DATE)
    return False


DUCK_KINDS = {
    "numeral": ("figure",), "ordinal": ("figure",), "amount-of-money": ("figure",),
    "distance": ("figure",), "volume": ("figure",), "temperature": ("figure",),
    "quantity": ("figure",), "duration": ("duration",), "time": ("date", "time"),
}


def duck_judge(rec, mentions, para_text):
    """Returns (status, chosen mention). status: exact (one mention spans the whole
    phrase and has the value), value (the best covering mention has the value but
    not the whole span), wrong (found, other value), missing (no mention of the kind)."""
    kinds = DUCK_KINDS.get(rec["dim"], ())
    cands = [m for m in mentions if (m.get("kind") in kinds or
                                     (rec["dim"] == "time" and m.get("interval"))) and
             int(m.get("para", 0) or 0) == 0]
    if not cands:
        return "missing", None
    n = len(para_text.strip())
    lead = len(para_text) - len(para_text.lstrip())

    def cov(m):
        s = max(int(m.get("start", 0)), lead)
        e = min(int(m.get("end", 0)), lead + n)
        return max(0, e - s)

    # A particle that ends the phrase ("오후두시에", "오후 2시까지") stays out of
    # our spans (SPEC: particles are not part of a mention).
    pm = re.search(r"(?:에는|에도|까지|부터|에)$", para_text.strip())
    tail = len(pm.group(0)) if pm else 0

    def whole(m):
        return (int(m.get("start", 0)) <= lead and
                int(m.get("end", 0)) >= lead + n - tail)

    cands.sort(key=lambda m: (not whole(m), -cov(m), int(m.get("start", 0))))
    best = cands[0]
    ok = duck_value_ok(rec, best, rec["input"])
    if ok == "within":
        return "within", best
    if ok:
        st = "exact" if whole(best) else "value"
        return st, best
    # "2014년 7월 18일 금요일 오후 7시": a date mention and a time mention that
    # carries the date (our span convention, as KMOU's DAT + TIM): "split".
    if rec["dim"] == "time":
        for t in cands:
            if t.get("kind") != "time" or duck_value_ok(rec, t, rec["input"]) is not True:
                continue
            if int(t.get("end", 0)) < lead + n:
                continue
            for d in cands:
                if (d.get("kind") == "date" and int(d.get("start", 0)) <= lead and
                        int(d.get("end", 0)) <= int(t.get("start", 0))):
                    return "split", t
    return "wrong", best


def run_duckling(binary, ddir, work):
    recs = []
    for fn in sorted(os.listdir(ddir)):
        if fn.endswith(".jsonl"):
            recs.extend(load_gold(os.path.join(ddir, fn)))
    in_path = os.path.join(work, "duckling.input.jsonl")
    with open(in_path, "w", encoding="utf-8") as f:
        for i, r in enumerate(recs):
            r["_id"] = "duck-%03d-%s" % (i, r["dim"])
            f.write(json.dumps({"id": r["_id"], "text": r["input"]}, ensure_ascii=False) + "\n")
    mby, paras, info = extract_and_clean(binary, in_path, work, "duckling", DUCKLING_REF)
    groups = collections.OrderedDict()
    lines = []
    for r in recs:
        if r.get("disabled"):
            g = r["dim"] + " (disabled upstream)"
        elif r["dim"] == "time" and r.get("future_bias"):
            g = "time future_bias"
        else:
            g = r["dim"]
        ps = paras.get(r["_id"]) or [r["input"]]
        status, m = duck_judge(r, mby.get(r["_id"], []), ps[0] if ps else r["input"])
        c = groups.setdefault(g, collections.Counter())
        c["n"] += 1
        c[status] += 1
        exp = r.get("iso") or json.dumps(r["expected"], ensure_ascii=False)
        got = "-" if m is None else json.dumps(
            {k: m.get(k) for k in ("kind", "text", "value", "value_max", "unit", "bound", "relative")
             if m.get(k) is not None}, ensure_ascii=False)
        lines.append("%-24s %-7s %-22s expected %-40s got %s" % (g, status, r["input"], exp, got))
    result = {"info": info, "dims": {}}
    for g, c in groups.items():
        ok = c["exact"] + c["value"] + c["split"]
        result["dims"][g] = {"n": c["n"], "exact": c["exact"], "value_only": c["value"],
                             "split": c["split"], "within": c["within"],
                             "wrong": c["wrong"], "missing": c["missing"],
                             "value_right_share": ok / c["n"] if c["n"] else None,
                             "exact_share": c["exact"] / c["n"] if c["n"] else None}
    with open(os.path.join(os.path.dirname(work), "duckling.txt"), "w", encoding="utf-8") as f:
        f.write("# Duckling Korean corpus, one line per example: group, status, input, expected,\n"
                "# the best covering mention. status: exact = one mention spans the whole\n"
                "# phrase with the expected value; value = right value, shorter span;\n"
                "# wrong = other value; missing = no mention of that kind. A * marks a date\n"
                "# accepted without the clock part Duckling took from its reference time 04:30.\n"
                "# split = a date mention and a time mention carrying the expected value\n"
                "# (our span convention); within = deliberate: \"N 안에\" is the interval from\n"
                "# the reference instant to the instant Duckling gives (docs/dates.md).\n")
        f.write("\n".join(lines) + "\n")
    return result


# --------------------------------------------------------------------------- output


def fmt(x, pct=False):
    if x is None:
        return "-"
    if isinstance(x, float):
        return "%.3f" % x
    return str(x)


def print_table(name, ds):
    print("\n== %s: %d sentences" % (name, ds["sentences"]))
    a = ds["alignment"]
    print("   cleaned text: %d identical, %d folded (space/NFKC), %d altered, %d dropped; "
          "%d scored mentions, %d offset mismatches, %d not aligned"
          % (a.get("sent_identical", 0), a.get("sent_folded", 0), a.get("sent_altered", 0),
             a.get("sent_dropped", 0), a.get("mentions_scored", 0),
             a.get("mention_offset_mismatch", 0),
             a.get("mention_unaligned", 0) + a.get("mention_text_differs", 0)))
    hdr = "%-20s %6s %6s | %6s %6s %6s | %6s %6s %6s" % (
        "type", "gold", "pred", "P", "R", "F1", "P", "R", "F1")
    print("%-34s | %-20s | %s" % ("", "exact", "overlap"))
    print(hdr)
    print("-" * len(hdr))
    rows = list(ds["rows"].items()) + list(ds.get("rows_extra", {}).items())
    for row, r in rows:
        label = "  " + row if row in ("NOH", "MNY", "PNT") else row
        ex, ov = r["exact"], r["overlap"]
        print("%-20s %6d %6s | %6s %6s %6s | %6s %6s %6s" % (
            label, r["gold"], fmt(r["pred"]), fmt(ex["P"]), fmt(ex["R"]), fmt(ex["F1"]),
            fmt(ov["P"]), fmt(ov["R"]), fmt(ov["F1"])))


def print_duckling(d):
    print("\n== duckling-ko (value level, reference time %s)" % DUCKLING_REF)
    hdr = "%-28s %5s %6s %6s %6s %6s %6s %6s | %7s %7s" % (
        "dim", "n", "exact", "value", "split", "within", "wrong", "miss", "right%", "exact%")
    print(hdr)
    print("-" * len(hdr))
    for g, r in d["dims"].items():
        print("%-28s %5d %6d %6d %6d %6d %6d %6d | %6.1f%% %6.1f%%" % (
            g, r["n"], r["exact"], r["value_only"], r["split"], r["within"], r["wrong"],
            r["missing"],
            100 * (r["value_right_share"] or 0), 100 * (r["exact_share"] or 0)))


# Acceptance targets of issue 7, checked on the test part (overlap match).
TARGETS = [
    ("kmou-test", "date", "F1", 0.90), ("kmou-test", "figure", "F1", 0.90),
    ("kmou-test", "duration", "F1", 0.85), ("kmou-test", "time", "F1", 0.85),
    ("kmou-test", "person", "P", 0.85), ("kmou-test", "org", "P", 0.85),
    ("kmou-test", "location", "P", 0.85),
    ("kmou-test", "location, countries LOC|ORG", "P", 0.85),
    ("kmou-test", "org, countries LOC|ORG", "P", 0.85),
    ("duckling", "numeral", "right", 0.95), ("duckling", "amount-of-money", "right", 0.95),
    ("duckling", "time", "right", 0.90),
]


def check_targets(results):
    out = []
    for ds, row, metric, want in TARGETS:
        if ds == "duckling":
            r = results.get("duckling", {}).get("dims", {}).get(row)
            got = r["value_right_share"] if r else None
        else:
            d = results["datasets"].get(ds, {})
            r = d.get("rows", {}).get(row) or d.get("rows_extra", {}).get(row)
            got = r["overlap"][metric] if r else None
        if r is None:
            continue
        out.append({"set": ds, "type": row, "metric": metric, "target": want, "value": got,
                    "met": got is not None and got >= want})
    return out


def print_targets(targets):
    if not targets:
        return
    print("\n== targets (issue 7; KMOU test part, overlap match)")
    for t in targets:
        print("%-10s %-16s %-5s %6s  target %.2f  %s" % (
            t["set"], t["type"], t["metric"], fmt(t["value"]), t["target"],
            "met" if t["met"] else "NOT met (short by %.3f)" % (t["target"] - (t["value"] or 0))))


# --------------------------------------------------------------------------- main


def write_input(sents, path):
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            f.write(json.dumps({"id": s["id"], "text": s["text"]}, ensure_ascii=False) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/kcorpus", help="kcorpus binary")
    ap.add_argument("--eval-dir", default="../shared/eval", help="gold data directory")
    ap.add_argument("--out", default=None, help="output directory (default: <bin dir>/eval)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="dev = 2016klp + first half of KMOU; test = second half of KMOU")
    ap.add_argument("--no-duckling", action="store_true", help="skip the Duckling suite")
    ap.add_argument("--self-test", action="store_true", help="check the scorer and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()

    t0 = time.time()
    binary = args.bin
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        print("eval: %s: not an executable; run `make` first" % binary, file=sys.stderr)
        return 2
    edir = args.eval_dir
    kdir = os.path.join(edir, "kmou-ner")
    ddir = os.path.join(edir, "duckling-ko")
    if not os.path.isdir(kdir):
        print("eval: %s: no gold data (set EVAL_DIR)" % kdir, file=sys.stderr)
        return 2
    outdir = args.out or os.path.join(os.path.dirname(os.path.abspath(binary)), "eval")
    work = os.path.join(outdir, "work")
    os.makedirs(work, exist_ok=True)
    for fn in os.listdir(outdir):
        if fn.startswith("errors_") and fn.endswith(".txt"):
            os.remove(os.path.join(outdir, fn))

    try:
        ver = subprocess.run([binary, "--version"], capture_output=True, text=True,
                             timeout=30).stdout.strip().splitlines()
    except (OSError, subprocess.SubprocessError):
        ver = []

    main_path = os.path.join(kdir, "kmou-ner-corpus.jsonl")
    n_main = count_lines(main_path)
    half = n_main // 2
    plan = []   # (name, split, gold path, first, last, tagmap, rows)
    if args.split in ("dev", "all"):
        for fn in ("klp2016-ner-dev.jsonl", "klp2016-ner-test.jsonl"):
            plan.append(("klp2016-" + fn.split("-")[-1].split(".")[0], "dev",
                         os.path.join(kdir, fn), None, None, KLP_TAGS, KLP_ROWS))
        plan.append(("kmou-dev", "dev", main_path, 0, half, KMOU_TAGS, KMOU_ROWS))
    if args.split in ("test", "all"):
        plan.append(("kmou-test", "test", main_path, half, None, KMOU_TAGS, KMOU_ROWS))

    results = {
        "meta": {"bin": binary, "version": ver, "eval_dir": edir, "split": args.split,
                 "ner_ref_date": NER_REF_DATE, "duckling_ref_date": DUCKLING_REF_DATE,
                 "kmou_sentences": n_main, "kmou_dev_lines": [0, half],
                 "kmou_test_lines": [half, n_main],
                 "started": datetime.datetime.now().isoformat(timespec="seconds")},
        "datasets": {},
    }
    errors_by_ds = collections.OrderedDict()
    alignment_log = []
    try:
        for name, split, path, first, last, tagmap, rows in plan:
            sents = load_gold(path, first, last)
            in_path = os.path.join(work, name + ".input.jsonl")
            write_input(sents, in_path)
            mby, paras, info = extract_and_clean(binary, in_path, work, name, NER_REF_DATE)
            changed = []
            ds, errs = score_dataset(name, sents, tagmap, rows, mby, paras, changed)
            ds["split"] = split
            reasons = info.pop("dropped_reasons")
            ds["run"] = info
            alignment_log.append((name, changed, reasons))
            results["datasets"][name] = ds
            # error lists come from the dev part only (when it is run), so that reading
            # them to tune rules does not leak the test figures
            if split == "dev" or args.split == "test":
                errors_by_ds[name] = errs
            miss = ds["alignment"].get("doc_missing_from_clean", 0)
            if miss:
                print("eval: warning: %s: %d sentences missing from the clean output"
                      % (name, miss), file=sys.stderr)
            print_table(name + " [" + split + "]", ds)
            sys.stdout.flush()
        if not args.no_duckling and os.path.isdir(ddir):
            results["duckling"] = run_duckling(binary, ddir, work)
            print_duckling(results["duckling"])
    except RunError as e:
        print("eval: %s" % e, file=sys.stderr)
        return 2

    results["targets"] = check_targets(results)
    print_targets(results["targets"])
    written = write_errors(outdir, errors_by_ds)
    with open(os.path.join(outdir, "alignment.txt"), "w", encoding="utf-8") as f:
        f.write("# Gold sentences whose cleaned text was dropped by the cleaner or altered\n"
                "# beyond whitespace/NFKC folding (their gold spans still count; dropped = all missed).\n")
        for name, changed, reasons in alignment_log:
            f.write("\n## %s: %d\n" % (name, len(changed)))
            for st, doc, text, ps in changed:
                f.write("%s\t%s\t%s\t%s\t-> %s\n" % (st, reasons.get(doc, "-"), doc, text,
                                                       json.dumps(ps, ensure_ascii=False)))
    results["meta"]["seconds"] = round(time.time() - t0, 1)
    rpath = os.path.join(outdir, "results.json")
    with open(rpath, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("\nresults: %s\nerror lists (dev part): %s\nalso: duckling.txt, alignment.txt "
          "in %s (%.1f s)" % (rpath, ", ".join(os.path.basename(p) for p in written) or "-",
                              outdir, time.time() - t0))
    return 0


# --------------------------------------------------------------------------- self-test


def self_test():
    passed = [0]
    failed = [0]

    def check(name, cond, detail=""):
        if cond:
            passed[0] += 1
        else:
            failed[0] += 1
            print("FAIL %s %s" % (name, detail))

    def close(a, b):
        return a is not None and abs(a - b) < 1e-9

    G = lambda doc, s, e, tag="X": Item(doc, s, e, "", tag)
    P = lambda doc, s, e, soft=False: Item(doc, s, e, "", "t", soft)

    # 1. identical spans
    r, _ = score([G("d", 0, 3)], [P("d", 0, 3)])
    check("exact-hit", r["exact"]["F1"] == 1.0 and r["overlap"]["F1"] == 1.0, r)
    # 2. boundary difference (pred includes a particle): exact 0, overlap 1
    r, _ = score([G("d", 0, 3)], [P("d", 0, 4)])
    check("boundary-exact", r["exact"]["P"] == 0.0 and r["exact"]["R"] == 0.0, r)
    check("boundary-overlap", r["overlap"]["F1"] == 1.0, r)
    # 3. one prediction over a range the gold splits in two
    r, _ = score([G("d", 0, 4), G("d", 5, 9)], [P("d", 0, 9)])
    check("range-overlap", r["overlap"]["R"] == 1.0 and r["overlap"]["P"] == 1.0, r)
    check("range-exact", r["exact"]["R"] == 0.0, r)
    # 4. miss + false positive, different docs do not match
    r, _ = score([G("a", 0, 2), G("b", 0, 2)], [P("a", 0, 2), P("c", 0, 2), P("a", 5, 6)])
    check("p-r-mixed", close(r["exact"]["P"], 1 / 3) and close(r["exact"]["R"], 0.5), r)
    check("f1-mixed", close(r["exact"]["F1"], 2 * (1 / 3) * 0.5 / (1 / 3 + 0.5)), r)
    # 5. soft (relative date): ignored when unmatched, counted when matched
    r, _ = score([G("d", 0, 2)], [P("d", 0, 2), P("d", 4, 6, soft=True)])
    check("soft-ignored", r["exact"]["P"] == 1.0 and r["pred"] == 1 and r["soft_ignored"] == 1, r)
    r, _ = score([G("d", 0, 2)], [P("d", 0, 2, soft=True)])
    check("soft-matched", r["exact"]["P"] == 1.0 and r["exact"]["R"] == 1.0, r)
    # 6. duplicate predictions of one span: exact is one-to-one
    r, _ = score([G("d", 0, 2)], [P("d", 0, 2), P("d", 0, 2)])
    check("dup-exact", r["exact"]["P"] == 0.5 and r["exact"]["R"] == 1.0, r)
    # 7. recall-only row
    r, _ = score([G("d", 0, 2)], [P("d", 0, 2), P("d", 3, 4)], with_precision=False)
    check("recall-only", r["exact"]["P"] is None and r["exact"]["R"] == 1.0 and r["pred"] is None, r)
    # 8. empty gold / empty pred
    r, _ = score([], [P("d", 0, 2)])
    check("empty-gold", r["exact"]["R"] is None and r["exact"]["P"] == 0.0, r)
    r, _ = score([G("d", 0, 2)], [])
    check("empty-pred", r["exact"]["P"] is None and r["exact"]["R"] == 0.0, r)

    # alignment
    gold = "정부는  지난 3일   100억 원을 "
    al = Aligner(gold, ["정부는 지난 3일 100억 원을"])
    check("align-status-ws", al.status() == "folded", al.status())
    s = al.span(0, 7, 9)        # "3일" in the cleaned text
    check("align-ws-span", s is not None and gold[s[0]:s[1]] == "3일", s)
    s = al.span(0, 10, 16)      # "100억 원"
    check("align-ws-span2", s is not None and gold[s[0]:s[1]] == "100억 원", s)
    al = Aligner("abc", ["abc"])
    check("align-identity", al.identity and al.span(0, 1, 3) == (1, 3))
    al = Aligner("李씨 3명", [unicodedata.normalize("NFC", "\uf9e1씨 3명")])
    gold2 = "\uf9e1씨 3명"
    al = Aligner(gold2, [unicodedata.normalize("NFC", gold2)])
    check("align-nfc", al.status() == "folded" and al.span(0, 0, 2) == (0, 2), al.span(0, 0, 2))
    al = Aligner("첫 문단\n둘째 3개", ["첫 문단", "둘째 3개"])
    s = al.span(1, 3, 5)
    check("align-para2", s == (8, 10), s)
    al = Aligner("기사 무단 전재", [])
    check("align-dropped", al.status() == "dropped" and al.span(0, 0, 1) is None)
    gold3 = "면적 162㎡(약 49평)"
    al = Aligner(gold3, ["면적 162m2(약 49평)"])
    s = al.span(0, 3, 8)        # "162m2" -> "162㎡"
    check("align-nfkc-grow", al.status() == "folded" and s is not None and gold3[s[0]:s[1]] == "162㎡", s)
    s = al.span(0, 9, 14)       # "약 49평" after the longer unit
    check("align-nfkc-after", s is not None and gold3[s[0]:s[1]] == "약 49평", s)
    gold4 = "한\u00ad러 정상 ＇합의＇"
    al = Aligner(gold4, ["한러 정상 '합의'"])
    s = al.span(0, 6, 10)
    check("align-softhyphen", al.status() == "folded" and s is not None and gold4[s[0]:s[1]] == "＇합의＇", s)
    al = Aligner("가나다라", ["가나XY다라"])
    check("align-altered", al.status() == "altered")

    # build_items end to end on a hand-made sentence
    sents = [{"id": "s1", "text": "지난  3일 오후 6시 삼성전자는 약 100억 원을 벌었다.",
              "spans": [{"start": 4, "end": 6, "type": "DAT"}, {"start": 7, "end": 12, "type": "TIM"},
                        {"start": 13, "end": 17, "type": "ORG"}, {"start": 21, "end": 28, "type": "MNY"}]}]
    para = "지난 3일 오후 6시 삼성전자는 약 100억 원을 벌었다."
    ms = [{"doc": "s1", "para": 0, "start": 0, "end": 5, "kind": "date", "text": "지난 3일"},
          {"doc": "s1", "para": 0, "start": 6, "end": 11, "kind": "time", "text": "오후 6시"},
          {"doc": "s1", "para": 0, "start": 12, "end": 16, "kind": "entity", "type": "org",
           "text": "삼성전자"},
          {"doc": "s1", "para": 0, "start": 18, "end": 26, "kind": "figure", "text": "약 100억 원",
           "unit": "원", "value": 1e10},
          {"doc": "s1", "para": 0, "start": 28, "end": 30, "kind": "entity", "type": "person",
           "text": "벌었"}]
    out, errs = score_dataset("t", sents, KMOU_TAGS, KMOU_ROWS, {"s1": ms}, {"s1": [para]})
    rows = out["rows"]
    check("e2e-time-exact", rows["time"]["exact"]["F1"] == 1.0, rows["time"])
    check("e2e-org-exact", rows["org"]["exact"]["F1"] == 1.0, rows["org"])
    check("e2e-date-overlap", rows["date"]["overlap"]["F1"] == 1.0 and rows["date"]["exact"]["F1"] == 0.0,
          rows["date"])
    check("e2e-figure", rows["figure"]["overlap"]["R"] == 1.0 and rows["MNY"]["overlap"]["R"] == 1.0
          and rows["NOH"]["gold"] == 0, rows["figure"])
    check("e2e-person-fp", rows["person"]["pred"] == 1 and rows["person"]["overlap"]["P"] == 0.0,
          rows["person"])
    check("e2e-offsets-ok", out["alignment"].get("mention_offset_mismatch", 0) == 0, out["alignment"])
    check("e2e-errors", errs["person"]["false_positives"][0][0][0] == "벌었" and
          errs["date"]["boundary"][0][0] == ("3일", "지난  3일"), errs["date"])

    check("fig-class", figure_class({"unit": "억원"}) == "MNY" and figure_class({"unit": "%p"}) == "PNT"
          and figure_class({"unit": "명"}) == "NOH" and figure_class({"unit": ""}) == "NOH")
    ex = out["rows_extra"]
    check("e2e-typed", ex["MNY by unit"]["overlap"]["R"] == 1.0 and ex["MNY by unit"]["overlap"]["P"] == 1.0
          and ex["NOH by unit"]["pred"] == 0, ex["MNY by unit"])

    # Duckling value comparison
    def dv(dim, expected, m, inp="", iso=None):
        rec = {"dim": dim, "expected": expected, "input": inp, "ref_tz": "-02:00"}
        if iso:
            rec["iso"] = iso
        return duck_value_ok(rec, m, inp)

    check("duck-num", dv("numeral", {"value": 58190148}, {"kind": "figure", "value": 58190148.0}))
    check("duck-num-frac", dv("numeral", {"value": 0.75}, {"kind": "figure", "value": 0.75}))
    check("duck-num-kind", not dv("numeral", {"value": 3}, {"kind": "date", "value": 3}))
    check("duck-money", dv("amount-of-money", {"type": "value", "value": 10, "unit": "$"},
                           {"kind": "figure", "value": 10, "unit": "불"}, "십불"))
    check("duck-money-unit", not dv("amount-of-money", {"type": "value", "value": 10, "unit": "$"},
                                    {"kind": "figure", "value": 10, "unit": "원"}, "십원"))
    check("duck-money-range", dv("amount-of-money",
                                 {"type": "interval", "from": {"value": 25000, "unit": "KRW"},
                                  "to": {"value": 30000, "unit": "KRW"}},
                                 {"kind": "figure", "value": 25000, "value_max": 30000, "unit": "원"},
                                 "25000 - 30000원"))
    check("duck-money-min", dv("amount-of-money", {"type": "interval", "from": {"value": 5000, "unit": "KRW"}},
                               {"kind": "figure", "value": 5000, "unit": "원", "bound": "min"},
                               "5000원 이상"))
    check("duck-money-over", not dv("amount-of-money",
                                    {"type": "interval", "from": {"value": 5000, "unit": "KRW"}},
                                    {"kind": "figure", "value": 5000, "unit": "원", "bound": "min"},
                                    "5000원 초과"))
    check("duck-money-under", dv("amount-of-money", {"type": "interval", "to": {"value": 1e4, "unit": "KRW"}},
                                 {"kind": "figure", "value": 10000, "unit": "원", "bound": "under"},
                                 "만원 미만"))
    check("duck-temp", dv("temperature", {"value": 37, "unit": "celsius"},
                          {"kind": "figure", "value": 37, "unit": "도"}, "섭씨37도"))
    check("duck-temp-deg", dv("temperature", {"value": 45, "unit": "degree"},
                              {"kind": "figure", "value": 45, "unit": "도"}, "45도"))
    check("duck-km", dv("distance", {"value": 3, "unit": "kilometre"},
                        {"kind": "figure", "value": 3, "unit": "KM"}, "3km"))
    check("duck-dur", dv("duration", {}, {"kind": "duration", "value": "PT1.1H"}, "1.1 시간", "PT66M"))
    check("duck-dur-bad", not dv("duration", {}, {"kind": "duration", "value": "PT1H"}, "x", "PT66M"))
    check("duck-day", dv("time", {}, {"kind": "date", "value": "2013-02-11"}, "어제", "2013-02-11"))
    check("duck-hour", dv("time", {}, {"kind": "time", "value": "2013-02-13T17:00"}, "x", "2013-02-13T17"))
    check("duck-hour-ref", dv("time", {}, {"kind": "time", "value": "15:00"}, "x", "2013-02-12T15"))
    check("duck-hour-other-day", not dv("time", {}, {"kind": "time", "value": "17:00"}, "x",
                                        "2013-02-13T17"))
    check("duck-minute", dv("time", {}, {"kind": "time", "value": "15:20"}, "x", "2013-02-12T15:20"))
    check("duck-interval-incl", dv("time", {}, {"kind": "date", "value": "2013-07-13/2013-07-15"}, "x",
                                   "2013-07-13/2013-07-16"))
    check("duck-interval-min", dv("time", {}, {"kind": "time", "value": "09:30/11:00"}, "x",
                                  "2013-02-12T09:30/2013-02-12T11:01"))
    # the day alone is not Duckling's hour ("7일전" at 04:30 is 2013-02-05T04)
    check("duck-refclock", not dv("time", {}, {"kind": "date", "value": "2013-02-05"}, "7일전",
                                  "2013-02-05T04"))
    check("duck-hour-grain", dv("time", {}, {"kind": "time", "value": "2013-02-05T04:00"}, "7일전",
                                "2013-02-05T04"))
    # a value with a UTC offset, restated in the reference zone
    check("zone-time", to_zone("16:00+01:00", "-02:00", "2013-02-12") == "2013-02-12T13:00")
    check("zone-day", to_zone("2013-02-14T08:00+00:00", "-02:00", "x") == "2013-02-14T06:00")
    check("zone-wrap", to_zone("2013-02-14T01:30:15+09:00", "+00:00", "x") ==
          "2013-02-13T16:30:15")
    check("zone-interval", to_zone("09:30+00:00/..", "-02:00", "2013-02-12") ==
          "2013-02-12T07:30/..")
    check("zone-none", to_zone("2013-02-14T08:00", "-02:00", "x") == "2013-02-14T08:00")
    check("zone-duck", dv("time", {}, {"kind": "time", "value": "16:00+01:00"}, "4pm CET",
                          "2013-02-12T13:00"))
    check("duck-refclock-no", not dv("time", {}, {"kind": "date", "value": "2013-02-13"}, "x",
                                     "2013-02-13T17"))
    check("duck-week", dv("time", {}, {"kind": "date", "value": "2013-W07"}, "x", "2013-W07"))
    check("duck-dur-seconds", dur_seconds("P1DT2H") == 93600 and dur_seconds("PT") is None)

    # duck_judge: whole-span preference
    rec = {"dim": "numeral", "input": "이천칠백사십오억", "expected": {"value": 274500000000}}
    ms = [{"kind": "figure", "para": 0, "start": 0, "end": 3, "value": 2700},
          {"kind": "figure", "para": 0, "start": 0, "end": 8, "value": 274500000000}]
    st, m = duck_judge(rec, ms, "이천칠백사십오억")
    check("judge-whole", st == "exact" and m["end"] == 8, st)
    st, m = duck_judge(rec, ms[:1], "이천칠백사십오억")
    check("judge-wrong", st == "wrong", st)
    st, m = duck_judge(rec, [], "이천칠백사십오억")
    check("judge-missing", st == "missing", st)
    rec = {"dim": "amount-of-money", "input": "5000원 이상",
           "expected": {"type": "interval", "from": {"value": 5000, "unit": "KRW"}}}
    st, m = duck_judge(rec, [{"kind": "figure", "para": 0, "start": 0, "end": 5, "value": 5000,
                              "unit": "원"}], "5000원 이상")
    check("judge-bound-missing", st == "wrong", st)

    # run_kcorpus: exit 1 with contract-style messages is tolerated, a sanitizer is not
    import tempfile
    with tempfile.TemporaryDirectory() as td:
        o, e = os.path.join(td, "o"), os.path.join(td, "e")
        rc, _ = run_kcorpus(sys.executable, ["-c", "import sys; sys.stderr.write("
                                             "'kcorpus: f.jsonl: line 3: bad JSON\\n');"
                                             " sys.exit(1)"], o, e, warn=False)
        check("run-rc1-ok", rc == 1)
        try:
            run_kcorpus(sys.executable, ["-c", "import sys; sys.stderr.write('a.c:1: runtime "
                                         "error: null\\n'); sys.exit(1)"], o, e)
            check("run-ubsan-fatal", False)
        except RunError:
            check("run-ubsan-fatal", True)
        try:
            run_kcorpus(sys.executable, ["-c", "import sys; sys.exit(2)"], o, e)
            check("run-rc2-fatal", False)
        except RunError:
            check("run-rc2-fatal", True)

    print("%d passed, %d failed" % (passed[0], failed[0]))
    return 0 if failed[0] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
