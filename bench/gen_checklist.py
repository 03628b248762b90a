#!/usr/bin/env python3
"""Writes a synthetic checklist with N questions and N rules (sections of 100 questions).

Every question type appears, a tenth of the questions have a `when`, and each rule reads one
or two questions, so loading, type checking and scoring all do real work. Deterministic: the
same N always gives the same file.
"""
import sys

def main():
    n = int(sys.argv[1])
    out = sys.stdout
    w = out.write
    w(f"id: bench-{n}\ntitle: Generated benchmark checklist\nversion: 1.0.0\n")
    w("description: Synthetic checklist for bench/engine\nsources: [bench.txt]\nsections:\n")
    kinds = ["yesno", "choice", "multi", "number", "percent", "scale", "duration", "date", "text"]
    qtype = {}
    for i in range(n):
        if i % 100 == 0:
            w(f"  - id: s{i // 100}\n    title: Section {i // 100}\n    questions:\n")
        t = kinds[i % len(kinds)]
        qtype[i] = t
        w(f"      - id: q{i}\n        prompt: Question number {i}?\n        type: {t}\n")
        if t in ("choice", "multi"):
            w("        choices: [alpha, beta, gamma, delta]\n")
        if t == "number":
            w("        min: 0\n        unit: followers\n")
        if t == "duration":
            w("        allow_na: true\n")
        w(f"        help: Why question {i} matters.\n        source: \"bench.txt#quote {i}\"\n")
        if i % 10 == 5 and i > 0:
            w(f"        when: answered(q{i - 1})\n")
    w("rules:\n")
    checks = {
        "yesno": "q{i}",
        "choice": "q{i} != \"alpha\"",
        "multi": "q{i} contains \"beta\" or count(q{i}) >= 2",
        "number": "q{i} >= 100 and q{i} < 1000000",
        "percent": "q{i} >= 2.5%",
        "scale": "q{i} >= 3",
        "duration": "q{i} <= 2h",
        "date": "q{i} >= \"2024-01-01\"",
        "text": "answered(q{i})",
    }
    severities = ["info", "low", "medium", "high", "critical"]
    for i in range(n):
        t = qtype[i]
        check = checks[t].format(i=i)
        w(f"  - id: rule-{i}\n    title: Rule {i}\n    severity: {severities[i % 5]}\n")
        if i % 7 == 3:
            w(f"    applies: answered(q{(i + 1) % n})\n")
        w(f"    check: {check}\n    finding: Finding {i}.\n    recommendation: Do better at {i}.\n")
        w(f"    source: \"bench.txt#rule {i}\"\n")

main()
