"""Executes every notebook under notebooks/ (the course), the teacher version
of each exercise notebook and the notebooks under tests/notebooks/ (magics,
help, exit) once through the installed gophlow kernel with Jupyter's own
runner (nbclient, what `jupyter nbconvert --execute` uses) and once with the
headless `gophlow run`. Both go through the same cell engine, so they must
give the same outputs, cell by cell: the same output types, stream text and
text/plain, MIME types and image bytes. Only timing text differs between
runs (see TIMINGS). The course's cells must not fail, 00-hello's and the
magics notebook's outputs are asserted one by one, and the student version of
each exercise (strip-solutions) must fail every check cleanly."""

import glob
import json
import os
import re
import subprocess
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
EXERCISES = sorted(glob.glob(os.path.join(ROOT, "notebooks", "exercises", "*.ipynb")))
TEST_NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "tests", "notebooks", "*.ipynb")))

# Text that depends on how long things took, replaced before comparing: the
# wall and CPU times %time prints, and a progress bar's rate, elapsed time
# and time left (the bar itself, its count and its note must agree).
TIMINGS = [
    (re.compile(r"wall time: [^,\n]+, CPU time: \S+"), "wall time: T, CPU time: T"),
    (re.compile(r" · [0-9.e+]+/s"), " · R/s"),
    (re.compile(r" · \d+:\d\d(:\d\d)?"), " · T"),
]


def show_pages(cell, cell_index, execute_reply):
    """nbclient's on_cell_executed hook: a help page (the page payload of
    execute_reply) becomes a display of the cell, as JupyterLab shows it and
    `gophlow run` records it; nbclient alone would drop it."""
    for item in (execute_reply or {}).get("content", {}).get("payload", []):
        if item.get("source") == "page":
            cell.outputs.append(nbformat.v4.new_output("display_data", data=item["data"]))


def execute(path):
    """Runs path through the kernel with nbclient and returns the executed
    notebook."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="gophlow", timeout=120, on_cell_executed=show_pages,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    try:
        client.execute()
    except Exception as e:
        raise AssertionError("nbclient failed on %s: %s" % (path, e))
    return nb


def run_headless(path, outdir, prefix="headless-"):
    """Runs `gophlow run` on path and returns the executed notebook."""
    out = os.path.join(outdir, prefix + os.path.basename(path))
    run = subprocess.run([gophlow(), "run", path, "-o", out], capture_output=True, text=True, timeout=300,
                         cwd=os.path.dirname(path))
    if run.returncode != 0:
        raise AssertionError("gophlow run failed on %s:\n%s" % (path, run.stderr[-4000:]))
    return nbformat.read(out, as_version=4)


def untimed(text):
    for pattern, repl in TIMINGS:
        text = pattern.sub(repl, text)
    return text


def outputs(nb):
    """Per code cell, its outputs as comparable tuples: consecutive text of
    one stream merged, timings replaced; images by their bytes. A cell tagged
    "timing" (its figures and text report measured seconds) is compared by
    its output types alone."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "timing" in cell.get("metadata", {}).get("tags", []):
            cells.append([(o["output_type"], o.get("name", ""), "") for o in cell.get("outputs", [])
                          if o["output_type"] != "stream"])
            continue
        outs = []
        for o in cell.get("outputs", []):
            kind = o["output_type"]
            if kind == "stream":
                if outs and outs[-1][:2] == ("stream", o["name"]):
                    outs[-1] = ("stream", o["name"], outs[-1][2] + o["text"])
                else:
                    outs.append(("stream", o["name"], o["text"]))
            elif kind == "error":
                outs.append((kind, o["ename"], o["evalue"]))
            else:
                data = o.get("data", {})
                images = tuple(data[k] for k in sorted(data) if k.startswith("image/"))
                outs.append((kind, tuple(sorted(data)), data.get("text/plain", ""), images))
        cells.append([(o[0], o[1], untimed(o[2])) + o[3:] for o in outs])
    return cells


