"""Executes every notebook under notebooks/ through the installed gophlow
kernel with Jupyter's own runner (jupyter nbconvert --execute) and checks
that no cell failed; 00-hello's outputs are asserted one by one."""

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
