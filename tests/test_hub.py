"""The class server (issue 17): scripts/hub.sh starts Debian's JupyterHub for
two students, here with a throwaway authenticator (dummy) and an API token.

Through the Hub's REST API the test starts both students' Notebook servers
and, through each server's kernel API (REST and the kernel websocket behind
the Hub's proxy), runs notebook 04 in both kernels at once. It shows:
- both runs finish, every cell without error, and they overlapped in time;
- each kernel is a process of its own (pids differ), as its student's Unix
  user when the test runs as root (real users, created and removed here),
  with GOPHLOW_MEMORY_LIMIT in its environment;
- a runaway cell (memory past GOPHLOW_MEMORY_LIMIT) in one kernel ends in a
  MemoryError in that cell only: the other student's kernel works on
  meanwhile, and the runaway kernel is the same process afterwards with its
  state (the trained model, the samples) kept;
- the shared course folder is read-only for the students, its exercise
  notebooks are the student versions, its notebooks are trusted for each
  student, and gophlow is the only kernel offered;
- stopping the hub as Ctrl-C does, with a student's server and kernel still
  running, leaves no process of the run behind (every process the hub
  started carries a marker in its environment; none is left).
"""
import asyncio
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = os.path.join(ROOT, "notebooks", "04-training-and-sampling.ipynb")
AS_ROOT = os.geteuid() == 0
# Real Unix users when root: unlikely names, removed at the end.
USERS = ("gophlow-hubtest-ann", "gophlow-hubtest-bob")
MEMORY = 1 << 30  # GOPHLOW_MEMORY_LIMIT of every kernel

try:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect
except ImportError:  # pragma: no cover
    websocket_connect = None

HAVE_HUB = os.path.exists("/usr/bin/jupyterhub") and os.path.exists("/usr/bin/configurable-http-proxy")


def free_ports(n):
    """A base port with the n ports from it free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base + n >= 65536:
            continue
        ok = True
        for p in range(base, base + n):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
                    break
        if ok:
            return base
    raise RuntimeError("no free ports")


def marked_processes(marker, *words):
    """Pids of the processes whose environment holds the marker or whose
    command line holds one of the words."""
    found = []
    needle = marker.encode() + b"\0"
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                environ = f.read() + b"\0"
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if needle in environ or any(w.encode() in cmdline for w in words):
            found.append(int(entry))
    return found


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")[:200]
    except OSError:
        return "(ended)"


def proc_status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return line.split()[1:]
    return None


def code_cells(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"] if c["cell_type"] == "code"]


def result_text(outputs):
    for m in outputs:
        if m["header"]["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain", "")
    return None


def stream_text(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["header"]["msg_type"] == "stream" and m["content"]["name"] == "stdout")


class Kernel:
    """A kernel of a student's Notebook server, over its websocket."""

    def __init__(self, ws, user):
        self.ws, self.user, self.session = ws, user, uuid.uuid4().hex

    async def execute(self, code, timeout=120):
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        deadline = time.monotonic() + timeout
        reply, idle, outputs = None, False, []
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.user}: no reply within {timeout} s to {code[:60]!r}")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise ConnectionError(f"{self.user}: the kernel websocket closed")
            if isinstance(raw, bytes):
                continue
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = m["header"]["msg_type"]
            if m.get("channel") == "shell" and kind == "execute_reply":
                reply = m["content"]
            elif kind == "status":
                idle = m["content"]["execution_state"] == "idle"
            elif kind in ("stream", "display_data", "execute_result", "error", "update_display_data"):
                outputs.append(m)
        return reply, outputs