def outputs_of(cell, kind):
    return [o for o in cell.get("outputs", []) if o["output_type"] == kind]


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


_runs = None


def runs():
    """Runs every notebook once through each runner (the first call) and
    returns (kernel runs, headless runs, failures), keyed by file name."""
    global _runs
    if _runs is None:
        tmp = tempfile.mkdtemp(prefix="gophlow-notebooks-")
        jupyter, headless, failures = {}, {}, {}
        for path in NOTEBOOKS + EXERCISES + TEST_NOTEBOOKS:
            name = os.path.basename(path)
            try:
                jupyter[name] = execute(path)
                headless[name] = run_headless(path, tmp)
            except AssertionError as e:
                failures[name] = str(e)
        _runs = jupyter, headless, failures, tmp
    return _runs[:3]


def tearDownModule():
    if _runs is not None:
        subprocess.run(["rm", "-rf", _runs[3]])


class Notebooks(unittest.TestCase):
    """Each notebook is executed once by each runner; the tests read the results."""

    @classmethod
    def setUpClass(cls):
        cls.jupyter, cls.headless, cls.failures = runs()

    def test_every_notebook_runs_without_error(self):
        self.assertTrue(NOTEBOOKS and TEST_NOTEBOOKS, "no notebooks found")
        for path in NOTEBOOKS + EXERCISES + TEST_NOTEBOOKS:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                self.assertNotIn(name, self.failures, self.failures.get(name))
                for i, cell in enumerate(self.jupyter[name].cells):
                    errors = outputs_of(cell, "error")
                    self.assertFalse(errors, "cell %d failed: %s" % (i, errors[:1]))

    def test_headless_runner_matches_the_kernel(self):
        self.maxDiff = None
        for name in self.jupyter:
            with self.subTest(notebook=name):
                kernel, headless = outputs(self.jupyter[name]), outputs(self.headless[name])
                self.assertEqual(len(headless), len(kernel))
                for i, (k, h) in enumerate(zip(kernel, headless)):
                    self.assertEqual(h, k, "code cell %d" % (i + 1))

    def test_hello_outputs(self):
        code = code_cells(self.jupyter["00-hello.ipynb"])
        self.assertEqual(outputs_of(code[0], "stream")[0]["text"], "Hello, notebook!\n")
        self.assertEqual(outputs_of(code[1], "execute_result")[0]["data"]["text/plain"], "42")
        self.assertIn("<b>gophlow</b>", outputs_of(code[2], "display_data")[0]["data"]["text/html"])
        self.assertIn("\\nabla", outputs_of(code[3], "display_data")[0]["data"]["text/latex"])
        png = outputs_of(code[4], "execute_result")[0]["data"]["image/png"]
        self.assertTrue(png.startswith("iVBORw0KGgo"), "not a base64 PNG")
        self.assertEqual(outputs_of(code[5], "execute_result")[0]["data"]["text/plain"], '"Hello, 20!"')

    def test_magics_outputs(self):
        for name, nb in (("kernel", self.jupyter["magics.ipynb"]), ("gophlow run", self.headless["magics.ipynb"])):
            with self.subTest(runner=name):
                cells = outputs(nb)
                self.assertEqual(cells[0], [("stream", "stdout", "[0 1 4 9]\nwall time: T, CPU time: T\n")])
                self.assertEqual(cells[1], [("stream", "stdout", "wall time: T, CPU time: T\n"),
                                            ("execute_result", ("text/plain",), "14", ())])
                who = cells[2][0][2]
                self.assertRegex(who, r"(?m)^squares +var +\[\]int$")
                self.assertRegex(who, r"(?m)^total +var +int$")
                self.assertEqual(cells[3][0][:2], ("display_data", ("text/plain",)))
                self.assertIn("func Sqrt(x float64) float64", cells[3][0][2])
                self.assertEqual(cells[4], [("stream", "stdout", "hi\n")])
                self.assertEqual([o[0] for o in cells[5]],
                                 ["stream", "display_data", "display_data", "display_data", "execute_result"])
                self.assertEqual(cells[5][2][2], "", "the live progress bar was not emptied")
                self.assertIn("100% 3/3", cells[5][3][2])
                self.assertEqual(cells[6], [], "exit showed something")
                self.assertEqual(cells[7], [("stream", "stdout", "still running after exit\n")])


