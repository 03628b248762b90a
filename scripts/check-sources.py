#!/usr/bin/env python3
"""Development aid: checks the built-in checklists (checklists/*.yaml) without the engine.

What it checks, for the three built-ins (or the files given):
  * each file parses as YAML and has the required fields;
  * `sources` entries are mappings with `file` and a `title` or `description`;
  * every `source: "<file>#<quote>"` names a listed file, and the quote is an EXACT substring of
    that seed (case, curly quotes, dashes and spaces as in the file); quotes over 15 words are
    reported too (a citation is a short quote);
  * ids: section, question, rule and theme ids are unique in their checklist; a rule's
    `section` and `theme` exist (`other-checklist.theme` is looked up in that checklist);
  * `when`, `applies` and `check` parse, name only existing questions (cross-checklist too),
    and every string compared with a choice or multi question is one of its labels;
    `measure:` names a known metric and `measure_period` a known period;
  * no two rules in the whole set have the same normalised `check` + `applies`;
  * examples: answers parse for their question's type (`exclusive` choices alone), no answer is
    given to a question whose `when` is not true, and every expectation (fails, passes, open,
    not_applicable, score, score_between, band after caps) holds under a re-implementation of
    the 3.0 scoring (three-valued logic plus n/a, caps, points by severity, each problem
    charged once: it weighs its rules' most points and costs its failed rules' most);
  * --strict coverage: every rule appears in some example's `fails` and in some example's
    `passes` or `not_applicable` (unless it carries `untested:`), and each checklist has a
    struggling, a typical and a strong team among its example names.

The engine (`smaudit check --strict`) stays the judge; this is a second opinion written from
docs/checklist-format.md.

Usage: check.py [--seeds DIR] [--verbose] [FILE.yaml ...]      exit 0 when clean, 1 otherwise
"""
import argparse
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "checklists")
DEFAULT_SEEDS = os.path.normpath(os.path.join(ROOT, "..", "shared", "seeds"))
POINTS = {"info": 0, "low": 1, "medium": 3, "high": 5, "critical": 8}
TYPES = {"yesno", "choice", "multi", "number", "percent", "scale", "duration", "date", "text"}
BANDS = ["at risk", "developing", "strong", "leading"]
CAPS = {"at risk", "developing", "strong", "none"}
PERIODS = {"last_month", "last_90_days", "all"}
MAX_QUOTE_WORDS = 15
QID_RE = re.compile(r"^[A-Za-z0-9_]+$")
RID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
METRICS = {"posts.count", "posts.applause_rate", "posts.likes_per_post", "posts.amplification_rate",
           "posts.conversation_rate", "posts.clustered_updates.clusters",
           "posts.clustered_updates.posts_in_clusters", "posts.engagement_per_follower",
           "inbox.response_rate", "inbox.first_response_minutes.median",
           "inbox.first_response_minutes.p90", "inbox.first_response_minutes.mean",
           "inbox.replied_within_60m_share", "followers.first", "followers.last",
           "followers.growth_rate", "followers.monthly_growth_rate", "traffic.sessions",
           "traffic.social_sessions", "traffic.social_share", "traffic.conversion_rate",
           "traffic.social_conversion_rate"}
