"""make bench-kernel: gophlow and Debian's ipykernel side by side.

Prints, for each kernel, the start-up time to a kernel_info_reply and the
median and 95th percentile round trip of 200 executions of `1+1`:
  bench kernel_startup gophlow_ms=… ipykernel_ms=… ratio=…
  bench kernel_exec_p50 gophlow_ms=… ipykernel_ms=… ratio=…
  bench kernel_exec_p95 …
ratio = ipykernel / gophlow (above 1: gophlow is faster)."""

import statistics
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


def exec_ms(name):
    """Round trips of `1+1`: request sent to idle status received."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    times = []
    for i in range(RUNS + 10):
        t0 = time.perf_counter()
        msg_id = kc.execute("1+1")
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        kc.get_shell_msg(timeout=30)
        if i >= 10:  # the first runs warm up both kernels
            times.append((time.perf_counter() - t0) * 1000)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1]


def line(name, ours, theirs):
    print("bench %s gophlow_ms=%.2f ipykernel_ms=%.2f ratio=%.2f" % (name, ours, theirs, theirs / ours))


def main():
    line("kernel_startup", startup_ms("gophlow"), startup_ms("python3"))
    g50, g95 = exec_ms("gophlow")
    p50, p95 = exec_ms("python3")
    line("kernel_exec_p50", g50, p50)
    line("kernel_exec_p95", g95, p95)


if __name__ == "__main__":
    main()
