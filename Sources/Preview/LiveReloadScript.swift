/// The script `howto serve` adds to every HTML page it serves (`/__howto/live.js`): it listens to the
/// server's events, swaps in the rebuilt page when its URL was rebuilt (or reloads it), and shows the
/// content's errors in an overlay until a save fixes them. Nothing of it is in `howto build`'s site.
enum LiveReloadScript {
    /// Where pages load the script from.
    static let path = "/__howto/live.js"
    /// Where the script listens for events.
    static let eventsPath = "/__howto/events"

    /// The tag added before `</body>`.
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// The script's source.
    static let source = #"""
        (() => {
          "use strict";
          const here = location.pathname;
          const events = new EventSource("/__howto/events");
          let overlay = null;
          function show(text) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "howto-problems";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.96);" +
                "color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto";
              const title = document.createElement("h2");
              title.textContent = "howto serve: the content has errors (the last good version is shown under this)";
              title.style.cssText = "color:#ff8a80;font:600 16px/1.4 system-ui,sans-serif;margin:0 0 1rem";
              const body = document.createElement("pre");
              body.style.cssText = "white-space:pre-wrap;margin:0";
              overlay.append(title, body);
              document.body.append(overlay);
            }
            overlay.querySelector("pre").textContent = text;
          }
          function clear() {
            if (overlay) { overlay.remove(); overlay = null; }
          }
          events.addEventListener("problems", (event) => show(JSON.parse(event.data).text));
          events.addEventListener("ok", clear);
          // A rebuilt page replaces the body in place (scroll kept) when the site's script can set the new
          // body up (window.howtoPageSetup); otherwise, and when the whole site changed, the page reloads.
          async function swap() {
            if (typeof window.howtoPageSetup !== "function") return location.reload();
            try {
              const response = await fetch(location.pathname + location.search, { cache: "no-store" });
              if (!response.ok) return location.reload();
              const next = new DOMParser().parseFromString(await response.text(), "text/html");
              const [x, y] = [window.scrollX, window.scrollY];
              document.title = next.title;
              overlay = null;
              document.body.replaceWith(next.body);
              window.howtoPageSetup();
              window.scrollTo(x, y);
            } catch (error) {
              location.reload();
            }
          }
          events.addEventListener("reload", (event) => {
            const urls = JSON.parse(event.data).urls;
            if (urls.includes("*")) location.reload();
            else if (urls.includes(here)) swap();
          });
        })();
        """#
}
