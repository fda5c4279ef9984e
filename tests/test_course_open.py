"""Opening the course is clean, and pages a teacher can send (issue 17).

- The gophlow kernel's kernel_info reply carries exactly the language_info
  and the kernelspec entry that every course notebook stores, and that
  `gophlow run` writes: Jupyter Notebook marks a notebook "(unsaved changes)"
  and autosaves it as soon as they differ.
- In a real browser (headless Chromium, skipped when not installed): every
  course notebook, opened in Jupyter Notebook 6 after `make notebook`'s trust
  step, is trusted, not marked unsaved once its kernel has started, not
  rewritten on disk, keeps its HTML outputs' styles and shows gofmt's tabs
  as plain indentation (scripts/check-course-open.py does the work); and the
  page `gophlow run --html` writes for notebook 01 renders its maths as
  MathML boxes, its plots at their metadata's size, with the notebook's
  title. GOPHLOW_SCREENSHOTS=DIR keeps the screenshots."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COURSE = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")) +
                glob.glob(os.path.join(ROOT, "notebooks", "exercises", "*.ipynb")))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def gophlow():
    return os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))


class KernelMetadata(unittest.TestCase):
    def test_kernel_reports_what_the_notebooks_store(self):
        spec = KernelSpecManager().get_kernel_spec("gophlow")
        km, kc = start_new_kernel(kernel_name="gophlow")
        try:
            info = kc.kernel_info(reply=True, timeout=30)["content"]["language_info"]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        kernelspec = {"name": "gophlow", "display_name": spec.display_name, "language": spec.language}
        self.assertEqual(info["codemirror_mode"], "go")
        self.assertGreater(len(COURSE), 10)
        for path in COURSE:
            with self.subTest(notebook=os.path.relpath(path, ROOT)):
                with open(path, encoding="utf-8") as f:
                    md = json.load(f)["metadata"]
                self.assertEqual(md.get("language_info"), info)
                self.assertEqual(md.get("kernelspec"), kernelspec)
        with tempfile.TemporaryDirectory() as tmp:
            nb = os.path.join(tmp, "nb.ipynb")
            with open(nb, "w") as f:
                json.dump({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                    {"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": None, "source": "1 + 1"}]}, f)
            subprocess.run([gophlow(), "run", nb], check=True, capture_output=True, timeout=120)
            with open(nb) as f:
                md = json.load(f)["metadata"]
            self.assertEqual(md["language_info"], info)
            self.assertEqual(md["kernelspec"], kernelspec)


@unittest.skipUnless(CHROMIUM, "no Chromium (apt-get install chromium)")
class InABrowser(unittest.TestCase):
    def test_every_course_notebook_opens_clean(self):
        cmd = [sys.executable, os.path.join(ROOT, "scripts", "check-course-open.py")]
        if os.environ.get("GOPHLOW_SCREENSHOTS"):
            cmd += ["--screenshots", os.environ["GOPHLOW_SCREENSHOTS"]]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        sys.stderr.write(r.stdout)
        self.assertEqual(r.returncode, 0, r.stdout[-4000:] + r.stderr[-2000:])

    def test_html_page_renders_maths_images_and_title(self):
        with tempfile.TemporaryDirectory(prefix="gophlow-page-") as tmp:
            out, page = os.path.join(tmp, "01.ipynb"), os.path.join(tmp, "01.html")
            subprocess.run([gophlow(), "run", os.path.join(ROOT, "notebooks", "01-normalizing-flows.ipynb"),
                            "-o", out, "--html", page], check=True, capture_output=True, timeout=300)
            cmd = [sys.executable, os.path.join(ROOT, "scripts", "check-course-open.py"), "--page", page]
            if os.environ.get("GOPHLOW_SCREENSHOTS"):
                cmd += ["--screenshots", os.environ["GOPHLOW_SCREENSHOTS"]]
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr[-2000:])
            state = json.loads(r.stdout)
        self.assertTrue(state and state["complete"], state)
        self.assertEqual(state["title"], "1 · Normalizing flows: change of variables")
        self.assertGreater(state["maths"], 20)
        self.assertEqual(state["flat_maths"], [], "formulas without MathML layout")
        self.assertEqual(state["red"], 0, "unknown TeX commands")
        self.assertGreater(state["fractions"], 0)
        self.assertGreater(len(state["images"]), 2)
        for img in state["images"]:
            # Laid out at the width the output's metadata asks for (2x PNGs at half size).
            self.assertEqual(img["shown"], img["asked"], img)
            self.assertEqual(img["natural"], 2 * img["asked"], img)
        self.assertGreater(state["keywords"], 10)
        self.assertGreater(state["tables"], 0)




if __name__ == "__main__":
    unittest.main()
