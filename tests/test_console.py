"""Drives Debian's `jupyter console` (6.x) on the gophlow kernel through a
pseudo-terminal, as a new user would type: a function typed line by line
(is_complete must hold the prompt open until its closing brace), %time with
a loop, a progress bar whose final state must reach the console (which
ignores update_display_data), and exit, which must end the console and its
kernel. The console starts its own kernel (from JUPYTER_PATH, as `make
test-jupyter` sets it) and nothing of either may be left running."""

import os
import re
import shutil
import tempfile
import time
import unittest

import pexpect

# Escape sequences prompt_toolkit writes (colours, cursor moves, modes),
# removed before matching.
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_=>])")


class Console:
    """A `jupyter console --kernel gophlow` in a pseudo-terminal, with the
    transcript of what it showed, escape sequences removed."""

    def __init__(self, home):
        env = dict(os.environ)
        env.update({
            "HOME": home, "IPYTHONDIR": os.path.join(home, "ipython"),
            "JUPYTER_CONFIG_DIR": os.path.join(home, "config"),
            "JUPYTER_DATA_DIR": os.path.join(home, "data"),
            "JUPYTER_RUNTIME_DIR": os.path.join(home, "runtime"),
            "TERM": "xterm",
            # No cursor position requests: pexpect is not a terminal that answers them.
            "PROMPT_TOOLKIT_NO_CPR": "1",
        })
        self.runtime = env["JUPYTER_RUNTIME_DIR"]
        # The console gives up on is_complete for good after one reply slower
        # than kernel_is_complete_timeout (1 s); a loaded CI machine must not
        # turn that into a failure of this test.
        self.child = pexpect.spawn(
            "/usr/bin/jupyter",
            ["console", "--kernel", "gophlow", "--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=10"],
            env=env, encoding="utf-8", dimensions=(50, 200), timeout=60)
        self.text = ""  # the transcript
        self.seen = 0  # the transcript up to here has been matched

    def read(self):
        """Appends what the console wrote since the last read."""
        try:
            while True:
                self.text += ANSI.sub("", self.child.read_nonblocking(65536, timeout=0.05)).replace("\r", "")
        except pexpect.TIMEOUT:
            pass

    def expect(self, pattern, timeout=30):
        """Waits until pattern appears after what was matched before and
        returns the match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            self.read()
            m = regex.search(self.text, self.seen)
            if m:
                self.seen = m.end()
                return m
            if time.monotonic() > deadline or not self.child.isalive():
                raise AssertionError("no %r in the console's output; after the last match it showed:\n%s"
                                     % (pattern, self.text[self.seen:][-3000:]))

    def type(self, line):
        """Types line and Enter."""
        self.child.send(line)
        self.child.send("\r")

    def kernel_pids(self):
        """The gophlow kernels the console started (its child processes)."""
        pids = []
        for task in os.listdir("/proc/%d/task" % self.child.pid):
            with open("/proc/%d/task/%s/children" % (self.child.pid, task)) as f:
                pids += [int(p) for p in f.read().split()]
        return [p for p in pids if b"kernel" in cmdline(p) and b"gophlow" in cmdline(p)]


def cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read()
    except OSError:
        return b""


def running(pid):
    """Whether pid is a live process (a zombie is not)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class JupyterConsole(unittest.TestCase):
    def setUp(self):
        home = tempfile.mkdtemp(prefix="gophlow-console-")
        self.addCleanup(shutil.rmtree, home, True)
        self.console = Console(home)
        self.kernels = []
        self.addCleanup(self.stop)

    def stop(self):
        """Ends whatever a failing test left running: the console and the
        kernels it started."""
        kernels = set(self.kernels)
        if self.console.child.isalive():
            kernels.update(self.console.kernel_pids())
            self.console.child.terminate(force=True)
        for pid in kernels:
            if running(pid):
                os.kill(pid, 9)

    def test_a_session_typed_line_by_line(self):
        c = self.console
        c.expect(r"In \[1\]: ", timeout=90)
        self.kernels = c.kernel_pids()
        self.assertEqual(len(self.kernels), 1, "the console did not start one gophlow kernel")

        # A function typed line by line: each line but the last is incomplete,
        # so the console shows its continuation prompt instead of running it.
        c.type("func square(x int) int {")
        c.expect(r"\.\.\.: ")
        c.type("return x * x")
        c.expect(r"\.\.\.: ")
        c.type("}")
        c.expect(r"In \[2\]: ")
        c.type("square(7)")
        c.expect(r"Out\[2\]: 49\n")

        # %time with a loop opened on its line times the whole loop.
        c.type('import "fmt"')
        c.expect(r"In \[4\]: ")
        c.type("%time for i := 0; i < 3; i++ {")
        c.expect(r"\.\.\.: ")
        c.type("fmt.Println(i * 10)")
        c.expect(r"\.\.\.: ")
        c.type("}")
        c.expect(r"\n0\n10\n20\nwall time: \S+, CPU time: \S+\n")
        c.expect(r"In \[5\]: ")

        # The console ignores update_display_data: it shows the bar as first
        # drawn and, at Finish, the final bar.
        c.type("bar := display.Progress(20)")
        c.expect(r"\] +0% 0/20")
        c.type("for i := 0; i < 20; i++ { bar.Add(1) }; bar.Finish()")
        c.expect(r"\[#{30}\] 100% 20/20 ")
        c.expect(r"In \[7\]: ")
        self.assertNotIn("Error", c.text, "a cell failed")

        # exit ends the console, which shuts its kernel down.
        c.type("exit")
        c.expect(r"Shutting down kernel")
        c.child.expect(pexpect.EOF, timeout=30)
        c.child.close()
        self.assertEqual(c.child.exitstatus, 0, "the console did not exit cleanly")
        deadline = time.monotonic() + 10
        while any(running(p) for p in self.kernels) and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertFalse([p for p in self.kernels if running(p)], "the kernel outlived the console")
        left = [f for f in os.listdir(c.runtime) if f.endswith(".json")] if os.path.isdir(c.runtime) else []
        self.assertEqual(left, [], "connection files left behind")


if __name__ == "__main__":
    unittest.main()