for _by in ("reach", "impressions", "followers"):
    for _stat in ("median", "mean", "aggregate"):
        METRICS.add(f"posts.engagement_rate_by_{_by}.{_stat}")


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, where, msg):
        self.errors += 1
        print(f"{where}: error: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"{where}: warning: {msg}")


# ------------------------------------------------------------------ answers

class NAType:
    def __repr__(self):
        return "NA"


NA = NAType()        # answered "n/a"
UNKNOWN = None       # unanswered, skipped, or not asked


def parse_duration(text):
    s = str(text).strip().lower().replace(" ", "")
    units = {"w": 10080, "d": 1440, "h": 60, "m": 1, "s": 1 / 60}
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    parts = re.findall(r"(\d+(?:\.\d+)?)([wdhms])", s)
    if not parts or "".join(a + b for a, b in parts) != s:
        raise ValueError(f"not a duration: {text!r}")
    return sum(float(a) * units[b] for a, b in parts)


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


def labels(q):
    out = []
    for c in q.get("choices") or []:
        out.append(c["label"] if isinstance(c, dict) else str(c))
    return out


def exclusive_labels(q):
    return {c["label"] for c in q.get("choices") or [] if isinstance(c, dict) and c.get("exclusive")}


def match_choice(q, s):
    choices = labels(q)
    for c in choices:
        if c.lower() == s.lower():
            return c
    pref = [c for c in choices if c.lower().startswith(s.lower())]
    if len(pref) == 1:
        return pref[0]
    raise ValueError(f"{s!r} is not one of {choices}")


def parse_answer(q, raw):
    t = q["type"]
    if isinstance(raw, bool):
        raw = "yes" if raw else "no"
    s = str(raw).strip()
    if s.lower() in ("na", "n/a", "not applicable"):
        if not q.get("allow_na"):
            raise ValueError("n/a is not allowed for this question")
        return NA
    if t == "yesno":
        if s.lower() in ("yes", "y", "true"):
            return True
        if s.lower() in ("no", "n", "false"):
            return False
        raise ValueError(f"not yes/no: {raw!r}")
    if t == "choice":
        return match_choice(q, s)
    if t == "multi":
        if s.lower() == "none":
            return []
        vals = [match_choice(q, part.strip()) for part in s.split(",") if part.strip()]
        ex = exclusive_labels(q)
        if len(vals) > 1 and any(v in ex for v in vals):
            raise ValueError(f"an exclusive choice cannot be combined: {vals}")
        return vals
    if t in ("number", "scale"):
        unit = q.get("unit")
        if unit and s.lower().endswith(str(unit).lower()):
            s = s[: -len(unit)].strip()
        v = parse_number(s)
        lo, hi = q.get("min", 1 if t == "scale" else None), q.get("max", 5 if t == "scale" else None)
        if lo is not None and v < float(lo) or hi is not None and v > float(hi):
            raise ValueError(f"{v} outside [{lo}, {hi}]")
        return v
    if t == "percent":
        if s.endswith("%"):
            v = float(s[:-1]) / 100
        else:
            v = float(s)
            v = v if v <= 1 else v / 100
        lo, hi = pct_bound(q.get("min")), pct_bound(q.get("max"))
        if lo is not None and v < lo or hi is not None and v > hi:
            raise ValueError(f"{v:.4%} outside bounds")
        return v
    if t == "duration":
        return ("dur", parse_duration(s))
    return s


def pct_bound(v):
    if v is None:
        return None
    s = str(v).strip()
    if s.endswith("%"):
        return float(s[:-1]) / 100
    f = float(s)
    return f if f <= 1 else f / 100


# ------------------------------------------------------------------ expressions

TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<dur>\d+(?:\.\d+)?[wdhms](?:\d+(?:\.\d+)?[wdhms])*(?![A-Za-z0-9_]))
  | (?P<pct>\d+(?:\.\d+)?%)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,)
