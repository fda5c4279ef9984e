"""make bench-kernel: the gophlow kernel and Debian's ipykernel side by side.

Every figure comes from rounds in which the two kernels alternate (the one
that goes first alternates too), so that a change in the machine's load
falls on both; each round's load average is printed with it.

- kernel_ready: from launching the kernel (KernelManager.start_kernel) to
  its first kernel_info_reply, asked for on a socket that retries its
  connection every millisecond; a fresh kernel each time.
- kernel_startup_jupyter_client: the same launch until jupyter_client's
  wait_for_ready returns, what a frontend waits: it also waits for an iopub
  message (up to 0.2 s) and its sockets retry every 100 ms, the same for
  both kernels.
- kernel_exec_*: round trips of the cell `1+1`, from sending the
  execute_request to having both its idle status and its execute_reply,
  with the same minimal client for both kernels: pyzmq sockets, the request
  built and signed by jupyter_client's Session, every reply's signature
  checked and its JSON parsed, nothing else. This is the kernel's round
  trip (the client's share is printed as client_us_per_msg).
- kernel_exec_jupyter_client_*: the same round trip as jupyter_client's
  BlockingKernelClient sees it (get_iopub_msg, get_shell_msg), what a
  Python frontend pays; its own cost per message (a few hundred
  microseconds, the same for both kernels) shrinks the ratio.
- kernel_redefine_20: re-running a cell that redefines a function used by
  20 others, minimal client.
- runner_00_hello: NOT a comparison with ipykernel. Both sides run
  notebooks/00-hello.ipynb on gophlow's engine: `gophlow run` executes the
  cells in its own process, `jupyter nbconvert --execute` starts the
  gophlow kernel (--ExecutePreprocessor.kernel_name=gophlow) and drives it
  through nbclient over ZeroMQ. The ratio is what the headless runner saves
  over Jupyter's runner, on our kernel.

Lines read `bench NAME gophlow_ms=… ipykernel_ms=… ratio=…` with ratio =
ipykernel / gophlow (above 1: gophlow is faster), then the rounds."""

import hashlib
import hmac
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import ipykernel
import jupyter_client
import nbclient
import nbconvert
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOPHLOW = os.environ.get("GOPHLOW_BIN", os.path.join(ROOT, "bin", "gophlow"))
KERNELS = ("gophlow", "python3")  # python3 is Debian's ipykernel

START_ROUNDS = 8
EXEC_ROUNDS = 6
EXEC_PER_ROUND = 100
WARMUP = 30
REDEFINES_PER_ROUND = 4
RUNNER_ROUNDS = 5

# A function used by 20 others, in each language; REDEFINE changes it.
SETUP = {
    "gophlow": "func f(x int) int { return x + 1 }\n" + "".join(
        "func g%d(x int) int { return f(x) * %d }\n" % (i, i) for i in range(20)),
    "python3": "def f(x): return x + 1\n" + "".join(
        "def g%d(x): return f(x) * %d\n" % (i, i) for i in range(20)),
}
REDEFINE = {"gophlow": "func f(x int) int { return x + %d }", "python3": "def f(x): return x + %d"}


def load():
    return "%.2f" % os.getloadavg()[0]


def order(r):
    """The kernels in round r's order: the first alternates."""
    return KERNELS if r % 2 == 0 else KERNELS[::-1]


def ms(t0):
    return (time.perf_counter() - t0) * 1000


class Client:
    """A minimal client: a DEALER on shell and a SUB on iopub."""

    def __init__(self, km):
        info = km.get_connection_info()
        self.session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
        self.key = info["key"]
        ctx = zmq.Context.instance()
        self.shell = ctx.socket(zmq.DEALER)
        self.shell.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
        self.iopub = ctx.socket(zmq.SUB)
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.connect("%s://%s:%d" % (info["transport"], info["ip"], info["iopub_port"]))
        self.recv_s = 0.0  # time spent decoding replies
        self.msgs = 0
        # PUB/SUB drops messages until the subscription arrives: ask for
        # kernel_info until its status messages come through.
        while True:
            self.session.send(self.shell, "kernel_info_request", {})
            self.recv(self.shell)
            if self.iopub.poll(200):
                break
        time.sleep(0.2)
        while self.iopub.poll(0):
            self.iopub.recv_multipart()

    def recv(self, sock):
        """Receives one message; returns its type, its parent's msg_id and content."""
        frames = sock.recv_multipart()
        t0 = time.perf_counter()
        i = frames.index(b"<IDS|MSG>")
        sig, header, parent, metadata, content = frames[i + 1:i + 6]
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for f in (header, parent, metadata, content):
            mac.update(f)
        if not hmac.compare_digest(mac.hexdigest().encode(), sig):
            raise RuntimeError("a reply's signature does not verify")
        msg_type = json.loads(header)["msg_type"]
        parent_id = json.loads(parent).get("msg_id")
        content = json.loads(content)
        self.recv_s += time.perf_counter() - t0
        self.msgs += 1
        return msg_type, parent_id, content

    def execute(self, code):
        """Runs code; returns the round trip in ms."""
        t0 = time.perf_counter()
        msg_id = self.session.send(self.shell, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})["header"]["msg_id"]
        while True:
            msg_type, parent_id, content = self.recv(self.iopub)
            if parent_id == msg_id and msg_type == "status" and content["execution_state"] == "idle":
                break
        msg_type, parent_id, content = self.recv(self.shell)
        t = ms(t0)
        if parent_id != msg_id or content["status"] != "ok":
            raise RuntimeError("%r failed: %s" % (code, content))
        return t

    def close(self):
        self.shell.close(linger=0)
        self.iopub.close(linger=0)


