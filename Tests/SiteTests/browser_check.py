#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol against a built site and prints a JSON report.

Usage: browser_check.py --site DIR --page /how-to/x/ --query "Hashicorp Vault" [--screenshot PNG]

The site is served by an HTTP server on 127.0.0.1 (ephemeral port) started here. The report says what the
search box listed, whether a tab switch showed the other panel, how many copy buttons there are, what a
click on one copied, and every console error, exception or failed resource load. Exit status 0 means the
report was produced (the caller asserts on it); 1 means the browser could not be driven at all.
Needs: chromium (or $CHROMIUM) and the `websocket-client` package.
"""

import argparse
import base64
import functools
import http.server
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import websocket  # websocket-client


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(site_dir):
    handler = functools.partial(QuietHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def launch_chromium(binary, profile):
    process = subprocess.Popen(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
         "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
         "--window-size=1366,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 30
    lines = []
    while time.time() < deadline:
        line = process.stderr.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        lines.append(line)
        match = re.search(r"DevTools listening on (ws://\S+)", line)
        if match:
            # Keep draining stderr so chromium never blocks on a full pipe.
            threading.Thread(target=lambda: process.stderr.read(), daemon=True).start()
            return process, match.group(1)
    process.kill()
    raise RuntimeError("chromium did not start its DevTools endpoint:\n" + "".join(lines[-20:]))


class DevTools:
    """A minimal DevTools protocol client: one websocket per page, events collected on a queue."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = queue.Queue()
        self.replies = {}
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                message = json.loads(self.ws.recv())
            except Exception:
                return
            if "id" in message:
                with self.lock:
                    self.replies[message["id"]] = message
            else:
                self.events.put(message)

    def call(self, method, timeout=30, **params):
        with self.lock:
            self.next_id += 1
            call_id = self.next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                reply = self.replies.pop(call_id, None)
            if reply is not None:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            time.sleep(0.01)
        raise RuntimeError(method + ": no reply within %ss" % timeout)

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError("evaluate failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def drain(self):
        events = []
        while True:
            try:
                events.append(self.events.get_nowait())
            except queue.Empty:
                return events

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass


def wait_for(devtools, expression, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = devtools.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    return devtools.evaluate(expression)


def click(devtools, selector_expression):
    """Clicks the centre of an element with real mouse events; returns False when it is not there."""
    box = devtools.evaluate(
        "(() => { const el = %s; if (!el) return null; el.scrollIntoView({block: 'center'});"
        " const r = el.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
        % selector_expression)
    if not box:
        return False
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        devtools.call("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)
    return True


def console_problems(events):
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            problems.append("exception: " + str(text))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append("console.%s: %s" % (params.get("type"), args))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append("log (%s): %s %s" % (entry.get("source"), entry.get("text"), entry.get("url", "")))
    return problems


TABS_STATE = """(() => {
  const group = document.querySelector('.tabs');
  if (!group) return null;
  const tabs = [...group.querySelectorAll('[role=tab]')].filter(t => t.closest('.tabs') === group);
  const panels = [...group.querySelectorAll('[role=tabpanel]')].filter(p => p.closest('.tabs') === group);
  const visible = el => !!el && el.offsetParent !== null && getComputedStyle(el).display !== 'none';
  return {
    tabs: tabs.map(t => t.textContent.trim()),
    selected: tabs.map(t => t.getAttribute('aria-selected') === 'true'),
    visible: panels.map(visible),
    focused: tabs.indexOf(document.activeElement)
  };
})()"""


def run(args):
    report = {"page": args.page}
    server = serve(args.site)
    base = "http://127.0.0.1:%d" % server.server_address[1]
    profile = tempfile.mkdtemp(prefix="howto-chromium-")
    process = None
    devtools = None
    try:
        process, browser_ws = launch_chromium(args.chromium, profile)
        port = re.search(r"ws://[^:]+:(\d+)/", browser_ws).group(1)
        with urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=10) as response:
            targets = json.load(response)
        page_target = next(t for t in targets if t.get("type") == "page")
        devtools = DevTools(page_target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            devtools.call(domain + ".enable")
        try:
            devtools.call("Browser.grantPermissions", origin=base,
                          permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        except RuntimeError:
            pass
        devtools.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)

        url = base + args.page
        devtools.call("Page.navigate", url=url)
        wait_for(devtools, "document.readyState === 'complete'", timeout=20)
        report["title"] = devtools.evaluate("document.title")
        report["status"] = devtools.evaluate("document.querySelector('h1') ? 'ok' : 'no h1'")

        if args.screenshot:
            shot = devtools.call("Page.captureScreenshot", format="png")
            with open(args.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            report["screenshot"] = args.screenshot
            if args.full_screenshot:
                size = devtools.evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})")
                full = devtools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                     clip={"x": 0, "y": 0, "width": size["w"], "height": min(size["h"], 12000), "scale": 1})
                with open(args.full_screenshot, "wb") as f:
                    f.write(base64.b64decode(full["data"]))

        # Topology: content for the other deployment topology is not shown.
        report["topology"] = devtools.evaluate(
            "(() => { const page = document.querySelector('[data-page-topology]').dataset.pageTopology;"
            " const blocks = [...document.querySelectorAll('[data-deployment-topology]')];"
            " const other = blocks.filter(b => b.dataset.deploymentTopology !== page);"
            " return {page: page, otherBlocks: other.length,"
            " otherVisible: other.filter(b => b.offsetParent !== null).length}; })()")

        # Copy buttons: present on code blocks, and a click copies the block's code.
        report["codeBlocks"] = devtools.evaluate("document.querySelectorAll('.article pre').length")
        report["copyButtons"] = devtools.evaluate("document.querySelectorAll('.copy-button, .copy-code').length")
        expected = devtools.evaluate(
            "(() => { const b = document.querySelector('.copy-button, .copy-code');"
            " const c = b && (b.closest('.code-block, .custom-code-block') || b.parentElement).querySelector('pre');"
            " return c ? c.textContent : null; })()")
        if click(devtools, "document.querySelector('.copy-button, .copy-code')"):
            report["copyButtonText"] = wait_for(
                devtools, "(() => { const t = document.querySelector('.copy-button, .copy-code').textContent;"
                          " return t !== 'Copy' ? t : ''; })()", timeout=5)
            try:
                copied = devtools.evaluate("navigator.clipboard.readText()", await_promise=True)
            except RuntimeError as error:
                copied = None
                report["clipboardReadError"] = str(error)[:200]
            report["copiedMatches"] = copied is not None and expected is not None and copied.strip() == expected.strip()

        # Tabs: a click on the second tab shows its panel and hides the first; arrow keys move back.
        before = devtools.evaluate(TABS_STATE)
        report["tabsBefore"] = before
        if before and len(before["tabs"]) >= 2:
            click(devtools, "[...document.querySelector('.tabs').querySelectorAll('[role=tab]')]"
                            ".filter(t => t.closest('.tabs') === document.querySelector('.tabs'))[1]")
            report["tabsAfterClick"] = devtools.evaluate(TABS_STATE)
            devtools.call("Input.dispatchKeyEvent", type="keyDown", key="ArrowLeft", code="ArrowLeft",
                          windowsVirtualKeyCode=37)
            devtools.call("Input.dispatchKeyEvent", type="keyUp", key="ArrowLeft", code="ArrowLeft",
                          windowsVirtualKeyCode=37)
            report["tabsAfterArrowLeft"] = devtools.evaluate(TABS_STATE)

        # Search: type the query into the box and read the listed results.
        click(devtools, "document.getElementById('search-input')")
        devtools.call("Input.insertText", text=args.query)
        report["searchResults"] = wait_for(
            devtools, "[...document.querySelectorAll('#search-results [role=option] a')]"
                      ".map(a => ({title: a.querySelector('.result-title').textContent, url: a.getAttribute('href')}))",
            timeout=10) or []
        report["searchVisible"] = devtools.evaluate("!document.getElementById('search-results').hidden")

        # Verification badge (a site built with --results): shown, with its outcome's colours.
        report["verification"] = devtools.evaluate(
            "(() => { const b = document.querySelector('.verification'); if (!b) return null;"
            " const r = b.getBoundingClientRect(); const s = getComputedStyle(b);"
            " return {text: b.textContent, verdict: b.dataset.verdict, visible: r.width > 0 && r.height > 0,"
            " border: s.borderTopColor}; })()")
        time.sleep(0.3)
        report["consoleErrors"] = console_problems(devtools.drain())

        # The listing's "Only verified how-tos" filter.
        devtools.call("Page.navigate", url=base + args.listing)
        wait_for(devtools, "document.readyState === 'complete'", timeout=20)
        visible = "[...document.querySelectorAll('.page-list > .page-card')].filter(c => c.offsetParent !== null).length"
        report["listingCards"] = devtools.evaluate(visible)
        if devtools.evaluate("!!document.getElementById('verified-only')"):
            click(devtools, "document.getElementById('verified-only')")
            time.sleep(0.2)
            report["listingCardsVerifiedOnly"] = devtools.evaluate(visible)
        time.sleep(0.3)
        report["consoleErrors"] += console_problems(devtools.drain())
        return report
    finally:
        if devtools:
            devtools.close()
        if process:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--query", default="Hashicorp Vault")
    parser.add_argument("--listing", default="/how-to/")
    parser.add_argument("--screenshot")
    parser.add_argument("--full-screenshot")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    return report_main(run, parser.parse_args())


def report_main(run, args):
    """Prints `run(args)`'s report as JSON (exit 0), or the error that stopped it (exit 1), for the Swift test."""
    try:
        report = run(args)
    except Exception as error:  # the caller shows this message
        print(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}))
        return 1
    print(json.dumps(report, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