@unittest.skipUnless(HAVE_HUB, "no JupyterHub (sh scripts/setup-debian.sh hub)")
@unittest.skipUnless(websocket_connect, "no tornado")
class ClassServer(unittest.TestCase):
    def setUp(self):
        self.started = time.monotonic()
        self.tmp = tempfile.mkdtemp(prefix="gophlow-hub-")
        self.addCleanup(self.remove_tmp)
        os.chmod(self.tmp, 0o755)  # students reach the kernel binary and the course in it
        self.state = os.path.join(self.tmp, "state")
        self.port = free_ports(3)
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = uuid.uuid4().hex
        self.marker = "GOPHLOW_TEST_RUN=" + uuid.uuid4().hex
        self.spawner = "local" if AS_ROOT else "simple"
        if AS_ROOT:
            self.addCleanup(self.remove_users)
        self.addCleanup(self.kill_leftovers)
        env = dict(os.environ)
        env.pop("JUPYTER_PATH", None)  # the hub serves its own kernelspec
        env["GOPHLOW_BIN"] = os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))
        env.setdefault("GOPHLOW_COURSE_STEPS", "2000")
        name, value = self.marker.split("=")
        env[name] = value
        self.log_path = os.path.join(self.tmp, "hub.log")
        self.log = open(self.log_path, "wb")
        self.addCleanup(self.log.close)
        self.hub = subprocess.Popen(
            ["sh", os.path.join(ROOT, "scripts", "hub.sh"), "--users", " ".join(USERS),
             "--state", self.state, "--ip", "127.0.0.1", "--port", str(self.port),
             "--memory", str(MEMORY), "--auth", "dummy", "--spawner", self.spawner, "--token", self.token],
            env=env, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while True:
            if self.hub.poll() is not None:
                self.fail(f"the hub ended with status {self.hub.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/hub/api")
                break
            except (OSError, AssertionError) as e:  # not listening yet, or not routed yet
                self.last_error = e
                if time.monotonic() > deadline:
                    self.fail(f"the hub did not answer within 90 s ({self.last_error}):\n" + self.log_tail())
                time.sleep(0.2)
        self.hub_up = time.monotonic() - self.started

    def log_tail(self, n=6000):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read()[-n:].decode(errors="replace")

    def api(self, method, path, body=None, want=(200, 201, 202, 204)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": "token " + self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, text = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read()
        if status not in want:
            raise AssertionError(f"{method} {path}: HTTP {status}: {text[:500]!r}")
        return json.loads(text) if text else None

    def wait_ready(self, user):
        deadline = time.monotonic() + 60
        while True:
            server = self.api("GET", f"/hub/api/users/{user}")["servers"].get("")
            if server and server.get("ready"):
                return
            if time.monotonic() > deadline:
                self.fail(f"{user}'s server not ready within 60 s:\n" + self.log_tail())
            time.sleep(0.2)

    async def connect(self, user):
        kernel = self.api("POST", f"/user/{user}/api/kernels", {"name": "gophlow"})
        url = f"ws://127.0.0.1:{self.port}/user/{user}/api/kernels/{kernel['id']}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": "token " + self.token}),
                                     max_message_size=256 << 20)
        return Kernel(ws, user)

    async def pid(self, k):
        reply, outputs = await k.execute('import "os"\nos.Getpid()')
        self.assertEqual(reply["status"], "ok", reply)
        return int(result_text(outputs))

    async def run_notebook(self, k, cells):
        began = time.monotonic()
        for i, code in enumerate(cells):
            reply, outputs = await k.execute(code, timeout=300)
            if reply["status"] != "ok":
                raise AssertionError(f"{k.user}: notebook 04, code cell {i + 1}: {reply.get('ename')}: "
                                     f"{reply.get('evalue')}\n{''.join(reply.get('traceback', []))[-2000:]}")
        return began, time.monotonic()

    def test_two_students_one_runaway(self):
        ann, bob = USERS
        # Both servers at once through the Hub's REST API.
        t0 = time.monotonic()
        for u in USERS:
            self.api("POST", f"/hub/api/users/{u}/server")
        for u in USERS:
            self.wait_ready(u)
        servers_up = time.monotonic() - t0

        # What a student's server offers: gophlow only; the course, read-only and trusted.
        specs = self.api("GET", f"/user/{ann}/api/kernelspecs")
        self.assertEqual(set(specs["kernelspecs"]), {"gophlow"})
        self.assertEqual(specs["default"], "gophlow")
        course = self.api("GET", f"/user/{ann}/api/contents/course")
        listed = {e["name"] for e in course["content"]}
        self.assertIn("04-training-and-sampling.ipynb", listed)
        self.assertIn("exercises", listed)
        nb = self.api("GET", f"/user/{bob}/api/contents/course/04-training-and-sampling.ipynb")
        self.assertFalse(nb["writable"])
        with_outputs = [c for c in nb["content"]["cells"] if c["cell_type"] == "code" and c.get("outputs")]
        self.assertTrue(with_outputs)
        self.assertTrue(all(c["metadata"].get("trusted") for c in with_outputs), "the course is not trusted for bob")
        exercises = os.path.join(self.state, "course", "exercises")
        self.assertTrue(os.listdir(exercises))
        for name in os.listdir(exercises):
            with open(os.path.join(exercises, name), encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn("BEGIN SOLUTION", text, f"{name} went out with its solutions")
            self.assertIn("write your solution here", text, name)

        cells = code_cells(NOTEBOOK)
        runaway = ('import "bytes"\n'
                   'func grow() int {\n\tvar keep [][]byte\n\tfor {\n\t\tkeep = append(keep, bytes.Repeat([]byte{1}, 64<<20))\n\t}\n}\n'
                   'grow()')
        # Uses notebook 04's state: its trained model and its 50-step Euler samples.
        again = ('again, err := fmlib.Solve(model, noise, fmlib.SolveOptions{Method: fmlib.Euler, Steps: 50})\n'
                 'fmt.Println(err, mat.EqualApprox(again.X, euler50.X, 1e-12), steps)')
        expected_again = f"<nil> true {os.environ.get('GOPHLOW_COURSE_STEPS', '2000')}\n"
        course_file = os.path.join(self.state, "course", "04-training-and-sampling.ipynb")
        with open(course_file, "rb") as f:
            course_before = f.read()
        figures = {}

        async def scenario():
            ka, kb = await asyncio.gather(self.connect(ann), self.connect(bob))
            pid_a, pid_b = await asyncio.gather(self.pid(ka), self.pid(kb))
            self.check_kernel_processes({ann: pid_a, bob: pid_b})
            figures["marked"] = self.ours()
            # Notebook 04 in both kernels at once.
            t = time.monotonic()
            (a0, a1), (b0, b1) = await asyncio.gather(self.run_notebook(ka, cells), self.run_notebook(kb, cells))
            figures["notebooks"] = time.monotonic() - t
            figures["overlap"] = min(a1, b1) - max(a0, b0)
            # ann's runaway while bob goes on working.

            async def ann_runs_away():
                began = time.monotonic()
                reply, _ = await ka.execute(runaway, timeout=120)
                figures["runaway"] = time.monotonic() - began
                return reply

            async def bob_works():
                results = []
                for _ in range(3):
                    results.append(await kb.execute(again))
                return results

            ra, bob_results = await asyncio.gather(ann_runs_away(), bob_works())
            after_a = await ka.execute(again)
            write = await ka.execute('werr := os.WriteFile(os.Getenv("HOME")+"/course/04-training-and-sampling.ipynb", []byte("gone"), 0o644)\n'
                                     'fmt.Println(werr != nil)')
            pids_after = await asyncio.gather(self.pid(ka), self.pid(kb))
            ka.ws.close()
            kb.ws.close()
            return pid_a, pid_b, ra, bob_results, after_a, write, pids_after

        pid_a, pid_b, ra, bob_results, after_a, write, pids_after = asyncio.run(
            asyncio.wait_for(scenario(), 240))

        # Both finished (run_notebook raises otherwise), at the same time.
        self.assertGreater(figures["overlap"], 0, "the two notebooks did not run at once")
        # The hub, its proxy, two Notebook servers and two kernels carry the marker.
        self.assertGreaterEqual(len(figures["marked"]), 6, figures["marked"])

        # ann's runaway stopped her cell, and only it.
        self.assertEqual(ra["status"], "error")
        self.assertEqual(ra["ename"], "MemoryError", ra)
        self.assertIn("GOPHLOW_MEMORY_LIMIT", ra["evalue"])
        self.assertLess(figures["runaway"], 60)
        for reply, outputs in bob_results:
            self.assertEqual(reply["status"], "ok", reply)
            self.assertEqual(stream_text(outputs), expected_again)
        self.assertEqual(pids_after, [pid_a, pid_b], "a kernel was restarted")
        reply, outputs = after_a
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), expected_again, "ann's state was lost")
        # The course is read-only for a student's kernel.
        reply, outputs = write
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(stream_text(outputs), "true\n", "a student's kernel wrote into the course")
        with open(course_file, "rb") as f:
            self.assertEqual(f.read(), course_before)

        # Stopping: ann's server through the API; then the hub as Ctrl-C
        # stops it, with bob's server and kernel still running. Nothing is left.
        self.api("DELETE", f"/hub/api/users/{ann}/server")
        self.hub.send_signal(signal.SIGINT)
        try:
            self.hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.fail("the hub did not stop within 60 s of SIGINT:\n" + self.log_tail())
        self.assertEqual(self.hub.returncode, 0, self.log_tail())
        deadline = time.monotonic() + 15
        while self.ours() and time.monotonic() < deadline:
            time.sleep(0.2)
        left = [(pid, cmdline(pid)) for pid in self.ours()]
        self.assertEqual(left, [], "processes of the run outlived the hub")
        sys.stderr.write(
            f"\nhub: up in {self.hub_up:.1f} s, two servers in {servers_up:.1f} s, notebook 04 twice at once in "
            f"{figures['notebooks']:.1f} s (overlap {figures['overlap']:.1f} s), runaway stopped in "
            f"{figures['runaway']:.1f} s ({ra['evalue'][:90]}...), whole test {time.monotonic() - self.started:.1f} s ... ")

    def check_kernel_processes(self, pids):
        """Two kernel processes, each its student's (as root), each with the
        memory limit, each the server's gophlow binary."""
        self.assertNotEqual(*pids.values())
        for user, pid in pids.items():
            self.assertIn(pid, self.ours())
            self.assertEqual(os.path.realpath(f"/proc/{pid}/exe"), os.path.join(self.state, "bin", "gophlow"))
            with open(f"/proc/{pid}/environ", "rb") as f:
                self.assertIn(f"GOPHLOW_MEMORY_LIMIT={MEMORY}".encode(), f.read().split(b"\0"))
            if AS_ROOT:
                self.assertEqual(int(proc_status(pid, "Uid")[0]), pwd.getpwnam(user).pw_uid)

    def ours(self):
        """The processes of this run: marked, or naming its folder or the hub's port."""
        return marked_processes(self.marker, self.tmp, f"127.0.0.1:{self.port + 1}")

    def kill_leftovers(self):
        """Whatever of this run is still alive: the hub, then every marked process."""
        if getattr(self, "hub", None) and self.hub.poll() is None:
            self.hub.send_signal(signal.SIGTERM)
            try:
                self.hub.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.hub.kill()
                self.hub.wait()
        for pid in self.ours():
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def remove_tmp(self):
        """Removes the run's folder, read-only course included."""
        for d, dirs, _ in os.walk(self.tmp):
            for name in dirs:
                try:
                    os.chmod(os.path.join(d, name), 0o755)
                except OSError:
                    pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def remove_users(self):
        """Removes the test's users, also those an interrupted run left."""
        for u in USERS:
            subprocess.run(["userdel", "--remove", u], capture_output=True)


if __name__ == "__main__":
    unittest.main()