def blocking_execute(kc, code):
    """Runs code through jupyter_client's BlockingKernelClient; ms."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    reply = kc.get_shell_msg(timeout=30)
    t = ms(t0)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("%r failed: %s" % (code, reply["content"]))
    return t


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def line(name, ours, theirs, extra=""):
    print("bench %s gophlow_ms=%.3f ipykernel_ms=%.3f ratio=%.2f%s" % (name, ours, theirs, theirs / ours, extra))


def rounds_text(values):
    return " ".join("%.3f" % v for v in values)


def ready_ms(name):
    """Launch to the first kernel_info_reply, connection retried every ms."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    info = km.get_connection_info()
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    shell = zmq.Context.instance().socket(zmq.DEALER)
    shell.setsockopt(zmq.RECONNECT_IVL, 1)
    shell.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
    session.send(shell, "kernel_info_request", {})
    if not shell.poll(60000):
        raise RuntimeError("%s: no kernel_info_reply within 60 s" % name)
    shell.recv_multipart()
    t = ms(t0)
    shell.close(linger=0)
    km.shutdown_kernel(now=True)
    return t


def frontend_ms(name):
    """Launch until jupyter_client's wait_for_ready returns."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    t = ms(t0)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return t


def startup():
    for label, measure in (("kernel_ready", ready_ms), ("kernel_startup_jupyter_client", frontend_ms)):
        times = {k: [] for k in KERNELS}
        loads = []
        for r in range(START_ROUNDS):
            loads.append(load())
            for name in order(r):
                times[name].append(measure(name))
        line(label, statistics.median(times["gophlow"]), statistics.median(times["python3"]),
             " rounds=%d" % START_ROUNDS)
        for name in KERNELS:
            print("bench rounds %s %s ms: %s" % (label, name, rounds_text(times[name])))
        print("bench rounds %s load: %s" % (label, " ".join(loads)))


def start(name):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    kc.stop_channels()
    return km


def executes(kms):
    """Round trips with the minimal client, then redefinitions."""
    clients = {k: Client(km) for k, km in kms.items()}
    for name, c in clients.items():
        for _ in range(WARMUP):
            c.execute("1+1")
        c.recv_s, c.msgs = 0.0, 0
        c.execute(SETUP[name])
    trips = {k: [] for k in KERNELS}
    p50s = {k: [] for k in KERNELS}
    redefine = {k: [] for k in KERNELS}
    loads = []
    for r in range(EXEC_ROUNDS):
        loads.append(load())
        for name in order(r):
            c = clients[name]
            batch = [c.execute("1+1") for _ in range(EXEC_PER_ROUND)]
            trips[name] += batch
            p50s[name].append(statistics.median(batch))
            redefine[name] += [c.execute(REDEFINE[name] % (r * REDEFINES_PER_ROUND + i + 2))
                               for i in range(REDEFINES_PER_ROUND)]
    n = EXEC_ROUNDS * EXEC_PER_ROUND
    client_us = {k: 1e6 * c.recv_s / c.msgs for k, c in clients.items()}
    g, p = trips["gophlow"], trips["python3"]
    line("kernel_exec_p50", statistics.median(g), statistics.median(p), " n=%d" % n)
    line("kernel_exec_p95", pct(g, 0.95), pct(p, 0.95), " n=%d" % n)
    line("kernel_exec_min", min(g), min(p), " n=%d" % n)
    print("bench kernel_exec client_us_per_msg gophlow=%.1f ipykernel=%.1f (decoding each reply in the minimal client)"
          % (client_us["gophlow"], client_us["python3"]))
    for name in KERNELS:
        print("bench rounds kernel_exec_p50 %s ms: %s" % (name, rounds_text(p50s[name])))
    print("bench rounds kernel_exec load: %s" % " ".join(loads))
    line("kernel_redefine_20", statistics.median(redefine["gophlow"]), statistics.median(redefine["python3"]),
         " n=%d" % (EXEC_ROUNDS * REDEFINES_PER_ROUND))
    for c in clients.values():
        c.close()


def executes_jupyter_client(kms):
    """Round trips through jupyter_client's BlockingKernelClient."""
    kcs = {}
    for name, km in kms.items():
        kcs[name] = km.client()
        kcs[name].start_channels()
        kcs[name].wait_for_ready(timeout=60)
        for _ in range(WARMUP):
            blocking_execute(kcs[name], "1+1")
    trips = {k: [] for k in KERNELS}
    loads = []
    for r in range(EXEC_ROUNDS):
        loads.append(load())
        for name in order(r):
            trips[name] += [blocking_execute(kcs[name], "1+1") for _ in range(EXEC_PER_ROUND // 2)]
    g, p = trips["gophlow"], trips["python3"]
    n = EXEC_ROUNDS * (EXEC_PER_ROUND // 2)
    line("kernel_exec_jupyter_client_p50", statistics.median(g), statistics.median(p), " n=%d" % n)
    line("kernel_exec_jupyter_client_p95", pct(g, 0.95), pct(p, 0.95), " n=%d" % n)
    print("bench rounds kernel_exec_jupyter_client load: %s" % " ".join(loads))
    for kc in kcs.values():
        kc.stop_channels()


def runners():
    """gophlow run against nbconvert --execute, both on the gophlow kernel."""
    src = os.path.join(ROOT, "notebooks", "00-hello.ipynb")
    times = {"gophlow_run": [], "nbconvert": []}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        nb = os.path.join(tmp, "hello.ipynb")
        cmds = {
            "gophlow_run": [GOPHLOW, "run", nb],
            "nbconvert": [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.kernel_name=gophlow", "--output-dir", tmp, nb],
        }
        for r in range(RUNNER_ROUNDS):
            loads.append(load())
            names = list(cmds) if r % 2 == 0 else list(cmds)[::-1]
            for name in names:
                shutil.copy(src, nb)
                t0 = time.perf_counter()
                subprocess.run(cmds[name], check=True, capture_output=True)
                times[name].append(ms(t0))
    run, nbc = statistics.median(times["gophlow_run"]), statistics.median(times["nbconvert"])
    print("bench runner_00_hello_on_gophlow_kernel gophlow_run_ms=%.0f nbconvert_execute_ms=%.0f ratio=%.2f rounds=%d"
          % (run, nbc, nbc / run, RUNNER_ROUNDS))
    for name, ts in times.items():
        print("bench rounds runner %s ms: %s" % (name, " ".join("%.0f" % t for t in ts)))
    print("bench rounds runner load: %s" % " ".join(loads))


def cpu():
    model, flags = "?", "?"
    with open("/proc/cpuinfo") as f:
        for row in f:
            key, _, value = row.partition(":")
            if key.strip() == "model name" and model == "?":
                model = value.strip()
            if key.strip() == "flags" and flags == "?":
                flags = value.strip()
    return model, flags


def output(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError as e:
        return "unknown (%s)" % e


def header():
    model, flags = cpu()
    rev = output(["git", "rev-parse", "--short=12", "HEAD"])
    dirty = output(["git", "status", "--porcelain", "--", "kernel", "hooks", "interrupt", "go.mod", "go.sum"])
    print("bench date=%s uptime=%r" % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), output(["uptime"])))
    print("bench cpu model=%r logical_cpus=%d flags=%r" % (model, os.cpu_count(), flags))
    print("bench gophlow rev=%s%s version=%r go=%r" % (
        rev, " (kernel sources modified)" if dirty else "", output([GOPHLOW, "version"]).splitlines()[0],
        output(["go", "version", GOPHLOW]).split(": ")[-1]))
    print("bench python=%s ipykernel=%s jupyter_client=%s pyzmq=%s libzmq=%s nbconvert=%s nbclient=%s" % (
        platform.python_version(), ipykernel.__version__, jupyter_client.__version__, zmq.__version__,
        zmq.zmq_version(), nbconvert.__version__, nbclient.__version__))


def main():
    header()
    startup()
    kms = {k: start(k) for k in KERNELS}
    try:
        executes(kms)
        executes_jupyter_client(kms)
    finally:
        for km in kms.values():
            km.shutdown_kernel(now=True)
    runners()
    print("bench uptime_after=%r" % output(["uptime"]))


if __name__ == "__main__":
    main()
