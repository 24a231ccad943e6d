// The built sidebar.html in headless Chromium: where Debian's Chromium is, and google.script.run as
// the sidebar sees it (chained handlers, then the server function by name, answered by the page's
// exposed __gasCall).
import { existsSync } from "node:fs";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export const BRIDGE = `
  (() => {
    const runner = (h) => new Proxy({}, { get: (_, name) => {
      if (name === "withSuccessHandler") return (f) => runner({ ...h, ok: f });
      if (name === "withFailureHandler") return (f) => runner({ ...h, err: f });
      return (...args) => { window.__gasCall(String(name), JSON.stringify(args)).then((text) => {
        const r = JSON.parse(text);
        if ("error" in r) { if (h.err) h.err(new Error(r.error)); } else if (h.ok) h.ok(r.value);
      }); };
    } });
    window.google = { script: { run: runner({}) } };
  })();`;
