#!/usr/bin/env python3
"""Drives `howto serve` as a writer uses it, in headless Chromium over DevTools, and prints a JSON report.

Usage: serve_check.py --howto BIN --content DIR --page /how-to/x/ --file DIR/how-to/x.md [--edits N]
                      [--screenshots DIR] [--chromium PATH]

Starts `howto serve --content DIR --port 0`, opens the page, and then, as a writer would:
  1. edits the file's first `## ` heading and waits for the open page to show it (no reload by us), in
     place with the scroll position kept, its tabs working;
  2. saves a broken file (an unclosed `{% if %}`) and waits for the error overlay with `file:line:col`;
  3. saves the original again and waits for the overlay to go;
  4. with --edits N, saves N edits of one paragraph line and times each: save to the server's reload event
     (rebuilt: detected, rebuilt and announced) and save to the new text on the open page (reloaded);
  5. stops the server with SIGTERM and reports its exit status.
The file is restored whatever happens. Exit status 0 means the report was produced (the caller asserts on
it); 1 means the browser or the server could not be driven at all.
Needs: chromium (or $CHROMIUM) and the `websocket-client` package; shares browser_check.py's DevTools client.
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SiteTests"))
from browser_check import DevTools, console_problems, launch_chromium, report_main  # noqa: E402


def start_server(howto, content):
    """`howto serve` on a free port; returns the process, its URL and its output lines (read on a thread)."""
    process = subprocess.Popen([howto, "serve", "--content", content, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines, errors = [], []
    found = threading.Event()
    url = {}

    def read(stream, into):
        for line in stream:
            into.append(line.rstrip("\n"))
            match = re.search(r"serving (http://\S+)", line)
            if match:
                url["value"] = match.group(1)
                found.set()
        found.set()

    threading.Thread(target=read, args=(process.stdout, lines), daemon=True).start()
    threading.Thread(target=read, args=(process.stderr, errors), daemon=True).start()
    found.wait(120)
    if "value" not in url:
        process.kill()
        raise RuntimeError("howto serve did not start: %s" % "\n".join(lines + errors)[-2000:])
    return process, url["value"], lines, errors


class EventLog:
    """The server's events as a second listener sees them, each with its arrival time."""

    def __init__(self, base):
        self.events = []
        self.lock = threading.Lock()
        self.response = urllib.request.urlopen(base + "__howto/events", timeout=600)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        name = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    with self.lock:
                        self.events.append((time.monotonic(), name, json.loads(line[6:])))
        except Exception:
            pass

    def first_after(self, start, name, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for at, event, data in self.events:
                    if at >= start and event == name:
                        return at, data
            time.sleep(0.001)
        return None, None


def wait_for(devtools, expression, timeout=10, interval=0.005):
    """Polls `expression` in the page until it is truthy; returns (value, seconds waited)."""
    start = time.monotonic()
    deadline = start + timeout
    while time.monotonic() < deadline:
        try:
            value = devtools.evaluate(expression)
        except RuntimeError:
            value = None  # the page is between documents
        if value:
            return value, time.monotonic() - start
        time.sleep(interval)
    return None, time.monotonic() - start


def save(path, text):
    """Saves as editors do: a new file renamed over the old one."""
    temporary = path + ".howto-save"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, path)


def screenshot(devtools, folder, name, report):
    if not folder:
        return
    shot = devtools.call("Page.captureScreenshot", format="png")
    path = os.path.join(folder, name + ".png")
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    report.setdefault("screenshots", []).append(path)


