"""Executes every notebook under notebooks/ through the installed gophlow
kernel with Jupyter's own runner (jupyter nbconvert --execute) and with the
headless `gophlow run`, checks that no cell failed and that both runners
give the same text and the same number of images; 00-hello's outputs are
asserted one by one."""

import glob
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))


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
    run = subprocess.run([os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow")),
                          "run", path, "-o", out], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise AssertionError("gophlow run failed on %s:\n%s" % (path, run.stderr[-4000:]))
    return nbformat.read(out, as_version=4)


def summary(nb):
    """Per code cell: the text it printed or returned, and how many images it showed."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        text, images = [], 0
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                text.append(o["text"])
            elif o["output_type"] in ("execute_result", "display_data"):
                data = o.get("data", {})
                images += sum(1 for k in data if k.startswith("image/"))
                if not any(k.startswith("image/") for k in data):
                    text.append(data.get("text/plain", ""))
        cells.append(("".join(text), images))
    return cells


def outputs_of(cell, kind):
    return [o for o in cell.get("outputs", []) if o["output_type"] == kind]


class Notebooks(unittest.TestCase):
    def test_every_notebook_runs_without_error(self):
        self.assertTrue(NOTEBOOKS, "no notebooks found")
        with tempfile.TemporaryDirectory() as out:
            for path in NOTEBOOKS:
                with self.subTest(notebook=os.path.basename(path)):
                    nb = execute(path, out)
                    for i, cell in enumerate(nb.cells):
                        errors = outputs_of(cell, "error")
                        self.assertFalse(errors, "cell %d failed: %s" % (i, errors[:1]))

    def test_headless_runner_matches_nbconvert(self):
        with tempfile.TemporaryDirectory() as out:
            for path in NOTEBOOKS:
                with self.subTest(notebook=os.path.basename(path)):
                    self.assertEqual(summary(run_headless(path, out)), summary(execute(path, out)))

    def test_hello_outputs(self):
        with tempfile.TemporaryDirectory() as out:
            nb = execute(os.path.join(ROOT, "notebooks", "00-hello.ipynb"), out)
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(outputs_of(code[0], "stream")[0]["text"], "Hello, notebook!\n")
        self.assertEqual(outputs_of(code[1], "execute_result")[0]["data"]["text/plain"], "42")
        self.assertIn("<b>gophlow</b>", outputs_of(code[2], "display_data")[0]["data"]["text/html"])
        self.assertIn("\\nabla", outputs_of(code[3], "display_data")[0]["data"]["text/latex"])
        png = outputs_of(code[4], "execute_result")[0]["data"]["image/png"]
        self.assertTrue(png.startswith("iVBORw0KGgo"), "not a base64 PNG")
        self.assertEqual(outputs_of(code[5], "execute_result")[0]["data"]["text/plain"], '"Hello, 20!"')


if __name__ == "__main__":
    unittest.main()
