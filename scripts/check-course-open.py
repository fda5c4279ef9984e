#!/usr/bin/python3
"""Opens every course notebook in Jupyter Notebook 6 in headless Chromium, as
a student would after `make notebook`, and checks that opening is clean:

  - the notebook is trusted (after scripts/trust-course.sh's `jupyter trust`)
    and not marked "(unsaved changes)" once the kernel has started;
  - the file on disk is not rewritten (mtime and bytes unchanged);
  - stored HTML outputs keep their inline styles (05's progress bar);
  - gofmt's tabs are not drawn as arrows (the kernelspec's kernel.css).

Everything runs in throwaway Jupyter folders (config, data with the trust
database, runtime) on copies of the notebooks; the kernelspec comes from
JUPYTER_PATH (make test-jupyter installs it under build/jupyter).

    JUPYTER_PATH=build/jupyter/share/jupyter scripts/check-course-open.py [--screenshots DIR] [NOTEBOOK...]

With --page OUT.html it instead opens a page written by `gophlow run --html`
and prints, as JSON, what a reader would see: the title, how many formulas
were laid out as MathML, each image's shown and asked-for width, and so on
(tests/test_course_open.py judges it).

Exits 0 when every notebook opens clean, 1 otherwise, 77 when no Chromium
is installed. Needs Debian's chromium and jupyter-notebook.
"""
import argparse
import base64
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from tornado import ioloop, websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_http(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            return urllib.request.urlopen(url, timeout=5).read()
        except Exception:
            time.sleep(0.3)
    raise RuntimeError("no answer from " + url)


class CDP:
    """A minimal Chrome DevTools Protocol client over tornado's websocket."""

    def __init__(self, ws_url):
        self.loop = ioloop.IOLoop.current()
        self.ws = self.loop.run_sync(lambda: websocket.websocket_connect(ws_url, max_message_size=256 << 20))
        self.next_id = 0

    def call(self, method, timeout=30, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.write_message(json.dumps({"id": mid, "method": method, "params": params}))

        async def reply():
            while True:
                msg = await self.ws.read_message()
                if msg is None:
                    raise RuntimeError("DevTools connection closed")
                m = json.loads(msg)
                if m.get("id") == mid:
                    if "error" in m:
                        raise RuntimeError(f"{method}: {m['error']}")
                    return m["result"]
        return self.loop.run_sync(reply, timeout=timeout)

    def close(self):
        self.ws.close()

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            return None
        return r["result"].get("value")


# What --page measures on a page of `gophlow run --html`.
PAGE_JS = r"""(function () {
  var maths = document.querySelectorAll('math');
  var flat = [];
  maths.forEach(function (m) {
    var r = m.getBoundingClientRect();
    // A browser without MathML shows the annotation's TeX as text; with it,
    // a formula with a fraction or a script is laid out taller than a line.
    if (r.width === 0 || r.height === 0 || m.textContent.indexOf('\\') >= 0 && getComputedStyle(m.querySelector('annotation')).display !== 'none') flat.push(m.outerHTML.slice(0, 80));
  });
  var imgs = [];
  document.querySelectorAll('img').forEach(function (i) {
    imgs.push({asked: +i.getAttribute('width'), shown: Math.round(i.getBoundingClientRect().width), natural: i.naturalWidth});
  });
  var fracs = 0;
  document.querySelectorAll('mfrac').forEach(function (f) { if (f.getBoundingClientRect().height > 20) fracs++; });
  return {complete: document.readyState === 'complete' && Array.prototype.every.call(document.images, function (i) { return i.complete; }),
          title: document.title, maths: maths.length, flat_maths: flat, red: document.querySelectorAll('[mathcolor=red]').length,
          fractions: fracs, images: imgs, keywords: document.querySelectorAll('span.kw').length,
          tables: document.querySelectorAll('table').length};
})()"""


STATE_JS = r"""(function () {
  var nb = window.Jupyter && Jupyter.notebook;
  if (!nb || !nb.kernel || !nb.kernel.info_reply || !nb.kernel.info_reply.language_info) return null;
  var tabs = document.querySelectorAll('.CodeMirror span.cm-tab');
  var arrows = 0;
  tabs.forEach(function (t) { if (getComputedStyle(t).backgroundImage !== 'none') arrows++; });
  var html = document.querySelectorAll('.output_html');
  var styled = 0, unstyled = 0;
  html.forEach(function (h) {
    if (h.querySelector('[style]')) styled++; else if (h.innerHTML.length) unstyled++;
  });
  return {
    dirty: nb.dirty,
    trusted: nb.trusted,
    trusted_label: $('#notification_trusted').text().trim(),
    autosave_status: $('#autosave_status').text().trim(),
    kernel_idle: $('#kernel_indicator_icon').hasClass('kernel_idle_icon'),
    tabs: tabs.length, tab_arrows: arrows,
    html_outputs: html.length, html_styled: styled, html_unstyled: unstyled,
    title: document.title
  };
})()"""


def start_chromium(chromium, tmp, env=None):
    """Headless Chromium in its own process group, and a DevTools client on its page."""
    port = free_port()
    chrome = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--remote-debugging-port={port}", f"--user-data-dir={os.path.join(tmp, 'chrome')}",
         "--window-size=1280,1000", "about:blank"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    targets = json.loads(wait_http(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t["type"] == "page")
    cdp = CDP(page["webSocketDebuggerUrl"])
    cdp.call("Page.enable")
    return chrome, cdp


def stop(procs):
    for p in reversed(procs):
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(p.pid, signal.SIGKILL)


def check_page(chromium, page, screenshots):
    """Prints what PAGE_JS measures on the page once it and its images loaded."""
    tmp = tempfile.mkdtemp(prefix="gophlow-page-")
    chrome = None
    try:
        chrome, cdp = start_chromium(chromium, tmp)
        cdp.call("Page.navigate", url="file://" + page)
        state, deadline = None, time.time() + 30
        while time.time() < deadline and not (state and state["complete"]):
            time.sleep(0.3)
            state = cdp.eval(PAGE_JS)
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            shot = cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            name = os.path.splitext(os.path.basename(page))[0] + "-page.png"
            with open(os.path.join(screenshots, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        cdp.close()
        print(json.dumps(state))
        return 0 if state and state["complete"] else 1
    finally:
        if chrome:
            stop([chrome])
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--screenshots", help="folder for a PNG of each opened notebook")
    ap.add_argument("--page", help="instead: measure this HTML page of gophlow run --html and print it as JSON")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("check-course-open: no chromium installed (apt-get install chromium)", file=sys.stderr)
        return 77
    if args.page:
        return check_page(chromium, os.path.abspath(args.page), args.screenshots)
    paths = args.notebooks or sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")) +
                                     glob.glob(os.path.join(ROOT, "notebooks", "exercises", "*.ipynb")))
    tmp = tempfile.mkdtemp(prefix="gophlow-open-")
    procs = []
    failures = []
    try:
        env = dict(os.environ)
        for d in ("config", "data", "runtime"):
            os.makedirs(os.path.join(tmp, d))
        env.update(JUPYTER_CONFIG_DIR=os.path.join(tmp, "config"), JUPYTER_DATA_DIR=os.path.join(tmp, "data"),
                   JUPYTER_RUNTIME_DIR=os.path.join(tmp, "runtime"), HOME=tmp)
        nbdir = os.path.join(tmp, "course")
        os.makedirs(nbdir)
        copies = []
        for p in paths:
            dst = os.path.join(nbdir, os.path.basename(p))
            shutil.copy2(p, dst)
            copies.append(dst)
        # What `make notebook` does before opening the course.
        subprocess.run([sys.executable, "-m", "nbformat.sign", "--log-level=WARN"] + copies, env=env, check=True)
        before = {c: (os.stat(c).st_mtime_ns, open(c, "rb").read()) for c in copies}

        port, token = free_port(), "gophlowcheck"
        nbserver = subprocess.Popen(
            [sys.executable, "-m", "notebook", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
             f"--NotebookApp.token={token}", f"--notebook-dir={nbdir}", "--allow-root",
             "--log-level=WARN"], env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "notebook.log"), "w"),
            start_new_session=True)
        procs.append(nbserver)
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/api/status?token={token}")

        chrome, cdp = start_chromium(chromium, tmp, env)
        procs.append(chrome)

        for c in copies:
            name = os.path.basename(c)
            cdp.call("Page.navigate", url=f"{base}/notebooks/{name}?token={token}")
            state, deadline = None, time.time() + 90
            while time.time() < deadline:
                state = cdp.eval(STATE_JS)
                if state and state["kernel_idle"]:
                    break
                time.sleep(0.5)
            time.sleep(1.5)  # let any late set_dirty land before judging
            state = cdp.eval(STATE_JS)
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                shot = cdp.call("Page.captureScreenshot", format="png")
                with open(os.path.join(args.screenshots, name.replace(".ipynb", ".png")), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            problems = []
            if not state:
                problems.append("the kernel never became ready")
            else:
                if state["dirty"] or state["autosave_status"] == "(unsaved changes)":
                    problems.append("marked unsaved on open")
                if not state["trusted"] or state["trusted_label"] == "Not Trusted":
                    problems.append("not trusted")
                if state["tab_arrows"]:
                    problems.append(f"{state['tab_arrows']} of {state['tabs']} tabs drawn as arrows")
                if state["html_unstyled"]:
                    problems.append(f"{state['html_unstyled']} HTML outputs lost their styles")
            print(f"{name}: {'clean' if not problems else 'NOT CLEAN: ' + '; '.join(problems)} {json.dumps(state)}")
            if problems:
                failures.append(name)
            # Shut the kernel down through the REST API, as closing the tab would not.
            for s in json.loads(wait_http(f"{base}/api/sessions?token={token}")):
                req = urllib.request.Request(f"{base}/api/sessions/{s['id']}?token={token}", method="DELETE")
                urllib.request.urlopen(req, timeout=30).read()
            cdp.call("Page.navigate", url="about:blank")
        cdp.close()

        for c in copies:
            mtime, data = before[c]
            if os.stat(c).st_mtime_ns != mtime or open(c, "rb").read() != data:
                print(f"{os.path.basename(c)}: NOT CLEAN: the file was rewritten by opening it")
                failures.append(os.path.basename(c))
        checkpoints = glob.glob(os.path.join(nbdir, ".ipynb_checkpoints", "*"))
        if checkpoints:
            print("NOT CLEAN: opening saved checkpoints:", checkpoints)
            failures.append("checkpoints")
    finally:
        stop(procs)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(copies) - len(set(failures))}/{len(copies)} notebooks open clean")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
