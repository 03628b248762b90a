#!/usr/bin/env python3
"""Development aid for the built-in checklists in checklists/*.yaml.

Checks, for every checklist:
  * every question and rule has a `source: "<seed file>#<quote>"`, the file is listed in the
    checklist's `sources`, and the quote appears in that seed file after normalising
    whitespace, curly quotes and case;
  * question, section and rule ids are unique; defaults are valid; `when`, `applies` and `check`
    name only existing questions (cross-checklist references too);
  * example answers name existing questions and example expectations name existing rules.

It also runs every example through a small re-implementation of the scoring described in
issue 4 (three-valued rules, points by severity, bands) so that the expectations can be checked
before the real engine exists. The engine stays the judge; this is a second opinion.

Usage: scripts/check-sources.py [--seeds DIR] [--verbose] [FILE.yaml ...]
Seeds: --seeds, else $SMAUDIT_SEEDS, else ../shared/seeds relative to the package root.
Exit 0 when clean, 1 otherwise.
"""
import argparse
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POINTS = {"info": 0, "low": 1, "medium": 3, "high": 5, "critical": 8}
TYPES = {"yesno", "choice", "multi", "number", "percent", "scale", "duration", "date", "text"}
ID_RE = re.compile(r"^[A-Za-z0-9_]+$")
CHECKLIST_ID_RE = re.compile(r"^[a-z0-9-]+$")
MAX_QUOTE_WORDS = 15


def normalise(text):
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


# ---------------------------------------------------------------- answers

def parse_duration(text):
    s = str(text).strip().lower().replace(" ", "")
    m = re.fullmatch(r"(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?", s)
    if not s or not m or not any(m.groups()):
        raise ValueError(f"not a duration: {text!r}")
    d, h, mi = (float(g) if g else 0.0 for g in m.groups())
    return d * 1440 + h * 60 + mi  # minutes


def parse_number(text):
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    s = str(text).strip().lower().replace(",", "")
    mult = 1
    if s.endswith("k"):
        mult, s = 1000, s[:-1]
    elif s.endswith("m"):
        mult, s = 1_000_000, s[:-1]
    return float(s) * mult


def parse_answer(q, raw):
    """Returns the typed value, or the string 'NA'."""
    t = q["type"]
    if isinstance(raw, bool):
        raw = "yes" if raw else "no"
    s = str(raw).strip()
    if s.lower() == "na":
        if not q.get("allow_na"):
            raise ValueError("na not allowed")
        return "NA"
    if t == "yesno":
        if s.lower() in ("yes", "y", "true"):
            return True
        if s.lower() in ("no", "n", "false"):
            return False
        raise ValueError(f"not yes/no: {raw!r}")
    if t == "choice":
        return match_choice(q, s)
    if t == "multi":
        return [match_choice(q, part.strip()) for part in s.split(",") if part.strip()]
    if t in ("number", "scale"):
        v = parse_number(s)
        if t == "scale" and not 1 <= v <= 5:
            raise ValueError("scale is 1-5")
        return v
    if t == "percent":
        if s.endswith("%"):
            return float(s[:-1]) / 100
        v = float(s)
        return v if v <= 1 else v / 100
    if t == "duration":
        return ("dur", parse_duration(s))
    return s


def match_choice(q, s):
    choices = [str(c) for c in q.get("choices", [])]
    for c in choices:
        if c.lower() == s.lower():
            return c
    pref = [c for c in choices if c.lower().startswith(s.lower())]
    if len(pref) == 1:
        return pref[0]
    raise ValueError(f"{s!r} is not one of {choices}")


# ---------------------------------------------------------------- expressions

TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<string>"[^"]*")
  | (?P<dur>\d+(?:\.\d+)?[dhm](?:\d+(?:\.\d+)?[hm])*(?![A-Za-z0-9_]))
  | (?P<pct>\d+(?:\.\d+)?%)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,)