""", re.X)
KEYWORDS = {"and", "or", "not", "in", "contains", "true", "false"}
FUNCTIONS = {"answered", "na", "count", "min", "max"}


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
        if kind == "ident" and text in KEYWORDS:
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
        if tok[0] == "op" and tok[1] in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", tok[1], e, self.add())
        if tok[0] in ("in", "contains"):
            self.take()
            return (tok[0], e, self.add())
        return e

    def add(self):
        e = self.mul()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            e = ("arith", op, e, self.mul())
        return e

    def mul(self):
        e = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            e = ("arith", op, e, self.unary())
        return e

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            return ("lit", float(text))
        if kind == "pct":
            return ("lit", float(text[:-1]) / 100)
        if kind == "dur":
            return ("lit", ("dur", parse_duration(text)))
        if kind == "string":
            return ("lit", bytes(text[1:-1], "utf-8").decode("unicode_escape") if "\\" in text else text[1:-1])
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
            if self.peek() == ("op", "("):
                self.take()
                args = []
                while self.peek()[1] != ")":
                    args.append(self.or_())
                    if self.peek()[1] == ",":
                        self.take()
                self.take("op", ")")
                if text not in FUNCTIONS:
                    raise SyntaxError(f"unknown function {text}")
                if text in ("answered", "na") and (len(args) != 1 or args[0][0] != "ref"):
                    raise SyntaxError(f"{text}() takes one question")
                return ("call", text, args)
            return ("ref", text)
        raise SyntaxError(f"unexpected {text!r}")


def parse_expr(src):
    return Parser(str(src)).parse()


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


def qualify(ref, cid):
    return ref if "." in ref else f"{cid}.{ref}"


def normalise_expr(expr, cid):
    """A canonical text of an expression: references qualified, whitespace and parentheses gone."""
    k = expr[0]
    if k == "ref":
        return qualify(expr[1], cid)
    if k == "lit":
        v = expr[1]
        return repr(v)
    if k == "list":
        return "[" + ",".join(normalise_expr(e, cid) for e in expr[1]) + "]"
    if k == "not":
        return "not(" + normalise_expr(expr[1], cid) + ")"
    if k in ("and", "or"):
        return f"{k}(" + normalise_expr(expr[1], cid) + "," + normalise_expr(expr[2], cid) + ")"
    if k in ("cmp", "arith"):
        return f"{expr[1]}(" + normalise_expr(expr[2], cid) + "," + normalise_expr(expr[3], cid) + ")"
    if k in ("in", "contains"):
        return f"{k}(" + normalise_expr(expr[1], cid) + "," + normalise_expr(expr[2], cid) + ")"
    if k == "neg":
        return "neg(" + normalise_expr(expr[1], cid) + ")"
    if k == "call":
        return expr[1] + "(" + ",".join(normalise_expr(a, cid) for a in expr[2]) + ")"
    raise ValueError(k)


def is_na(v):
    return v is NA


def evaluate(expr, env, cid):
    """Three-valued logic plus n/a, as docs/checklist-format.md specifies."""
    k = expr[0]
    if k == "lit":
        return expr[1]
    if k == "ref":
        return env.get(qualify(expr[1], cid), UNKNOWN)
    if k == "list":
        vals = [evaluate(e, env, cid) for e in expr[1]]
        return strict(vals) if any(v is UNKNOWN or is_na(v) for v in vals) else vals
    if k == "not":
        v = evaluate(expr[1], env, cid)
        return v if v is UNKNOWN or is_na(v) else (not v)
    if k in ("and", "or"):
        a, b = evaluate(expr[1], env, cid), evaluate(expr[2], env, cid)
        decisive = False if k == "and" else True
        if a is decisive or b is decisive:
            return decisive
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        if is_na(a) or is_na(b):
            return NA
        return not decisive
    if k == "call":
        name, args = expr[1], expr[2]
        if name == "answered":
            v = env.get(qualify(args[0][1], cid), UNKNOWN)
            return v is not UNKNOWN and not is_na(v)
        if name == "na":
            return is_na(env.get(qualify(args[0][1], cid), UNKNOWN))
        vals = [evaluate(a, env, cid) for a in args]
        if any(v is UNKNOWN or is_na(v) for v in vals):
            return strict(vals)
        if name == "count":
            return float(len(vals[0]))
        vals = [v[1] if isinstance(v, tuple) else v for v in vals]
        return min(vals) if name == "min" else max(vals)
    if k == "neg":
        v = evaluate(expr[1], env, cid)
        return v if v is UNKNOWN or is_na(v) else -v
    a, b = (evaluate(expr[2], env, cid), evaluate(expr[3], env, cid)) if k in ("cmp", "arith") else \
        (evaluate(expr[1], env, cid), evaluate(expr[2], env, cid))
    if any(v is UNKNOWN or is_na(v) for v in (a, b)):
        return strict([a, b])
    if k == "cmp":
        a = a[1] if isinstance(a, tuple) else a
        b = b[1] if isinstance(b, tuple) else b
        return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[expr[1]]
    if k == "in":
        return a in b
    if k == "contains":
        return b in a
    if k == "arith":
        a = a[1] if isinstance(a, tuple) else a
        b = b[1] if isinstance(b, tuple) else b
        if expr[1] == "/" and b == 0:
            return UNKNOWN
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0}[expr[1]]
    raise ValueError(k)


def strict(vals):
    """Operators other than and/or: n/a wins over unknown (the spec says n/a propagates)."""
    return NA if any(is_na(v) for v in vals) else UNKNOWN


# ------------------------------------------------------------------ scoring

def band_of(score):
    if score < 50:
        return "at risk"
    if score < 80:
        return "developing"
    if score < 90:
        return "strong"
    return "leading"


def rule_points(r):
    return r.get("points", POINTS.get(r.get("severity"), 0))


def rule_cap(r):
    if "caps" in r:
        return None if r["caps"] == "none" else r["caps"]
    return "developing" if r.get("severity") == "critical" else None


PROBS = {}


def problem_key(r, cid):
    t = r.get("theme")
    if not t:
        return f"{cid}.rule.{r['id']}"
    return t if "." in t else f"{cid}.{t}"


def score_example(cl, env):
    cid = cl["data"]["id"]
    status, passed, known, open_pts, caps = {}, 0, 0, 0, []
    probs = {}
    for r in cl["data"].get("rules", []):
        pts = rule_points(r)
        applies = evaluate(cl["exprs"][r["id"]]["applies"], env, cid) if "applies" in r else True
        if applies is False or is_na(applies):
            status[r["id"]] = "not_applicable"
            continue
        res = evaluate(cl["exprs"][r["id"]]["check"], env, cid)
        if is_na(res):
            status[r["id"]] = "not_applicable"
            continue
        key = problem_key(r, cid)
        probs.setdefault(key, [])
        if applies is UNKNOWN or res is UNKNOWN:
            status[r["id"]] = "open"
            probs[key].append(("open", pts))
            continue
        status[r["id"]] = "passes" if res else "fails"
        probs[key].append(("passes" if res else "fails", pts))
        if not res and rule_cap(r):
            caps.append((rule_cap(r), r["id"]))
    PROBS.clear()
    for key, lst in probs.items():
        W = max(p for _, p in lst)
        fails = [p for s_, p in lst if s_ == "fails"]
        if fails:
            known += W
            passed += W - max(fails)
            PROBS[key] = ("fails", W, max(fails))
        elif any(s_ == "open" for s_, _ in lst):
            open_pts += W
            PROBS[key] = ("open", W, 0)
        else:
            known += W
            passed += W
            PROBS[key] = ("passes", W, 0)
    score = 100.0 * passed / known if known else None
    band = None
    if score is not None:
        band = band_of(round(score, 1))
        for cap, _ in caps:
            if BANDS.index(cap) < BANDS.index(band):
                band = cap
    confidence = known / (known + open_pts) if known + open_pts else 1.0
    return status, passed, known, open_pts, score, band, confidence, caps


# ------------------------------------------------------------------ checks

def load_seeds(folder):
    seeds = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                seeds[name] = f.read()
    return seeds


def source_files(data):
    out = []
    for s in data.get("sources") or []:
        out.append(s.get("file") if isinstance(s, dict) else s)
    return out


def check_source(rep, where, item, data, seeds):
    src = item.get("source")
    if not isinstance(src, str) or "#" not in src:
        rep.error(where, "missing or malformed source (want \"<seed file>#<quote>\")")
        return
    file, quote = src.split("#", 1)
    if file not in source_files(data):
        rep.error(where, f"source file {file} is not listed in `sources`")
    if file not in seeds:
        rep.error(where, f"no seed file {file}")
        return
    if quote not in seeds[file]:
        rep.error(where, f"quote is not an exact substring of {file}: {quote!r}")
    if len(quote.split()) > MAX_QUOTE_WORDS:
        rep.error(where, f"quote longer than {MAX_QUOTE_WORDS} words (scripts/check-sources.py limit)")


def check_expr(rep, where, src, cid, tables, field):
    try:
        expr = parse_expr(src)
    except SyntaxError as e:
        rep.error(where, f"{field} {src!r}: {e}")
        return None
    for ref in refs(expr):
        other, qid = (ref.split(".", 1) if "." in ref else (cid, ref))
        if other not in tables:
            rep.error(where, f"{field}: unknown checklist {other} in {ref}")
        elif qid not in tables[other]:
            rep.error(where, f"{field}: unknown question {ref}")
    check_labels(rep, where, expr, cid, tables, field)
    return expr


def lookup(ref, cid, tables):
    other, qid = (ref.split(".", 1) if "." in ref else (cid, ref))
    return tables.get(other, {}).get(qid)


def check_labels(rep, where, expr, cid, tables, field):
    if not isinstance(expr, tuple):
        return
    pairs = []
    if expr[0] == "cmp":
        pairs = [(expr[2], expr[3]), (expr[3], expr[2])]
    elif expr[0] in ("in", "contains"):
        pairs = [(expr[1], expr[2]), (expr[2], expr[1])]
    for ref, lit in pairs:
        if ref[0] != "ref":
            continue
        q = lookup(ref[1], cid, tables)
        if not q or q.get("type") not in ("choice", "multi"):
            continue
        values = [lit[1]] if lit[0] == "lit" else [e[1] for e in lit[1] if e[0] == "lit"] if lit[0] == "list" else []
        for v in values:
            if isinstance(v, str) and v not in labels(q):
                rep.error(where, f"{field}: {v!r} is not a choice of {ref[1]}")
    for part in expr[1:]:
        if isinstance(part, tuple):
            check_labels(rep, where, part, cid, tables, field)
        elif isinstance(part, list):
            for p in part:
                check_labels(rep, where, p, cid, tables, field)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--seeds", default=os.environ.get("SMAUDIT_SEEDS") or DEFAULT_SEEDS)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    files = args.files or [os.path.join(HERE, n) for n in ("profile.yaml", "seven-steps.yaml", "four-mistakes.yaml", "launch.yaml")]
    seeds = load_seeds(args.seeds)
    rep = Report()

    checklists = {}
    for path in files:
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                data = yaml.safe_load(f)
        except yaml.YAMLError as e:
            rep.error(name, f"YAML does not parse: {e}")
            continue
        if not isinstance(data, dict) or "id" not in data:
            rep.error(name, "not a checklist mapping with an id")
            continue
        checklists[data["id"]] = {"name": name, "data": data, "exprs": {}, "when": {}}

    tables = {cid: {q["id"]: q for s in cl["data"].get("sections", []) for q in s.get("questions", [])}
              for cid, cl in checklists.items()}
    themes = {cid: {t.get("id") for t in cl["data"].get("themes") or []} for cid, cl in checklists.items()}

    for cid, cl in checklists.items():
        name, data = cl["name"], cl["data"]
        for field in (("id", "title", "version", "description", "sources", "sections") if cid == "profile" else ("id", "title", "version", "description", "sources", "sections", "rules", "examples")):
            if field not in data:
                rep.error(name, f"missing field {field}")
        if cid != "profile" and not str(data.get("version", "")).startswith("3."):
            rep.error(name, f"version {data.get('version')} is not 2.x")
        for s in data.get("sources") or []:
            if not isinstance(s, dict) or "file" not in s or not (s.get("title") or s.get("description")):
                rep.error(name, f"sources entry {s!r} needs file and title (or description)")
        tids = [t.get("id") for t in data.get("themes") or []]
        for t in data.get("themes") or []:
            for field in ("id", "title", "problem", "help", "recommendation", "source"):
                if not t.get(field):
                    rep.error(name, f"theme {t.get('id')} has no {field}")
            if t.get("source"):
                check_source(rep, f"{name}:theme {t.get('id')}", t, data, seeds)
        if len(tids) != len(set(tids)):
            rep.error(name, "duplicate theme ids")

        section_ids, qids = set(), []
        for s in data.get("sections", []):
            if s.get("id") in section_ids:
                rep.error(name, f"duplicate section id {s.get('id')}")
            section_ids.add(s.get("id"))
            for q in s.get("questions", []):
                qids.append(q.get("id"))
                where = f"{name}:{q.get('id')}"
                if not QID_RE.match(str(q.get("id"))):
                    rep.error(where, "question id must use letters, digits and _")
                for field in ("prompt", "type", "help", "source"):
                    if field not in q:
                        rep.error(where, f"missing {field}")
                if q.get("type") not in TYPES:
                    rep.error(where, f"bad type {q.get('type')}")
                if q.get("type") in ("choice", "multi"):
                    ch = labels(q)
                    if not ch or len(set(ch)) != len(ch):
                        rep.error(where, "choices empty or duplicated")
                    for c in ch:
                        if "," in c:
                            rep.error(where, f"choice {c!r} contains a comma")
                    if q.get("type") == "choice" and exclusive_labels(q):
                        rep.error(where, "`exclusive` only makes sense on a multi question")
                if "measure" in q and q["measure"] not in METRICS:
                    rep.error(where, f"unknown metric {q['measure']}")
                if "measure_period" in q and q["measure_period"] not in PERIODS:
                    rep.error(where, f"unknown measure_period {q['measure_period']}")
                if "measure_period" in q and "measure" not in q:
                    rep.error(where, "measure_period without measure")
                if "default" in q:
                    try:
                        parse_answer(q, q["default"])
                    except Exception as e:  # noqa: BLE001
                        rep.error(where, f"default is not a valid answer: {e}")
                check_source(rep, where, q, data, seeds)
                if "when" in q:
                    expr = check_expr(rep, where, q["when"], cid, tables, "when")
                    if expr is not None:
                        cl["when"][q["id"]] = expr
        if len(qids) != len(set(qids)):
            dups = sorted({x for x in qids if qids.count(x) > 1})
            rep.error(name, f"duplicate question ids {dups}")

        rule_ids = []
        for r in data.get("rules", []):
            where = f"{name}:{r.get('id')}"
            rule_ids.append(r.get("id"))
            if not RID_RE.match(str(r.get("id"))):
                rep.error(where, "bad rule id")
            for field in ("title", "problem", "check", "severity", "finding", "recommendation", "source"):
                if field not in r:
                    rep.error(where, f"missing {field}")
            if r.get("severity") not in POINTS:
                rep.error(where, f"bad severity {r.get('severity')}")
            if "caps" in r and r["caps"] not in CAPS:
                rep.error(where, f"bad caps {r['caps']}")
            if "section" in r and r["section"] not in section_ids:
                rep.error(where, f"unknown section {r['section']}")
            if "theme" in r:
                t = str(r["theme"])
                other, tid = t.split(".", 1) if "." in t else (cid, t)
                if other not in themes or tid not in themes[other]:
                    rep.error(where, f"unknown theme {t}")
            if "untested" in r and rule_points(r) > 0:
                rep.error(where, "`untested:` is only for rules worth 0 points")
            check_source(rep, where, r, data, seeds)
            cl["exprs"][r.get("id")] = {}
            for field in ("applies", "check"):
                if field in r:
                    expr = check_expr(rep, where, r[field], cid, tables, field)
                    cl["exprs"][r.get("id")][field] = expr
        if len(rule_ids) != len(set(rule_ids)):
            rep.error(name, "duplicate rule ids")

    # no two rules share a normalised check + applies, across the whole set
    seen = {}
    for cid, cl in checklists.items():
        for r in cl["data"].get("rules", []):
            e = cl["exprs"].get(r.get("id"), {})
            if e.get("check") is None:
                continue
            key = (normalise_expr(e["check"], cid), normalise_expr(e["applies"], cid) if e.get("applies") else "")
            here = f"{cl['name']}:{r['id']}"
            if key in seen:
                rep.error(here, f"same normalised check and applies as {seen[key]}")
            else:
                seen[key] = here

    readsets = {}
    for cid, cl in checklists.items():
        for r in cl["data"].get("rules", []):
            e = cl["exprs"].get(r.get("id"), {})
            rs = set()
            for f in ("check", "applies"):
                if e.get(f) is not None:
                    rs |= {qualify(x, cid) for x in refs(e[f])}
            readsets.setdefault(frozenset(rs), []).append((f"{cid}.{r['id']}", problem_key(r, cid)))
    for rs, lst in readsets.items():
        if len({k for _, k in lst}) > 1:
            rep.error("set", f"rules in different problems read the same questions {sorted(rs)}: {lst}")
    allkeys = set()
    for cid, cl in checklists.items():
        for r in cl["data"].get("rules", []):
            allkeys.add(problem_key(r, cid))
    print(f"problems in the catalogue: {len(allkeys)}: {sorted(allkeys)}")

    # examples
    for cid, cl in checklists.items():
        name, data = cl["name"], cl["data"]
        rule_ids = {r["id"] for r in data.get("rules", [])}
        covered_fail, covered_pass = set(), set()
        kinds = {"struggling": False, "typical": False, "strong": False}
        for ex in data.get("examples") or []:
            where = f"{name}:example {ex.get('name')!r}"
            for k in kinds:
                if k in str(ex.get("name", "")).lower():
                    kinds[k] = True
            env = {}
            for key, raw in (ex.get("answers") or {}).items():
                ref = qualify(key, cid)
                q = lookup(ref, cid, tables)
                if q is None:
                    rep.error(where, f"answer for unknown question {key}")
                    continue
                try:
                    env[ref] = parse_answer(q, raw)
                except Exception as e:  # noqa: BLE001
                    rep.error(where, f"answer {key}: {e}")
            # a question whose `when` is not true is not asked: its answer must not be given
            for other_cid, other in checklists.items():
                for qid, wexpr in other["when"].items():
                    ref = f"{other_cid}.{qid}"
                    if ref in env and evaluate(wexpr, env, other_cid) is not True:
                        rep.error(where, f"answers {ref}, which is not asked (when: {tables[other_cid][qid]['when']})")
                        del env[ref]
            status, passed, known, open_pts, score, band, confidence, caps = score_example(cl, env)
            exp = ex.get("expect") or {}
            for key in ("fails", "passes", "open", "not_applicable"):
                for rid in exp.get(key) or []:
                    if rid not in rule_ids:
                        rep.error(where, f"expect.{key} names unknown rule {rid}")
                    elif status.get(rid) != key:
                        rep.error(where, f"rule {rid}: expected {key}, got {status.get(rid)}")
                if key in exp and exp[key] == []:
                    got = [rid for rid, s in status.items() if s == key]
                    if got:
                        rep.error(where, f"expect.{key} is empty, but {got} are {key}")
            covered_fail |= set(exp.get("fails") or []) & rule_ids
            covered_pass |= (set(exp.get("passes") or []) | set(exp.get("not_applicable") or [])) & rule_ids
            if "band" in exp and band != exp["band"]:
                rep.error(where, f"band: expected {exp['band']}, got {band} (score {score}, caps {caps})")
            if "score" in exp and (score is None or abs(score - float(exp["score"])) > 0.5):
                rep.error(where, f"score: expected {exp['score']}, got {score}")
            if "score_between" in exp:
                lo, hi = exp["score_between"]
                if score is None or not lo <= score <= hi:
                    rep.error(where, f"score {score} not in [{lo}, {hi}]")
            if args.verbose:
                sc = "none" if score is None else f"{score:.1f}"
                print(f"  {where}: {passed}/{known} = {sc} ({band}); open points {open_pts}; "
                      f"confidence {confidence:.0%}; caps {[c for c, _ in caps]}")
                for key in ("fails", "passes", "open", "not_applicable"):
                    print(f"    {key}: {sorted(r for r, s in status.items() if s == key)}")
                for k, v in sorted(PROBS.items()):
                    print(f"    problem {k}: {v}")
        for k, ok in (kinds.items() if cid != "profile" else []):
            if not ok:
                rep.error(name, f"no example for a {k} team (an example name containing {k!r})")
        for r in data.get("rules", []):
            if "untested" in r:
                continue
            if r["id"] not in covered_fail:
                rep.error(f"{name}:{r['id']}", "appears in no example's fails (check --strict)")
            if r["id"] not in covered_pass:
                rep.error(f"{name}:{r['id']}", "appears in no example's passes or not_applicable (check --strict)")
        nq = sum(len(s.get("questions", [])) for s in data.get("sections", []))
        pts = sum(rule_points(r) for r in data.get("rules", []))
        print(f"{name}: {nq} questions, {len(data.get('rules', []))} rules ({pts} points), "
              f"{len(data.get('themes') or [])} themes, {len(data.get('examples') or [])} examples")

    if rep.errors:
        print(f"{rep.errors} error(s), {rep.warnings} warning(s)")
        return 1
    print(f"clean ({rep.warnings} warning(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
