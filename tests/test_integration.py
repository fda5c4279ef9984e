"""Integration tests of the gophlow kernel over jupyter_client: interrupts
keep state, forged messages are never executed."""

import os
import queue
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session


class KernelIntegration(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="gophlow")

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=20):
        """Executes code and returns (reply content, iopub messages of the cell)."""
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            outputs.append(msg)
        return reply["content"], outputs

    def result_text(self, outputs):
        for m in outputs:
            if m["msg_type"] == "execute_result":
                return m["content"]["data"]["text/plain"]
        return None

    def test_interrupt_keeps_state(self):
        content, _ = self.run_cell("kept := 41")
        self.assertEqual(content["status"], "ok")
        msg_id = self.kc.execute("for {}")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
        reply = self.kc.get_shell_msg(timeout=10)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=10)
        elapsed = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("Interrupt", reply["content"]["ename"])
        self.assertLess(elapsed, 2.0, "the interrupt took more than a second or two")
        content, outputs = self.run_cell("kept + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(self.result_text(outputs), "42")
        content, outputs = self.run_cell("1 + 1")
        self.assertEqual(self.result_text(outputs), "2")

    def test_forged_request_is_not_executed(self):
        target = os.path.join(tempfile.mkdtemp(), "forged")
        code = 'import "os"\nos.WriteFile(%r, []byte("x"), 0o600)' % target
        code = code.replace("'", '"')
        for key, scheme in ((b"not-the-key", "hmac-sha256"), (b"", "hmac-sha256")):
            forger = Session(key=key, signature_scheme=scheme)
            msg = forger.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                  "user_expressions": {}, "allow_stdin": False,
                                                  "stop_on_error": True})
            forger.send(self.kc.shell_channel.socket, msg)
        # The real client is still served, and after its reply the forged
        # requests (sent earlier on the same socket) would have run.
        content, outputs = self.run_cell("2 * 21")
        self.assertEqual(self.result_text(outputs), "42")
        time.sleep(0.5)
        self.assertFalse(os.path.exists(target), "a forged execute_request was executed")
        # The same code, properly signed, does create the file: the check above could fail.
        content, _ = self.run_cell(code)
        self.assertEqual(content["status"], "ok")
        self.assertTrue(os.path.exists(target))

    def test_stop_on_error_aborts_queued(self):
        # The first cell sleeps before failing so that the second is surely
        # queued behind it when it fails.
        first = self.kc.execute('import "time"\ntime.Sleep(300 * time.Millisecond)\npanic("first")')
        second = self.kc.execute("1 + 1")
        replies = {}
        while len(replies) < 2:
            r = self.kc.get_shell_msg(timeout=20)
            pid = r["parent_header"].get("msg_id")
            if pid in (first, second):
                replies[pid] = r["content"]
        self.assertEqual(replies[first]["status"], "error")
        self.assertEqual(replies[second]["status"], "aborted")


if __name__ == "__main__":
    unittest.main()