""", re.X)


def tokenize(src):
    pos, out = 0, []
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise SyntaxError(f"bad character at column {pos + 1}: {src[pos:]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        text = m.group(kind)
        if kind == "ident" and text in ("and", "or", "not", "in", "contains", "true", "false"):
            kind = text
        out.append((kind, text))
    out.append(("eof", ""))
    return out


class Parser:
    def __init__(self, src):
        self.toks = tokenize(src)
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def take(self, kind=None, text=None):
        tok = self.toks[self.i]
        if (kind and tok[0] != kind) or (text and tok[1] != text):
            raise SyntaxError(f"expected {text or kind}, found {tok[1]!r}")
        self.i += 1
        return tok

    def parse(self):
        e = self.or_()
        self.take("eof")
        return e

    def or_(self):
        e = self.and_()
        while self.peek()[0] == "or":
            self.take()
            e = ("or", e, self.and_())
        return e

    def and_(self):
        e = self.not_()
        while self.peek()[0] == "and":
            self.take()
            e = ("and", e, self.not_())
        return e

    def not_(self):
        if self.peek()[0] == "not":
            self.take()
            return ("not", self.not_())
        return self.cmp()

    def cmp(self):
        e = self.add()
        tok = self.peek()
        if tok[1] in ("==", "!=", "<", "<=", ">", ">=") and tok[0] == "op":
            self.take()
            return ("cmp", tok[1], e, self.add())
        if tok[0] in ("in", "contains"):
            self.take()
            return (tok[0], e, self.add())
        return e

    def add(self):
        e = self.mul()
        while self.peek()[1] in ("+", "-") and self.peek()[0] == "op":
            op = self.take()[1]
            e = ("arith", op, e, self.mul())
        return e

    def mul(self):
        e = self.atom()
        while self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
            op = self.take()[1]
            e = ("arith", op, e, self.atom())
        return e

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            return ("lit", float(text))
        if kind == "pct":
            return ("lit", float(text[:-1]) / 100)
        if kind == "dur":
            return ("lit", ("dur", parse_duration(text)))
        if kind == "string":
            return ("lit", text[1:-1])
        if kind in ("true", "false"):
            return ("lit", kind == "true")
        if kind == "op" and text == "(":
            e = self.or_()
            self.take("op", ")")
            return e
        if kind == "op" and text == "[":
            items = []
            while self.peek()[1] != "]":
                items.append(self.or_())
                if self.peek()[1] == ",":
                    self.take()
            self.take("op", "]")
            return ("list", items)
        if kind == "ident":
            if self.peek()[1] == "(":
                self.take()
                args = []
                while self.peek()[1] != ")":
                    args.append(self.or_())
                    if self.peek()[1] == ",":
                        self.take()
                self.take("op", ")")
                if text not in ("answered", "count", "min", "max"):
                    raise SyntaxError(f"unknown function {text}")
                return ("call", text, args)
            return ("ref", text)
        raise SyntaxError(f"unexpected {text!r}")


def refs(expr):
    out = []
    if isinstance(expr, tuple):
        if expr[0] == "ref":
            out.append(expr[1])
        for part in expr[1:]:
            if isinstance(part, tuple):
                out += refs(part)
            elif isinstance(part, list):
                for p in part:
                    out += refs(p)
    return out


UNKNOWN = None


def evaluate(expr, env):
    """Kleene three-valued evaluation; UNKNOWN (None) propagates."""
    k = expr[0]
    if k == "lit":
        return expr[1]
    if k == "list":
        vals = [evaluate(e, env) for e in expr[1]]
        return UNKNOWN if any(v is UNKNOWN for v in vals) else vals
    if k == "ref":
        v = env.get(expr[1], UNKNOWN)
        return UNKNOWN if v == "NA" else v
    if k == "not":
        v = evaluate(expr[1], env)
        return UNKNOWN if v is UNKNOWN else (not v)
    if k in ("and", "or"):
        a, b = evaluate(expr[1], env), evaluate(expr[2], env)
        if k == "and":
            if a is False or b is False:
                return False
            return UNKNOWN if UNKNOWN in (a, b) else True
        if a is True or b is True:
            return True
        return UNKNOWN if UNKNOWN in (a, b) else False
    if k == "cmp":
        a, b = evaluate(expr[2], env), evaluate(expr[3], env)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        if isinstance(a, tuple):
            a = a[1]
        if isinstance(b, tuple):
            b = b[1]
        return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[expr[1]]
    if k == "in":
        a, b = evaluate(expr[1], env), evaluate(expr[2], env)
        return UNKNOWN if UNKNOWN in (a, b) else a in b
    if k == "contains":
        a, b = evaluate(expr[1], env), evaluate(expr[2], env)
        return UNKNOWN if UNKNOWN in (a, b) else b in a
    if k == "arith":
        a, b = evaluate(expr[2], env), evaluate(expr[3], env)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        if expr[1] == "/" and b == 0:
            return UNKNOWN
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0}[expr[1]]
    if k == "call":
        name, args = expr[1], expr[2]
        if name == "answered":
            v = env.get(args[0][1], UNKNOWN)
            return v is not UNKNOWN and v != "NA"
        vals = [evaluate(a, env) for a in args]
        if any(v is UNKNOWN for v in vals):
            return UNKNOWN
        if name == "count":
            return float(len(vals[0]))
        return min(vals) if name == "min" else max(vals)
    raise ValueError(k)


def band(score):
    if score < 50:
        return "at risk"
    if score < 80:
        return "developing"
    if score < 90:
        return "strong"
    return "leading"


# ---------------------------------------------------------------- checking

class Report:
    def __init__(self):
        self.errors = 0

    def error(self, where, msg):
        self.errors += 1
        print(f"{where}: error: {msg}")


def load_seeds(folder):
    seeds = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            seeds[name] = normalise(f.read())
    return seeds


def check_source(rep, where, item, checklist, seeds):
    src = item.get("source")
    if not isinstance(src, str) or "#" not in src:
        rep.error(where, "missing or malformed source (want \"<seed file>#<quote>\")")
        return
    file, quote = src.split("#", 1)
    if file not in (checklist.get("sources") or []):
        rep.error(where, f"source file {file} is not listed in `sources`")
    if seeds is None:
        return
    if file not in seeds:
        rep.error(where, f"no seed file {file}")
        return
    if len(quote.split()) > MAX_QUOTE_WORDS:
        rep.error(where, f"quote longer than {MAX_QUOTE_WORDS} words: {quote!r}")
    if normalise(quote) not in seeds[file]:
        rep.error(where, f"quote not found in {file}: {quote!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--seeds")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()

    seeds_dir = args.seeds or os.environ.get("SMAUDIT_SEEDS") or os.path.join(ROOT, "..", "shared", "seeds")
    seeds = load_seeds(seeds_dir) if os.path.isdir(seeds_dir) else None
    if seeds is None:
        print(f"warning: no seed folder at {seeds_dir}; quotes not checked")

    files = args.files or sorted(
        os.path.join(ROOT, "checklists", n) for n in os.listdir(os.path.join(ROOT, "checklists")) if n.endswith(".yaml"))
    rep = Report()
    checklists = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        checklists[data.get("id")] = (path, data)

    # question tables for cross references
    tables = {}
    for cid, (path, data) in checklists.items():
        tables[cid] = {q["id"]: q for s in data.get("sections", []) for q in s.get("questions", [])}

    for cid, (path, data) in checklists.items():
        name = os.path.basename(path)
        if cid != name[:-5]:
            rep.error(name, f"id {cid!r} does not match file name")
        if not CHECKLIST_ID_RE.match(str(cid)):
            rep.error(name, f"bad checklist id {cid!r}")
        for field in ("title", "version", "description", "sources", "sections", "rules", "examples"):
            if field not in data:
                rep.error(name, f"missing field {field}")
        questions = tables[cid]
        qcount = 0
        section_ids = set()
        for s in data.get("sections", []):
            if s.get("id") in section_ids:
                rep.error(name, f"duplicate section id {s.get('id')}")
            section_ids.add(s.get("id"))
            if not s.get("title"):
                rep.error(name, f"section {s.get('id')} has no title")
            for q in s.get("questions", []):
                qcount += 1
                where = f"{name}:{q.get('id')}"
                if not ID_RE.match(str(q.get("id"))):
                    rep.error(where, "question id must use letters, digits and _")
                for field in ("prompt", "type", "help", "source"):
                    if field not in q:
                        rep.error(where, f"missing {field}")
                if q.get("type") not in TYPES:
                    rep.error(where, f"bad type {q.get('type')}")
                if q.get("type") in ("choice", "multi"):
                    ch = q.get("choices") or []
                    if len(set(map(str, ch))) != len(ch) or not ch:
                        rep.error(where, "choices empty or duplicated")
                    for c in ch:
                        if not isinstance(c, str) or "," in c:
                            rep.error(where, f"choice {c!r} must be a string without commas")
                if "default" in q:
                    try:
                        parse_answer(q, q["default"])
                    except Exception as e:  # noqa: BLE001
                        rep.error(where, f"default is not a valid answer: {e}")
                check_source(rep, where, q, data, seeds)
                if "when" in q:
                    check_expr(rep, where, q["when"], cid, tables)
        if qcount != len(questions):
            rep.error(name, "duplicate question ids")
        rule_ids = set()
        for r in data.get("rules", []):
            where = f"{name}:{r.get('id')}"
            if r.get("id") in rule_ids:
                rep.error(where, "duplicate rule id")
            rule_ids.add(r.get("id"))
            for field in ("title", "check", "severity", "finding", "recommendation", "source"):
                if field not in r:
                    rep.error(where, f"missing {field}")
            if r.get("severity") not in POINTS:
                rep.error(where, f"bad severity {r.get('severity')}")
            if "section" in r and r["section"] not in section_ids:
                rep.error(where, f"unknown section {r['section']}")
            check_source(rep, where, r, data, seeds)
            for field in ("check", "applies"):
                if field in r:
                    check_expr(rep, where, r[field], cid, tables)
            cross = [x for x in refs_of(r.get("check", "")) + refs_of(r.get("applies", "")) if "." in x]
            if cross and "answered(" not in str(r.get("applies", "")):
                rep.error(where, "cross-checklist rule without an answered(...) guard in `applies`")
        examples = data.get("examples") or []
        if len(examples) < 4:
            rep.error(name, f"only {len(examples)} examples (want at least 4)")
        for ex in examples:
            run_example(rep, name, cid, data, tables, ex, rule_ids, args.verbose)
        print(f"{name}: {qcount} questions, {len(data.get('rules', []))} rules, {len(examples)} examples")

    if rep.errors:
        print(f"{rep.errors} error(s)")
        return 1
    print("clean")
    return 0


def refs_of(src):
    try:
        return refs(Parser(str(src)).parse())
    except SyntaxError:
        return []


def check_expr(rep, where, src, cid, tables):
    try:
        expr = Parser(str(src)).parse()
    except SyntaxError as e:
        rep.error(where, f"expression {src!r}: {e}")
        return
    check_labels(rep, where, expr, cid, tables)
    for ref in refs(expr):
        if "." in ref:
            other, qid = ref.split(".", 1)
            if other not in tables or qid not in tables[other]:
                rep.error(where, f"unknown reference {ref}")
        elif ref not in tables[cid]:
            rep.error(where, f"unknown question {ref}")


def lookup(ref, cid, tables):
    if "." in ref:
        other, qid = ref.split(".", 1)
        return tables.get(other, {}).get(qid)
    return tables.get(cid, {}).get(ref)


def check_labels(rep, where, expr, cid, tables):
    """String literals compared with a choice or multi question must be its labels."""
    if not isinstance(expr, tuple):
        return
    pairs = []
    if expr[0] == "cmp":
        pairs = [(expr[2], expr[3]), (expr[3], expr[2])]
    elif expr[0] in ("in", "contains"):
        pairs = [(expr[1], expr[2])]
    for ref, lit in pairs:
        if ref[0] != "ref":
            continue
        q = lookup(ref[1], cid, tables)
        if not q or q.get("type") not in ("choice", "multi"):
            continue
        values = [lit[1]] if lit[0] == "lit" else [e[1] for e in lit[1]] if lit[0] == "list" else []
        for v in values:
            if isinstance(v, str) and v not in q.get("choices", []):
                rep.error(where, f"{v!r} is not a choice of {ref[1]}")
    for part in expr[1:]:
        if isinstance(part, tuple):
            check_labels(rep, where, part, cid, tables)


def run_example(rep, name, cid, data, tables, ex, rule_ids, verbose):
    where = f"{name}:example {ex.get('name')!r}"
    questions = tables[cid]
    env = {}
    for key, raw in (ex.get("answers") or {}).items():
        if "." in key:
            other, qid = key.split(".", 1)
            q = tables.get(other, {}).get(qid)
        else:
            q = questions.get(key)
        if q is None:
            rep.error(where, f"answer for unknown question {key}")
            continue
        try:
            env[key] = parse_answer(q, raw)
        except Exception as e:  # noqa: BLE001
            rep.error(where, f"answer {key}: {e}")
    # questions whose `when` is not true are not asked: drop their answers
    for q in questions.values():
        if "when" in q and q["id"] in env:
            if evaluate(Parser(str(q["when"])).parse(), env) is not True:
                rep.error(where, f"answers {q['id']}, which is not asked (when: {q['when']})")
                del env[q["id"]]
    status, passed, total, open_pts = {}, 0, 0, 0
    for r in data.get("rules", []):
        pts = r.get("points", POINTS.get(r.get("severity"), 0))
        applies = evaluate(Parser(str(r["applies"])).parse(), env) if "applies" in r else True
        if applies is False:
            status[r["id"]] = "n/a"
            continue
        res = evaluate(Parser(str(r["check"])).parse(), env)
        if applies is UNKNOWN or res is UNKNOWN:
            status[r["id"]] = "open"
            open_pts += pts
            continue
        status[r["id"]] = "pass" if res else "fail"
        total += pts
        passed += pts if res else 0
    score = 100.0 * passed / total if total else 100.0
    exp = ex.get("expect") or {}
    for key, want in (("fails", "fail"), ("passes", "pass"), ("open", "open"), ("not_applicable", "n/a")):
        for rid in exp.get(key) or []:
            if rid not in rule_ids:
                rep.error(where, f"expect.{key} names unknown rule {rid}")
            elif status.get(rid) != want:
                rep.error(where, f"rule {rid}: expected {want}, got {status.get(rid)}")
    if "band" in exp and band(score) != exp["band"]:
        rep.error(where, f"band: expected {exp['band']}, got {band(score)} (score {score:.1f})")
    if "score" in exp and abs(score - float(exp["score"])) > 0.5:
        rep.error(where, f"score: expected {exp['score']}, got {score:.1f}")
    if "score_between" in exp:
        lo, hi = exp["score_between"]
        if not lo <= score <= hi:
            rep.error(where, f"score {score:.1f} not in [{lo}, {hi}]")
    if verbose:
        fails = [k for k, v in status.items() if v == "fail"]
        opens = [k for k, v in status.items() if v == "open"]
        print(f"  {where}: {passed}/{total} = {score:.1f} ({band(score)}), open points {open_pts}")
        print(f"    fails: {fails}")
        print(f"    open: {opens}")


if __name__ == "__main__":
    sys.exit(main())