def run(args):
    report = {"page": args.page}
    with open(args.file) as f:
        original = f.read()
    headings = re.findall(r"^## (.+)$", original, re.M)
    if not headings:
        raise RuntimeError("%s has no `## ` heading to edit" % args.file)
    server, base, lines, errors = start_server(args.howto, args.content)
    profile = tempfile.mkdtemp(prefix="howto-serve-chromium-")
    chromium = None
    devtools = None
    try:
        chromium, browser_ws = launch_chromium(args.chromium, profile)
        port = re.search(r"ws://[^:]+:(\d+)/", browser_ws).group(1)
        with urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=10) as response:
            target = next(t for t in json.load(response) if t.get("type") == "page")
        devtools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            devtools.call(domain + ".enable")
        devtools.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)
        devtools.call("Page.navigate", url=base.rstrip("/") + args.page)
        wait_for(devtools, "document.readyState === 'complete' && !!document.querySelector('h1')", timeout=30)
        report["scriptLoaded"] = devtools.evaluate("!!document.querySelector('script[src=\"/__howto/live.js\"]')")
        events = EventLog(base)

        # 1. An edited heading shows up on the open page.
        heading = "Edited heading %d" % os.getpid()
        devtools.evaluate("window.__howtoNotReloaded = true; window.scrollTo(0, 400)")
        scrolled = devtools.evaluate("window.scrollY")
        save(args.file, original.replace("## " + headings[0], "## " + heading, 1))
        shown, seconds = wait_for(devtools, "[...document.querySelectorAll('h2')].some(h => h.textContent.includes(%s))"
                                  % json.dumps(heading))
        report["editedHeadingShown"] = bool(shown)
        report["editedHeadingSeconds"] = round(seconds, 3)
        # The default templates let the preview swap the page in place: no reload, the scroll position kept.
        report["updatedInPlace"] = devtools.evaluate("window.__howtoNotReloaded === true")
        report["scrollKept"] = scrolled > 0 and devtools.evaluate("window.scrollY") == scrolled
        report["tabsWorkAfterSwap"] = devtools.evaluate(
            "(() => { const tab = document.querySelectorAll('.tabs [role=tab]')[1]; if (!tab) return null;"
            " tab.click(); return tab.getAttribute('aria-selected') === 'true'; })()")
        screenshot(devtools, args.screenshots, "serve-edited", report)

        # 2. A broken save shows the overlay, with the file and line.
        save(args.file, original + "\n{% if broken %}\nunclosed\n")
        overlay, _ = wait_for(devtools, "document.querySelector('#howto-problems')?.innerText || ''")
        report["overlayText"] = overlay or ""
        report["pageKeptWhileBroken"] = devtools.evaluate("!!document.querySelector('h1')")
        screenshot(devtools, args.screenshots, "serve-broken", report)

        # 3. The fix removes it.
        save(args.file, original)
        gone, _ = wait_for(devtools, "!document.querySelector('#howto-problems') && "
                           "[...document.querySelectorAll('h2')].some(h => h.textContent.includes(%s))" % json.dumps(headings[0]))
        report["overlayGoneAfterFix"] = bool(gone)
        screenshot(devtools, args.screenshots, "serve-fixed", report)

        # 4. Timed edits of one line.
        rebuilt, reloaded, server_ms = [], [], []
        body = original.split("\n---\n", 1)[-1]  # after the front matter: an edit there leaves the listings alone
        anchor = next((line for line in body.splitlines() if line and line[0].isalpha() and len(line) > 20), None)
        for number in range(args.edits):
            marker = "Timed edit %d of %d." % (number + 1, os.getpid())
            text = original.replace(anchor, anchor + " " + marker, 1) if anchor else original + "\n" + marker + "\n"
            time.sleep(0.05)
            start = time.monotonic()
            save(args.file, text)
            at, data = events.first_after(start, "reload")
            shown, _ = wait_for(devtools, "document.body.innerText.includes(%s)" % json.dumps(marker), interval=0.001)
            done = time.monotonic()
            if at is None or not shown:
                report.setdefault("missedEdits", []).append(number + 1)
                continue
            rebuilt.append((at - start) * 1000)
            reloaded.append((done - start) * 1000)
            server_ms.append(data.get("ms", 0))
        if rebuilt:
            report["timing"] = {
                "edits": len(rebuilt),
                "rebuiltMedianMs": round(statistics.median(rebuilt), 1), "rebuiltMaxMs": round(max(rebuilt), 1),
                "reloadedMedianMs": round(statistics.median(reloaded), 1), "reloadedMaxMs": round(max(reloaded), 1),
                "serverRebuildMedianMs": round(statistics.median(server_ms), 1), "serverRebuildMaxMs": round(max(server_ms), 1),
            }
        report["consoleProblems"] = console_problems(devtools.drain())
    finally:
        with open(args.file, "w") as f:
            f.write(original)
        if devtools:
            devtools.close()
        if chromium:
            chromium.terminate()
            try:
                chromium.wait(timeout=10)
            except subprocess.TimeoutExpired:
                chromium.kill()
        shutil.rmtree(profile, ignore_errors=True)
        # 5. SIGTERM stops the server cleanly, with a page still listening.
        server.send_signal(signal.SIGTERM)
        try:
            report["serverExit"] = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            report["serverExit"] = "did not stop within 10 s of SIGTERM"
        time.sleep(0.1)
        report["serverOutput"] = lines[-40:]
        report["serverErrors"] = errors[-40:]
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--howto", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--edits", type=int, default=0)
    parser.add_argument("--screenshots")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    return report_main(run, parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
