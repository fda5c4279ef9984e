"""Every number the course's markdown quotes is a number its stored outputs
show. For each notebook of the course (notebooks/01-*.ipynb to 08-*.ipynb)
the test collects the decimal numbers of its markdown cells (1.4924, 0.531,
3.97%, 2.5e-3) and the whole numbers of two or more digits in its prose
(1700, 20,000; not equation, notebook or figure references, the year of a
citation, mathematics or code spans) and requires each to appear, as written, in the notebook's
stored outputs (stream text, text/plain and text/markdown of displays), or
among the literals of its code cells (parameters such as sigma_min = 0.05 or
a decay of 0.995, which the text may name).

Two kinds of numbers are left out on purpose:
- a markdown cell that starts with the comment
  <!-- quoted: measured outside this notebook by ... --> quotes numbers from
  a measurement the notebook cannot afford to repeat; the comment must name
  where they come from (a test or command that reproduces them);
- whole numbers inside $...$ mathematics (constants of formulas) and single
  digits; decimals in mathematics are checked like any other.

The test reads the committed notebooks only; it runs no kernel. The notebooks
are executed by tests/test_notebooks.py, and re-executing one with
`bin/gophlow run` refreshes the outputs this test compares with."""

import glob
import json
import os
import re
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COURSE = sorted(p for p in glob.glob(os.path.join(ROOT, "notebooks", "0[1-9]-*.ipynb")))

# A decimal with a point (not part of a word, a version or an identifier),
# optionally with an exponent or a percent sign.
NUMBER = re.compile(r"(?<![\w.])\d+\.\d+(?:e[-+]?\d+)?%?(?![\w.])")
# What markdown may quote besides outputs: code literals.
LITERAL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")
# Whole numbers of two or more digits (20,000 or 20000) outside mathematics;
# references (eq. 19, notebook 4, Algorithm 1) and code spans are removed first.
INTEGER = re.compile(r"(?<![\w.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d{2,})(?!\w|\.\d|,\d{3})")
REFERENCE = re.compile(r"(?:et al\.,?\s*\(?|[Ee]qs?\.|Algorithms?|[Nn]otebooks?|Figure|[Ss]ection)\s*\d+(?:\s*[–-]\s*\d+)?(?:\s*(?:,|and|or)\s*\d+(?:\s*[–-]\s*\d+)?)*")
MATH_OR_CODE = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`", re.S)
OUTSIDE = re.compile(r"^\s*<!-- quoted: measured outside this notebook by (.+?) -->")


def text(src):
    return "".join(src) if isinstance(src, list) else src


def output_text(nb):
    parts = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                parts.append(text(o["text"]))
            for kind in ("text/plain", "text/markdown"):
                if kind in o.get("data", {}):
                    parts.append(text(o["data"][kind]))
    return "\n".join(parts)


def code_literals(nb):
    """Number literals of the code cells, comments left out (a comment may
    quote a measurement, which is not a parameter)."""
    found = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            code = re.sub(r"//[^\n]*", "", text(cell["source"]))
            found.update(LITERAL.findall(code))
    return found


def quoted_numbers(nb):
    """(cell index, number) for each decimal quoted in checked markdown."""
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        src = text(cell["source"])
        if OUTSIDE.match(src):
            continue
        for n in NUMBER.findall(src):
            yield i, n
        prose = REFERENCE.sub(" ", MATH_OR_CODE.sub(" ", src))
        for n in INTEGER.findall(prose):
            yield i, n


def appears(number, haystack):
    """Whether number occurs in haystack as a whole number (not inside a longer one)."""
    pattern = r"(?<![\d.])" + re.escape(number) + r"(?![\d])"
    return re.search(pattern, haystack) is not None


class QuotedNumbers(unittest.TestCase):

    def test_markdown_quotes_match_outputs(self):
        self.assertEqual(len(COURSE), 9, "expected notebooks 01 to 09")
        for path in COURSE:
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as f:
                nb = json.load(f)
            outputs = output_text(nb)
            literals = code_literals(nb)
            missing = []
            for i, n in quoted_numbers(nb):
                bare = n.rstrip("%").replace(",", "")
                if appears(n, outputs) or appears(bare, outputs) or bare in literals:
                    continue
                missing.append("cell %d quotes %s" % (i, n))
            with self.subTest(notebook=name):
                self.assertFalse(missing, "numbers in the text that no output shows: " + "; ".join(missing))

    def test_outside_measurements_name_their_source(self):
        for path in COURSE:
            with open(path, encoding="utf-8") as f:
                nb = json.load(f)
            for i, cell in enumerate(nb["cells"]):
                m = OUTSIDE.match(text(cell["source"])) if cell["cell_type"] == "markdown" else None
                if m:
                    with self.subTest(notebook=os.path.basename(path), cell=i):
                        self.assertRegex(m.group(1), r"\S+\s+\S+", "say which test or command reproduces them")

    def test_the_check_can_fail(self):
        nb = {"cells": [
            {"cell_type": "markdown", "source": ["the roots are at ±1.46 and the slope is 0.531 (eq. 12), in 3300 evaluations"]},
            {"cell_type": "code", "source": ["x := 0.05 // slope 0.531\n"], "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["root 1.4924, slope 0.5312\n"]}]},
        ]}
        outputs, literals = output_text(nb), code_literals(nb)
        missing = [n for _, n in quoted_numbers(nb) if not (appears(n, outputs) or n in literals)]
        self.assertEqual(missing, ["1.46", "0.531", "3300"])


if __name__ == "__main__":
    unittest.main()
