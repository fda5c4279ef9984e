"""make bench-kernel: gophlow and Debian's ipykernel side by side.

Prints, for each kernel, the start-up time to a kernel_info_reply, the
median and 95th percentile round trip of 200 executions of `1+1`, and the
median time to re-run a cell that redefines a function used by 20 others;
then the end-to-end time of `gophlow run notebooks/00-hello.ipynb` against
`jupyter nbconvert --execute` of the same notebook:
  bench kernel_startup gophlow_ms=… ipykernel_ms=… ratio=…
  bench kernel_exec_p50 gophlow_ms=… ipykernel_ms=… ratio=…
  bench kernel_exec_p95 …
  bench kernel_redefine_20 …
  bench notebook_run_00_hello gophlow_run_ms=… nbconvert_ms=… ratio=…
ratio = the other / gophlow (above 1: gophlow is faster)."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

RUNS = 200
STARTS = 5


def startup_ms(name):
    """Median time from launching the kernel to its first kernel_info_reply."""
    times = []
    for _ in range(STARTS):
        km = KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        times.append((time.perf_counter() - t0) * 1000)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return statistics.median(times)


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A function used by 20 others, in each language; REDEFINE_* changes it.
SETUP = {
    "gophlow": "func f(x int) int { return x + 1 }\n" + "".join(
        "func g%d(x int) int { return f(x) * %d }\n" % (i, i) for i in range(20)),
    "python3": "def f(x): return x + 1\n" + "".join(
        "def g%d(x): return f(x) * %d\n" % (i, i) for i in range(20)),
}
REDEFINE = {"gophlow": "func f(x int) int { return x + %d }", "python3": "def f(x): return x + %d"}


def run_cell(kc, code):
    """Executes code; returns the round trip in ms (request to idle status)."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    reply = kc.get_shell_msg(timeout=30)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("%r failed: %s" % (code, reply["content"]))
    return (time.perf_counter() - t0) * 1000


def exec_ms(name):
    """Round trips of `1+1` (median and p95) and of redefining f (median)."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    times = []
    for i in range(RUNS + 10):
        t = run_cell(kc, "1+1")
        if i >= 10:  # the first runs warm up both kernels
            times.append(t)
    run_cell(kc, SETUP[name])
    redefine = [run_cell(kc, REDEFINE[name] % (i + 2)) for i in range(20)]
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1], statistics.median(redefine)


def notebook_ms():
    """End-to-end: gophlow run vs nbconvert --execute of 00-hello (median of 3)."""
    src = os.path.join(ROOT, "notebooks", "00-hello.ipynb")
    gophlow = os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        nb = os.path.join(tmp, "hello.ipynb")
        for _ in range(3):
            shutil.copy(src, nb)
            t0 = time.perf_counter()
            subprocess.run([gophlow, "run", nb], check=True, capture_output=True)
            ours.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                            "--ExecutePreprocessor.kernel_name=gophlow", "--output-dir", tmp, nb],
                           check=True, capture_output=True)
            theirs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ours), statistics.median(theirs)


def line(name, ours, theirs):
    print("bench %s gophlow_ms=%.2f ipykernel_ms=%.2f ratio=%.2f" % (name, ours, theirs, theirs / ours))


def main():
    line("kernel_startup", startup_ms("gophlow"), startup_ms("python3"))
    g50, g95, gre = exec_ms("gophlow")
    p50, p95, pre = exec_ms("python3")
    line("kernel_exec_p50", g50, p50)
    line("kernel_exec_p95", g95, p95)
    line("kernel_redefine_20", gre, pre)
    run, nbconvert = notebook_ms()
    print("bench notebook_run_00_hello gophlow_run_ms=%.0f nbconvert_ms=%.0f ratio=%.2f" % (run, nbconvert, nbconvert / run))


if __name__ == "__main__":
    main()
