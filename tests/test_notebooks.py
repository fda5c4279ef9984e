"""Executes every notebook under notebooks/ through the installed gophlow
kernel with Jupyter's own runner (jupyter nbconvert --execute) and with the
headless `gophlow run`, checks that no cell failed and that both runners
give the same text and the same number of images; 00-hello's outputs are
asserted one by one."""

import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
EXERCISES = sorted(glob.glob(os.path.join(ROOT, "notebooks", "exercises", "*.ipynb")))


def execute(path, outdir):
    """Runs nbconvert --execute on path and returns the executed notebook."""
    cmd = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
           "--ExecutePreprocessor.kernel_name=gophlow", "--ExecutePreprocessor.timeout=120",
           "--output-dir", outdir, path]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise AssertionError("nbconvert failed on %s:\n%s" % (path, run.stderr[-4000:]))
    return nbformat.read(os.path.join(outdir, os.path.basename(path)), as_version=4)


def run_headless(path, outdir):
    """Runs `gophlow run` on path and returns the executed notebook."""
    out = os.path.join(outdir, "headless-" + os.path.basename(path))
    run = subprocess.run([gophlow(), "run", path, "-o", out], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise AssertionError("gophlow run failed on %s:\n%s" % (path, run.stderr[-4000:]))
    return nbformat.read(out, as_version=4)


def summary(nb):
    """Per code cell: the text it printed or returned, how many displays it
    showed and how many of them were images. The text of displays is left
    out: live displays such as progress bars show timings, which differ from
    run to run."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        text, displays, images = [], 0, 0
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            image = any(k.startswith("image/") for k in data)
            images += image
            if o["output_type"] == "stream":
                text.append(o["text"])
            elif o["output_type"] == "display_data":
                displays += 1
            elif o["output_type"] == "execute_result" and not image:
                text.append(data.get("text/plain", ""))
        cells.append(("".join(text), displays, images))
    return cells


def outputs_of(cell, kind):
    return [o for o in cell.get("outputs", []) if o["output_type"] == kind]


class Notebooks(unittest.TestCase):
    """Each notebook is executed once by each runner; the tests read the results."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.jupyter, cls.headless, cls.failures = {}, {}, {}
        for path in NOTEBOOKS:
            name = os.path.basename(path)
            try:
                cls.jupyter[name] = execute(path, cls.tmp.name)
                cls.headless[name] = run_headless(path, cls.tmp.name)
            except AssertionError as e:
                cls.failures[name] = str(e)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_notebook_runs_without_error(self):
        self.assertTrue(NOTEBOOKS, "no notebooks found")
        for path in NOTEBOOKS:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                self.assertNotIn(name, self.failures, self.failures.get(name))
                for i, cell in enumerate(self.jupyter[name].cells):
                    errors = outputs_of(cell, "error")
                    self.assertFalse(errors, "cell %d failed: %s" % (i, errors[:1]))

    def test_headless_runner_matches_nbconvert(self):
        self.maxDiff = None
        for name in self.jupyter:
            with self.subTest(notebook=name):
                self.assertEqual(summary(self.headless[name]), summary(self.jupyter[name]))

    def test_hello_outputs(self):
        nb = self.jupyter["00-hello.ipynb"]
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(outputs_of(code[0], "stream")[0]["text"], "Hello, notebook!\n")
        self.assertEqual(outputs_of(code[1], "execute_result")[0]["data"]["text/plain"], "42")
        self.assertIn("<b>gophlow</b>", outputs_of(code[2], "display_data")[0]["data"]["text/html"])
        self.assertIn("\\nabla", outputs_of(code[3], "display_data")[0]["data"]["text/latex"])
        png = outputs_of(code[4], "execute_result")[0]["data"]["image/png"]
        self.assertTrue(png.startswith("iVBORw0KGgo"), "not a base64 PNG")
        self.assertEqual(outputs_of(code[5], "execute_result")[0]["data"]["text/plain"], '"Hello, 20!"')


def gophlow():
    return os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))


def all_text(nb):
    """Every output of the notebook as JSON text, for searching."""
    return "\n".join(json.dumps(o) for c in nb.cells for o in c.get("outputs", []))


class Exercises(unittest.TestCase):
    """The teacher version of each exercise notebook passes every check under
    Jupyter; the student version made by strip-solutions runs to the end with
    every check reporting a clean failure (no error output, no crash)."""

    def test_teacher_and_student_versions(self):
        self.assertTrue(EXERCISES, "no exercise notebooks found")
        with tempfile.TemporaryDirectory() as out:
            for path in EXERCISES:
                name = os.path.basename(path)
                with self.subTest(notebook=name, version="teacher"):
                    nb = execute(path, out)
                    errors = [o for c in nb.cells for o in outputs_of(c, "error")]
                    self.assertFalse(errors, errors[:1])
                    self.assertIn("PASS", all_text(nb))
                    self.assertNotIn("FAIL", all_text(nb))
                with self.subTest(notebook=name, version="student"):
                    student = os.path.join(out, "student-" + name)
                    subprocess.run([gophlow(), "strip-solutions", path, student], check=True,
                                   capture_output=True, timeout=60)
                    nb = run_headless(student, out)
                    errors = [o for c in nb.cells for o in outputs_of(c, "error")]
                    self.assertFalse(errors, errors[:1])
                    self.assertIn("FAIL", all_text(nb))
                    self.assertNotIn("PASS", all_text(nb))


if __name__ == "__main__":
    unittest.main()
