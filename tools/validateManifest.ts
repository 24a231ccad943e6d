// `npm run validate`: an offline check of the add-in only (XML) manifest against what the manifest schema
// (OfficeApp 1.1, TaskPaneAppVersionOverrides 1.0, OfficeAppBasicTypes 1.0) and Microsoft's manifest reference
// require of a task pane add-in with a shared runtime and custom functions: element order and namespaces, required
// elements and attributes, value formats and lengths, resids that resolve to the right kind of resource, https
// URLs, one runtime shared by the page, the functions and the ribbon, and requirement sets in the right place.
// Microsoft's own validator needs the network: `npm run validate:online` (office-addin-manifest validate).
//
//   npx tsx tools/validateManifest.ts [manifest.xml] [--base https://host/path] [--files DIR] [--online] [--lang en]
//     --base   every URL must be under this address (a built or packaged manifest)
//     --files  every URL under --base must be a file in DIR (the folder that will be served there)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

type Lang = "vi" | "en";

/** One problem: where (an element path) and what, in both languages. */
export interface ManifestProblem {
  path: string;
  vi: string;
  en: string;
}

export interface CheckOptions {
  /** Every URL must start with this address followed by "/". */
  baseUrl?: string;
  /** With baseUrl: every URL under it must name a file in this folder. */
  filesDir?: string;
}

interface El {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  path: string;
}

// ------------------------------------------------------------------ parsing with namespaces
type Raw = Record<string, unknown>;

function toTree(xml: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const nodes = parser.parse(xml) as Raw[];
  const build = (node: Raw, scope: Record<string, string>, parentPath: string): El | undefined => {
    const tag = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
    if (!tag) return undefined;
    const attrs = { ...((node[":@"] as Record<string, string> | undefined) ?? {}) };
    const inner: Record<string, string> = { ...scope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "xmlns") inner[""] = v;
      else if (k.startsWith("xmlns:")) inner[k.slice(6)] = v;
    }
    const [prefix, local] = tag.includes(":") ? [tag.slice(0, tag.indexOf(":")), tag.slice(tag.indexOf(":") + 1)] : ["", tag];
    const ns = inner[prefix] ?? `(undeclared prefix ${prefix})`;
    const raw = (node[tag] as Raw[]) ?? [];
    const same = parentPath ? parentPath : "";
    const path = same ? `${same}/${local}` : local;
    const el: El = { ns, name: local, attrs, children: [], text: "", path };
    for (const child of raw) {
      if (typeof child["#text"] === "string") el.text += child["#text"];
      else {
        const c = build(child, inner, path);
        if (c) el.children.push(c);
      }
    }
    return el;
  };
  const rootNode = nodes.find((n) => Object.keys(n).some((k) => k !== ":@" && k !== "#text" && !k.startsWith("?")));
  const root = rootNode ? build(rootNode, { xsi: NS.xsi, xml: "http://www.w3.org/XML/1998/namespace" }, "") : undefined;
  if (!root) throw new Error("no root element");
  return root;
}

/** The xsi:type of an element, without its prefix. */
function xsiType(el: El): string | undefined {
  const key = Object.keys(el.attrs).find((k) => k.endsWith(":type") && k.split(":")[0] !== "" && (k.split(":")[0] === "xsi" || el.attrs[`xmlns:${k.split(":")[0]}`] === NS.xsi));
  const v = key ? el.attrs[key] : undefined;
  return v?.includes(":") ? v.slice(v.indexOf(":") + 1) : v;
}

// ------------------------------------------------------------------ the rules
interface Slot {
  ns: string;
  name: string;
  min: number;
  max: number;
}
const one = (ns: string, name: string): Slot => ({ ns, name, min: 1, max: 1 });
const opt = (ns: string, name: string): Slot => ({ ns, name, min: 0, max: 1 });
const many = (ns: string, name: string, min = 0): Slot => ({ ns, name, min, max: Infinity });

