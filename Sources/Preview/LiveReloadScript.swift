/// The script `howto serve` adds to every HTML page it serves (`/__howto/live.js`): it listens to the
/// server's events, reloads the page when its URL was rebuilt, and shows the content's errors in an
/// overlay until a save fixes them. Nothing of it is in `howto build`'s site.
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
          events.addEventListener("reload", (event) => {
            const urls = JSON.parse(event.data).urls;
            if (urls.includes("*") || urls.includes(here)) location.reload();
          });
        })();
        """#
}
