"""Opening the course in a real browser is clean (issue 17): every course
notebook, opened in Jupyter Notebook 6 in headless Chromium after `make
notebook`'s trust step, is trusted, not marked "(unsaved changes)" once its
kernel has started, not rewritten on disk, keeps its HTML outputs' styles and
shows gofmt's tabs as plain indentation. scripts/check-course-open.py does the
work; this test is skipped when Chromium is not installed."""
import os
import shutil
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@unittest.skipUnless(shutil.which("chromium") or shutil.which("chromium-browser"),
                     "no Chromium (apt-get install chromium)")
class CourseOpensClean(unittest.TestCase):
    def test_every_course_notebook_opens_clean(self):
        r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check-course-open.py")],
                           capture_output=True, text=True, timeout=900)
        sys.stderr.write(r.stdout)
        self.assertEqual(r.returncode, 0, r.stdout[-4000:] + r.stderr[-2000:])


if __name__ == "__main__":
    unittest.main()
