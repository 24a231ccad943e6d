// Every user text on the HTML page (unit and commune names, file names, sheet names, reasons)
// goes through here: in element content and in attribute values alike.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Characters XML and HTML never allow in text (C0 controls but tab and line breaks, lone surrogates' stand-ins). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(FORBIDDEN, "\uFFFD");
}