const BASE_SEQUENCE: Slot[] = [
  one(NS.app, "Id"),
  opt(NS.app, "AlternateId"),
  one(NS.app, "Version"),
  one(NS.app, "ProviderName"),
  one(NS.app, "DefaultLocale"),
  one(NS.app, "DisplayName"),
  one(NS.app, "Description"),
  opt(NS.app, "IconUrl"),
  opt(NS.app, "HighResolutionIconUrl"),
  opt(NS.app, "SupportUrl"),
  opt(NS.app, "AppDomains"),
  opt(NS.app, "Hosts"),
  opt(NS.app, "Requirements"),
  one(NS.app, "DefaultSettings"),
  one(NS.app, "Permissions"),
  opt(NS.app, "Dictionary"),
  opt(NS.vo, "VersionOverrides"),
];
const VO_SEQUENCE: Slot[] = [opt(NS.vo, "Description"), opt(NS.vo, "Requirements"), opt(NS.vo, "Hosts"), opt(NS.vo, "Resources"), opt(NS.vo, "WebApplicationInfo"), opt(NS.vo, "EquivalentAddins")];
const WORKBOOK_SEQUENCE: Slot[] = [opt(NS.vo, "Runtimes"), opt(NS.vo, "AllFormFactors"), opt(NS.vo, "DesktopFormFactor")];
const RESOURCES_SEQUENCE: Slot[] = [opt(NS.bt, "Images"), opt(NS.bt, "Urls"), opt(NS.bt, "ShortStrings"), opt(NS.bt, "LongStrings")];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const HOST_NAMES = ["Document", "Database", "Mailbox", "Notebook", "Presentation", "Project", "Workbook"];
const UUID = /^(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
const VERSION = /^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/;
const SHORT_VERSION = /^[0-9]{1,5}\.[0-9]{1,5}$/;
const CULTURE = /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
const SHORT_STRING = 125;
const LONG_STRING = 250;
const URL_MAX = 2048;
const RESID_MAX = 32;

type ResKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const KIND_VI: Record<ResKind, string> = { Images: "bt:Images (ảnh)", Urls: "bt:Urls (địa chỉ)", ShortStrings: "bt:ShortStrings (chuỗi ngắn)", LongStrings: "bt:LongStrings (chuỗi dài)" };

class Checker {
  problems: ManifestProblem[] = [];
  /** resid uses: the element path and the kind of resource it must name. */
  residUses: Array<{ path: string; resid: string; kind: ResKind }> = [];
  urls: Array<{ path: string; url: string }> = [];

  add(path: string, vi: string, en: string): void {
    this.problems.push({ path, vi, en });
  }

  sequence(parent: El, slots: Slot[]): void {
    let i = 0;
    const counts = new Map<Slot, number>();
    for (const child of parent.children) {
      let j = i;
      while (j < slots.length && !(slots[j]!.ns === child.ns && slots[j]!.name === child.name)) j++;
      if (j === slots.length) {
        const known = slots.findIndex((s) => s.ns === child.ns && s.name === child.name);
        if (known >= 0)
          this.add(child.path, `<${child.name}> sai thứ tự: phải đứng trước <${slots[i]?.name ?? "?"}>`, `<${child.name}> is out of order: it must come before <${slots[i]?.name ?? "?"}>`);
        else {
          const sameName = slots.find((s) => s.name === child.name);
          if (sameName)
            this.add(child.path, `<${child.name}> sai không gian tên: ${child.ns} (cần ${sameName.ns})`, `<${child.name}> is in the wrong namespace: ${child.ns} (expected ${sameName.ns})`);
          else this.add(child.path, `<${child.name}> không được phép trong <${parent.name}>`, `<${child.name}> is not allowed in <${parent.name}>`);
        }
        continue;
      }
      i = j;
      const slot = slots[j]!;
      const n = (counts.get(slot) ?? 0) + 1;
      counts.set(slot, n);
      if (n > slot.max) this.add(child.path, `<${child.name}> chỉ được có ${slot.max} lần`, `<${child.name}> may appear ${slot.max} time(s) only`);
    }
    for (const slot of slots) {
      if ((counts.get(slot) ?? 0) < slot.min) this.add(`${parent.path}/${slot.name}`, `thiếu <${slot.name}> trong <${parent.name}>`, `<${parent.name}> lacks <${slot.name}>`);
    }
  }

  attr(el: El, name: string): string | undefined {
    const v = el.attrs[name];
    if (v === undefined || v === "") {
      this.add(el.path, `<${el.name}> thiếu thuộc tính ${name}`, `<${el.name}> lacks the attribute ${name}`);
      return undefined;
    }
    return v;
  }

  child(el: El, ns: string, name: string): El | undefined {
    return el.children.find((c) => c.ns === ns && c.name === name);
  }

  children(el: El, ns: string, name: string): El[] {
    return el.children.filter((c) => c.ns === ns && c.name === name);
  }

  length(path: string, what: string, value: string, max: number): void {
    if (value.length < 1 || value.length > max) this.add(path, `${what} phải dài 1-${max} ký tự (đang là ${value.length})`, `${what} must be 1-${max} characters long (it is ${value.length})`);
  }

  url(path: string, value: string | undefined): void {
    if (value === undefined) return;
    this.urls.push({ path, url: value });
    if (value.length > URL_MAX) this.add(path, `địa chỉ dài quá ${URL_MAX} ký tự`, `URL longer than ${URL_MAX} characters`);
    if (!/^https:\/\/[^/\s]+/.test(value)) this.add(path, `địa chỉ phải là https://: ${value}`, `the URL must be https://: ${value}`);
  }

  /** A locale-aware setting: DefaultValue plus Override Locale/Value children. */
  setting(el: El | undefined, ns: string, kind: "short" | "long" | "url"): void {
    if (!el) return;
    const check = (path: string, v: string | undefined) => {
      if (v === undefined) return;
      if (kind === "url") this.url(path, v);
      else this.length(path, `<${el.name}>`, v, kind === "short" ? SHORT_STRING : LONG_STRING);
    };
    check(el.path, this.attr(el, "DefaultValue"));
    for (const o of el.children) {
      if (o.ns !== ns || o.name !== "Override") {
        this.add(o.path, `<${o.name}> không được phép trong <${el.name}>`, `<${o.name}> is not allowed in <${el.name}>`);
        continue;
      }
      const loc = this.attr(o, "Locale");
      if (loc !== undefined && !CULTURE.test(loc)) this.add(o.path, `Locale "${loc}" không phải mã ngôn ngữ`, `Locale "${loc}" is not a culture name`);
      check(o.path, this.attr(o, "Value"));
    }
  }

  resid(el: El | undefined, kind: ResKind): string | undefined {
    if (!el) return undefined;
    const r = this.attr(el, "resid");
    if (r === undefined) return undefined;
    if (r.length > RESID_MAX) this.add(el.path, `resid "${r}" dài quá ${RESID_MAX} ký tự`, `resid "${r}" is longer than ${RESID_MAX} characters`);
    this.residUses.push({ path: el.path, resid: r, kind });
    return r;
  }

  requirements(el: El, ns: string): Array<{ name: string; min: string }> {
    this.sequence(el, [opt(ns, "Sets"), opt(ns, "Methods")]);
    const out: Array<{ name: string; min: string }> = [];
    for (const sets of this.children(el, ns, "Sets")) {
      const dflt = sets.attrs.DefaultMinVersion ?? "1.1";
      if (!SHORT_VERSION.test(dflt)) this.add(sets.path, `DefaultMinVersion "${dflt}" phải có dạng 1.1`, `DefaultMinVersion "${dflt}" must look like 1.1`);
      this.sequence(sets, [many(ns, "Set", 1)]);
      for (const set of this.children(sets, ns, "Set")) {
        const name = this.attr(set, "Name");
        const min = set.attrs.MinVersion ?? dflt;
        if (!SHORT_VERSION.test(min)) this.add(set.path, `MinVersion "${min}" phải có dạng 1.13`, `MinVersion "${min}" must look like 1.13`);
        if (name) out.push({ name, min });
      }
    }
    return out;
  }
}

/** Problems found in a manifest; an empty list means it passed. */
export function checkManifest(xml: string, options: CheckOptions = {}): ManifestProblem[] {
  const c = new Checker();
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    c.add(`line ${wellFormed.err.line}`, `XML hỏng: ${wellFormed.err.msg}`, `malformed XML: ${wellFormed.err.msg}`);
    return c.problems;
  }
  // XML forbids "--" inside a comment (and a comment ending in "-"); fast-xml-parser lets it pass, Office's parser does not.
  for (const m of xml.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (m[1]!.includes("--") || m[1]!.endsWith("-")) {
      const line = xml.slice(0, m.index).split("\n").length;
      c.add(`line ${line}`, `chú thích XML không được chứa "--"`, `an XML comment may not contain "--"`);
    }
  }
  let app: El;
  try {
    app = toTree(xml);
  } catch (e) {
    c.add("/", `không đọc được XML: ${(e as Error).message}`, `cannot read the XML: ${(e as Error).message}`);
    return c.problems;
  }
  if (app.ns !== NS.app || app.name !== "OfficeApp") {
    c.add(app.path, `phần tử gốc phải là <OfficeApp xmlns="${NS.app}">`, `the root element must be <OfficeApp xmlns="${NS.app}">`);
    return c.problems;
  }
  if (xsiType(app) !== "TaskPaneApp") c.add(app.path, `OfficeApp phải có xsi:type="TaskPaneApp" (add-in ngăn tác vụ)`, `OfficeApp must have xsi:type="TaskPaneApp"`);
  c.sequence(app, BASE_SEQUENCE);
  const get = (name: string) => c.child(app, NS.app, name);

  const id = get("Id")?.text ?? "";
  if (get("Id") && !UUID.test(id)) c.add(get("Id")!.path, `Id "${id}" phải là một GUID`, `Id "${id}" must be a GUID`);
  const version = get("Version");
  if (version && !VERSION.test(version.text)) c.add(version.path, `Version "${version.text}" phải có dạng 1.0.0.0`, `Version "${version.text}" must look like 1.0.0.0`);
  const provider = get("ProviderName");
  if (provider) c.length(provider.path, "<ProviderName>", provider.text, SHORT_STRING);
  const locale = get("DefaultLocale");
  if (locale && !CULTURE.test(locale.text)) c.add(locale.path, `DefaultLocale "${locale.text}" không phải mã ngôn ngữ`, `DefaultLocale "${locale.text}" is not a culture name`);
  c.setting(get("DisplayName"), NS.app, "short");
  c.setting(get("Description"), NS.app, "long");
  c.setting(get("IconUrl"), NS.app, "url");
  c.setting(get("HighResolutionIconUrl"), NS.app, "url");
  c.setting(get("SupportUrl"), NS.app, "url");
  for (const d of get("AppDomains")?.children ?? []) {
    if (d.ns !== NS.app || d.name !== "AppDomain") c.add(d.path, `<${d.name}> không được phép trong <AppDomains>`, `<${d.name}> is not allowed in <AppDomains>`);
    else c.url(d.path, d.text);
  }
  const hosts = get("Hosts");
  if (hosts) {
    c.sequence(hosts, [many(NS.app, "Host", 1)]);
    for (const h of c.children(hosts, NS.app, "Host")) {
      const n = c.attr(h, "Name");
      if (n && !HOST_NAMES.includes(n)) c.add(h.path, `Host Name="${n}" không hợp lệ (${HOST_NAMES.join(", ")})`, `Host Name="${n}" is not valid (${HOST_NAMES.join(", ")})`);
    }
  }
  const baseSets = get("Requirements") ? c.requirements(get("Requirements")!, NS.app) : [];
  const settings = get("DefaultSettings");
  if (settings) {
    c.sequence(settings, [one(NS.app, "SourceLocation"), opt(NS.app, "RequestedWidth"), opt(NS.app, "RequestedHeight")]);
    c.setting(c.child(settings, NS.app, "SourceLocation"), NS.app, "url");
  }
  const perm = get("Permissions");
  if (perm && !PERMISSIONS.includes(perm.text))
    c.add(perm.path, `Permissions "${perm.text}" không hợp lệ (${PERMISSIONS.join(", ")})`, `Permissions "${perm.text}" is not valid (${PERMISSIONS.join(", ")})`);

  // ---------------------------------------------------------------- VersionOverrides
  const vo = c.child(app, NS.vo, "VersionOverrides");
  const resources = new Map<string, { kind: ResKind; value: string; path: string }>();
  let voSets: Array<{ name: string; min: string }> = [];
  let runtimeResid: string | undefined;
  let lifetime: string | undefined;
  let pageResid: string | undefined;
  let functionFileResid: string | undefined;
  const taskpaneResids: Array<{ path: string; resid: string }> = [];
  if (vo) {
    if (xsiType(vo) !== "VersionOverridesV1_0")
      c.add(vo.path, `VersionOverrides của add-in ngăn tác vụ phải là xsi:type="VersionOverridesV1_0"`, `a task pane add-in's VersionOverrides must be xsi:type="VersionOverridesV1_0"`);
    c.sequence(vo, VO_SEQUENCE);
    const req = c.child(vo, NS.vo, "Requirements");
    // Inside VersionOverrides the requirement elements are the basic types' (bt:Sets, bt:Set).
    if (req) voSets = c.requirements(req, NS.bt);
    for (const s of voSets) {
      if (baseSets.some((b) => b.name === s.name))
        c.add(
          req!.path,
          `${s.name} đã có ở <Requirements> gốc: nhắc lại trong VersionOverrides không có tác dụng`,
          `${s.name} is already in the base <Requirements>: repeating it in VersionOverrides has no effect`,
        );
    }
    c.resid(c.child(vo, NS.vo, "Description"), "LongStrings");

    const voHosts = c.child(vo, NS.vo, "Hosts");
    if (voHosts) {
      c.sequence(voHosts, [many(NS.vo, "Host", 1)]);
      for (const host of c.children(voHosts, NS.vo, "Host")) {
        const type = xsiType(host);
        if (type !== "Workbook") {
          c.add(host.path, `Host xsi:type="${type ?? ""}": bản kê khai này chỉ dành cho Excel (Workbook)`, `Host xsi:type="${type ?? ""}": this manifest is for Excel (Workbook) only`);
          continue;
        }
        c.sequence(host, WORKBOOK_SEQUENCE);
        const runtimes = c.child(host, NS.vo, "Runtimes");
        if (runtimes) {
          c.sequence(runtimes, [one(NS.vo, "Runtime")]);
          const rt = c.child(runtimes, NS.vo, "Runtime");
          if (rt) {
            runtimeResid = c.resid(rt, "Urls");
            lifetime = rt.attrs.lifetime ?? "short";
            if (!["short", "long"].includes(lifetime)) c.add(rt.path, `lifetime="${lifetime}" phải là short hoặc long`, `lifetime="${lifetime}" must be short or long`);
          }
        }
        const all = c.child(host, NS.vo, "AllFormFactors");
        if (all) {
          c.sequence(all, [many(NS.vo, "ExtensionPoint")]);
          for (const ep of c.children(all, NS.vo, "ExtensionPoint")) {
            if (xsiType(ep) !== "CustomFunctions") {
              c.add(ep.path, `ExtensionPoint trong AllFormFactors phải là xsi:type="CustomFunctions"`, `an ExtensionPoint in AllFormFactors must be xsi:type="CustomFunctions"`);
              continue;
            }
            c.sequence(ep, [one(NS.vo, "Script"), one(NS.vo, "Page"), opt(NS.vo, "Metadata"), opt(NS.vo, "Namespace")]);
            for (const part of ["Script", "Page", "Metadata"]) {
              const p = c.child(ep, NS.vo, part);
              if (!p) continue;
              c.sequence(p, [one(NS.vo, "SourceLocation")]);
              const r = c.resid(c.child(p, NS.vo, "SourceLocation"), "Urls");
              if (part === "Page") pageResid = r;
            }
            c.resid(c.child(ep, NS.vo, "Namespace"), "ShortStrings");
          }
        }
        const desktop = c.child(host, NS.vo, "DesktopFormFactor");
        if (desktop) {
          c.sequence(desktop, [opt(NS.vo, "GetStarted"), opt(NS.vo, "FunctionFile"), many(NS.vo, "ExtensionPoint")]);
          const gs = c.child(desktop, NS.vo, "GetStarted");
          if (gs) {
            c.sequence(gs, [one(NS.vo, "Title"), one(NS.vo, "Description"), one(NS.vo, "LearnMoreUrl")]);
            c.resid(c.child(gs, NS.vo, "Title"), "ShortStrings");
            c.resid(c.child(gs, NS.vo, "Description"), "LongStrings");
            c.resid(c.child(gs, NS.vo, "LearnMoreUrl"), "Urls");
          }
          functionFileResid = c.resid(c.child(desktop, NS.vo, "FunctionFile"), "Urls");
          for (const ep of c.children(desktop, NS.vo, "ExtensionPoint")) {
            if (xsiType(ep) !== "PrimaryCommandSurface" && xsiType(ep) !== "ContextMenu") {
              c.add(
                ep.path,
                `ExtensionPoint xsi:type="${xsiType(ep) ?? ""}" không dùng được trong DesktopFormFactor của Excel`,
                `ExtensionPoint xsi:type="${xsiType(ep) ?? ""}" is not valid in Excel's DesktopFormFactor`,
              );
              continue;
            }
            c.sequence(ep, [many(NS.vo, xsiType(ep) === "ContextMenu" ? "OfficeMenu" : "OfficeTab"), many(NS.vo, "CustomTab")]);
            for (const tab of ep.children) {
              if (tab.name !== "OfficeTab" && tab.name !== "CustomTab" && tab.name !== "OfficeMenu") continue;
              c.attr(tab, "id");
              for (const group of tab.children) {
                if (group.name !== "Group" && group.name !== "Control") continue;
                if (group.name === "Control") {
                  checkControl(c, group, taskpaneResids);
                  continue;
                }
                c.attr(group, "id");
                c.sequence(group, [one(NS.vo, "Label"), one(NS.vo, "Icon"), many(NS.vo, "Control", 1)]);
                c.resid(c.child(group, NS.vo, "Label"), "ShortStrings");
                checkIcon(c, c.child(group, NS.vo, "Icon"));
                for (const control of c.children(group, NS.vo, "Control")) checkControl(c, control, taskpaneResids);
              }
            }
          }
        }
      }
    }

    const res = c.child(vo, NS.vo, "Resources");
    if (res) {
      c.sequence(res, RESOURCES_SEQUENCE);
      for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as ResKind[]) {
        const list = c.child(res, NS.bt, kind);
        if (!list) continue;
        const item = kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String";
        c.sequence(list, [many(NS.bt, item)]);
        for (const e of c.children(list, NS.bt, item)) {
          const rid = c.attr(e, "id");
          if (rid === undefined) continue;
          if (rid.length > RESID_MAX) c.add(e.path, `id "${rid}" dài quá ${RESID_MAX} ký tự`, `id "${rid}" is longer than ${RESID_MAX} characters`);
          if (resources.has(rid)) c.add(e.path, `id "${rid}" bị trùng`, `id "${rid}" is used twice`);
          const value = e.attrs.DefaultValue ?? "";
          resources.set(rid, { kind, value, path: e.path });
          c.setting(e, NS.bt, kind === "Images" || kind === "Urls" ? "url" : kind === "ShortStrings" ? "short" : "long");
        }
      }
    }
  }

  // ---------------------------------------------------------------- cross checks
  for (const use of c.residUses) {
    const r = resources.get(use.resid);
    if (!r) c.add(use.path, `resid "${use.resid}" không có trong ${KIND_VI[use.kind]}`, `resid "${use.resid}" is not defined in bt:${use.kind}`);
    else if (r.kind !== use.kind)
      c.add(use.path, `resid "${use.resid}" phải chỉ tới ${KIND_VI[use.kind]}, không phải bt:${r.kind}`, `resid "${use.resid}" must name a bt:${use.kind} entry, not bt:${r.kind}`);
  }
  const allSets = [...baseSets, ...voSets];
  if (lifetime === "long") {
    // The shared runtime loads only when the runtime, the functions' page, the function file and the
    // task pane all name the same resource.
    const same = (path: string, what: [vi: string, en: string], r: string | undefined) => {
      if (r !== undefined && r !== runtimeResid)
        c.add(
          path,
          `${what[0]} (resid "${r}") phải trùng resid của <Runtime> ("${runtimeResid}") để dùng chung một runtime`,
          `${what[1]} (resid "${r}") must equal the <Runtime> resid ("${runtimeResid}") for one shared runtime`,
        );
    };
    same("OfficeApp/VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint/Page", ["<Page> của hàm tuỳ chỉnh", "the custom functions' <Page>"], pageResid);
    same("OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/FunctionFile", ["<FunctionFile>", "<FunctionFile>"], functionFileResid);
    for (const t of taskpaneResids) same(t.path, ["<SourceLocation> của nút mở ngăn tác vụ", "the task pane button's <SourceLocation>"], t.resid);
    if (!allSets.some((s) => s.name === "SharedRuntime"))
      c.add(
        "OfficeApp/Requirements",
        `<Runtime lifetime="long"> cần yêu cầu SharedRuntime (ở <Requirements> gốc hoặc trong VersionOverrides)`,
        `<Runtime lifetime="long"> needs a SharedRuntime requirement (in the base <Requirements> or in VersionOverrides)`,
      );
  }
  if (pageResid !== undefined && runtimeResid === undefined && allSets.some((s) => s.name === "SharedRuntime")) {
    c.add("OfficeApp/VersionOverrides/Hosts/Host", `yêu cầu SharedRuntime nhưng không có <Runtimes>`, `SharedRuntime is required but there is no <Runtimes>`);
  }

  if (options.baseUrl !== undefined) {
    const base = options.baseUrl.replace(/\/+$/, "");
    for (const u of c.urls) {
      if (u.url !== base && !u.url.startsWith(`${base}/`)) c.add(u.path, `địa chỉ ${u.url} không nằm dưới ${base}/`, `the URL ${u.url} is not under ${base}/`);
      else if (options.filesDir !== undefined && u.url.startsWith(`${base}/`)) {
        const rel = decodeURIComponent(u.url.slice(base.length + 1).split(/[?#]/)[0]!);
        if (rel && !existsSync(join(options.filesDir, rel))) c.add(u.path, `không có tệp ${rel} cho địa chỉ ${u.url}`, `no file ${rel} for the URL ${u.url}`);
      }
    }
  }
  return c.problems;
}

function checkIcon(c: Checker, icon: El | undefined): void {
  if (!icon) return;
  c.sequence(icon, [many(NS.bt, "Image", 1)]);
  const sizes = c.children(icon, NS.bt, "Image").map((img) => {
    c.resid(img, "Images");
    return img.attrs.size;
  });
  for (const s of ["16", "32", "80"]) if (!sizes.includes(s)) c.add(icon.path, `<Icon> thiếu ảnh size="${s}"`, `<Icon> lacks an image of size="${s}"`);
}

function checkControl(c: Checker, control: El, taskpaneResids: Array<{ path: string; resid: string }>): void {
  c.attr(control, "id");
  const type = xsiType(control);
  if (type !== "Button") {
    if (type !== "Menu") c.add(control.path, `Control xsi:type="${type ?? ""}" phải là Button hoặc Menu`, `Control xsi:type="${type ?? ""}" must be Button or Menu`);
    return;
  }
  c.sequence(control, [one(NS.vo, "Label"), one(NS.vo, "Supertip"), one(NS.vo, "Icon"), one(NS.vo, "Action")]);
  c.resid(c.child(control, NS.vo, "Label"), "ShortStrings");
  const tip = c.child(control, NS.vo, "Supertip");
  if (tip) {
    c.sequence(tip, [one(NS.vo, "Title"), one(NS.vo, "Description")]);
    c.resid(c.child(tip, NS.vo, "Title"), "ShortStrings");
    c.resid(c.child(tip, NS.vo, "Description"), "LongStrings");
  }
  checkIcon(c, c.child(control, NS.vo, "Icon"));
  const action = c.child(control, NS.vo, "Action");
  if (!action) return;
  const at = xsiType(action);
  if (at === "ShowTaskpane") {
    c.sequence(action, [opt(NS.vo, "TaskpaneId"), one(NS.vo, "SourceLocation"), opt(NS.vo, "Title")]);
    const r = c.resid(c.child(action, NS.vo, "SourceLocation"), "Urls");
    if (r !== undefined) taskpaneResids.push({ path: `${action.path}/SourceLocation`, resid: r });
    c.resid(c.child(action, NS.vo, "Title"), "ShortStrings");
  } else if (at === "ExecuteFunction") {
    c.sequence(action, [one(NS.vo, "FunctionName")]);
  } else c.add(action.path, `Action xsi:type="${at ?? ""}" phải là ShowTaskpane hoặc ExecuteFunction`, `Action xsi:type="${at ?? ""}" must be ShowTaskpane or ExecuteFunction`);
}

/** The requirement sets of a manifest: the base ones (the add-in loads only there) and the VersionOverrides ones. */
export function manifestRequirements(xml: string): { base: Array<{ name: string; min: string }>; versionOverrides: Array<{ name: string; min: string }> } {
  const app = toTree(xml);
  const read = (req: El | undefined, ns: string) =>
    (req?.children ?? [])
      .filter((s) => s.ns === ns && s.name === "Sets")
      .flatMap((sets) => sets.children.filter((s) => s.ns === ns && s.name === "Set").map((s) => ({ name: s.attrs.Name ?? "", min: s.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? "1.1" })));
  const vo = app.children.find((e) => e.ns === NS.vo && e.name === "VersionOverrides");
  return {
    base: read(
      app.children.find((e) => e.ns === NS.app && e.name === "Requirements"),
      NS.app,
    ),
    versionOverrides: read(
      vo?.children.find((e) => e.ns === NS.vo && e.name === "Requirements"),
      NS.bt,
    ),
  };
}

export function formatProblems(file: string, problems: ManifestProblem[], lang: Lang): string {
  return problems.map((p) => `${file}: ${p.path}: ${p[lang]}`).join("\n");
}

// ------------------------------------------------------------------ command line
function main(argv: string[]): number {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lang: Lang = flag("--lang") === "en" ? "en" : "vi";
  const valued = new Set(["--base", "--files", "--lang"]);
  const positional = argv.filter((a, i) => !a.startsWith("--") && !valued.has(argv[i - 1] ?? ""));
  const file = positional[0] ?? "manifest.xml";
  if (!existsSync(file)) {
    console.error(lang === "vi" ? `Không có tệp ${file}` : `No such file: ${file}`);
    return 2;
  }
  if (argv.includes("--online")) {
    // Microsoft's validator (office-addin-manifest, a pinned devDependency) sends the manifest to Microsoft.
    const bin = resolve("node_modules", ".bin", process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest");
    const r = spawnSync(bin, ["validate", file], { encoding: "utf8", shell: process.platform === "win32" });
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    process.stdout.write(out);
    if (r.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network/i.test(out)) {
      console.error(
        lang === "vi"
          ? "\nKhông kết nối được dịch vụ kiểm tra của Microsoft (cần Internet). Kiểm tra ngoại tuyến: npm run validate"
          : "\nCould not reach Microsoft's validation service (the network is needed). Offline check: npm run validate",
      );
    }
    return r.status ?? 1;
  }
  const xml = readFileSync(file, "utf8");
  const base = flag("--base");
  const files = flag("--files");
  const problems = checkManifest(xml, { ...(base ? { baseUrl: base } : {}), ...(files ? { filesDir: files } : {}) });
  if (problems.length) {
    console.error(formatProblems(file, problems, lang));
    console.error(lang === "vi" ? `${file}: ${problems.length} lỗi` : `${file}: ${problems.length} problem(s)`);
    return 1;
  }
  const req = manifestRequirements(xml);
  const sets = (l: Array<{ name: string; min: string }>) => l.map((s) => `${s.name} ${s.min}`).join(", ") || "-";
  console.log(
    lang === "vi"
      ? `${file}: hợp lệ (kiểm tra ngoại tuyến: thứ tự và không gian tên phần tử, giá trị, resid, địa chỉ https, runtime dùng chung).\n  Yêu cầu để cài: ${sets(req.base)}; để có nút trên ribbon, runtime dùng chung và hàm NTM.*: ${sets(req.versionOverrides)}.`
      : `${file}: valid (offline check: element order and namespaces, values, resids, https URLs, shared runtime).\n  Required to install: ${sets(req.base)}; for the ribbon button, the shared runtime and the NTM.* functions: ${sets(req.versionOverrides)}.`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