def gophlow():
    return os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))


def all_text(nb):
    """Every output of the notebook as JSON text, for searching."""
    return "\n".join(json.dumps(o) for c in nb.cells for o in c.get("outputs", []))


def check_verdicts(nb):
    """For each check cell (a code cell with classroom metadata): its exercise,
    its points and the first word (PASS or FAIL) of its result."""
    verdicts = []
    for cell in code_cells(nb):
        meta = cell.get("metadata", {}).get("classroom")
        if not meta:
            continue
        results = outputs_of(cell, "execute_result")
        text = results[0]["data"].get("text/plain", "") if results else ""
        verdicts.append((meta["exercise"], meta["points"], text.split(" ", 1)[0]))
    return verdicts


class Exercises(unittest.TestCase):
    """The teacher version of each exercise notebook passes every check under
    Jupyter (the run Notebooks compares with gophlow run); the student version
    made by strip-solutions runs to the end with every check reporting a clean
    failure (no error output, no crash). Every check cell carries its exercise
    and points, and the problem sets hold at least 30 exercises."""

    def test_teacher_and_student_versions(self):
        exercises = 0
        self.assertTrue(EXERCISES, "no exercise notebooks found")
        jupyter, _, failures = runs()
        with tempfile.TemporaryDirectory() as out:
            for path in EXERCISES:
                name = os.path.basename(path)
                with self.subTest(notebook=name, version="teacher"):
                    self.assertNotIn(name, failures, failures.get(name))
                    nb = jupyter[name]
                    errors = [o for c in nb.cells for o in outputs_of(c, "error")]
                    self.assertFalse(errors, errors[:1])
                    self.assertIn("PASS", all_text(nb))
                    self.assertNotIn("FAIL", all_text(nb))
                    verdicts = check_verdicts(nb)
                    exercises += len(verdicts)
                    self.assertTrue(verdicts, "no check cells with classroom metadata")
                    for exercise, points, word in verdicts:
                        self.assertGreater(points, 0, exercise)
                        self.assertEqual(word, "PASS", exercise)
                with self.subTest(notebook=name, version="student"):
                    student = os.path.join(out, "student-" + name)
                    subprocess.run([gophlow(), "strip-solutions", path, student], check=True,
                                   capture_output=True, timeout=60)
                    nb = run_headless(student, out)
                    errors = [o for c in nb.cells for o in outputs_of(c, "error")]
                    self.assertFalse(errors, errors[:1])
                    self.assertIn("FAIL", all_text(nb))
                    self.assertNotIn("PASS", all_text(nb))
                    for exercise, _, word in check_verdicts(nb):
                        self.assertEqual(word, "FAIL", exercise)
        self.assertGreaterEqual(exercises, 30, "exercises in all the problem sets")

    def test_every_chapter_has_a_problem_set(self):
        """Each chapter of the course after 00-hello has its problem set,
        notebooks/exercises/NN-name-exercises.ipynb, so the test above runs it."""
        problem_sets = {os.path.basename(p) for p in EXERCISES}
        chapters = [os.path.basename(p)[:-len(".ipynb")] for p in NOTEBOOKS]
        self.assertGreaterEqual(len(chapters), 10, chapters)
        for chapter in chapters:
            if chapter.startswith("00-"):
                continue
            with self.subTest(chapter=chapter):
                self.assertIn(chapter + "-exercises.ipynb", problem_sets)


if __name__ == "__main__":
    unittest.main()
