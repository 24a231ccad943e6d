// onOpen as a bound script and as a Marketplace add-on, in the built Code.js run in node:vm:
// the bound script keeps its own "NTM" menu; the add-on build (--env addon) fills the add-on menu
// under Extensions (Ui.createAddonMenu); in AuthMode.NONE only the menu is built, nothing else is
// called (Google: Custom menus for Editor add-ons; Editor add-on authorization).
import { beforeAll, describe, expect, it } from "vitest";
import { buildAndRead, runBundle } from "./bundle.js";
import { fakeGas, type FakeMenu } from "./fakes.js";

let bound: string;
let addon: string;

beforeAll(async () => {
  [bound, addon] = await Promise.all([buildAndRead().then((b) => b.code), buildAndRead({ addon: true }).then((b) => b.code)]);
}, 240_000);

const items = (m: FakeMenu) => m.items.filter((i): i is { caption: string; fn: string } => i !== "separator");

/** onOpen(e) on fresh fakes; the document's language English, to see whether it was read. */
function open(code: string, event: Record<string, unknown>, opts: { propsUnavailable?: boolean; hook?: "onOpen" | "onInstall" } = {}) {
  const gas = fakeGas();
  gas.props.data.NTM_SETTINGS = JSON.stringify({ lang: "en" });
  gas.props.unavailable = Boolean(opts.propsUnavailable);
  const g = runBundle(code, gas);
  gas.log.length = 0;
  g[opts.hook ?? "onOpen"]!(event);
  expect(gas.ui.menus).toHaveLength(1);
  return { gas, g, menu: gas.ui.menus[0]! };
}

describe("the bound script (npm run build:gas)", () => {
  it("onOpen in AuthMode.LIMITED builds the NTM menu in the document's language", () => {
    const { menu, g } = open(bound, { authMode: "LIMITED" });
    expect(menu.addon).toBe(false);
    expect(menu.caption).toBe("NTM");
    expect(items(menu).map((i) => i.caption)).toContain("Evaluate sheet");
    for (const i of items(menu)) expect(typeof g[i.fn], i.fn).toBe("function");
  });

  it("in AuthMode.NONE (only an installed add-on opens so) builds the add-on menu and calls nothing else", () => {
    const { menu, gas } = open(bound, { authMode: "NONE" }, { propsUnavailable: true });
    expect(menu.addon).toBe(true);
    expect(gas.log).toEqual(["SpreadsheetApp.getUi"]);
    expect(items(menu).map((i) => i.caption)).toContain("Đánh giá trang tính");
  });
});

describe("the Marketplace add-on (npm run build:gas -- --env addon)", () => {
  it("onOpen in AuthMode.LIMITED fills the add-on menu with the NTM menu's items, in the document's language", () => {
    const add = open(addon, { authMode: "LIMITED" });
    const own = open(bound, { authMode: "LIMITED" });
    expect(add.menu.addon).toBe(true);
    expect(add.menu.added).toBe(true);
    expect(add.menu.items).toEqual(own.menu.items);
    for (const i of items(add.menu)) expect(typeof add.g[i.fn], i.fn).toBe("function");
  });

  it("onOpen in AuthMode.NONE builds the menu only: no document properties, Vietnamese", () => {
    const { menu, gas } = open(addon, { authMode: "NONE" }, { propsUnavailable: true });
    expect(menu.addon).toBe(true);
    expect(gas.log).toEqual(["SpreadsheetApp.getUi"]);
    expect(items(menu)[0]!.caption).toBe("Đánh giá trang tính");
  });

  it("onInstall(e) (AuthMode.FULL) calls onOpen(e): the add-on menu at once", () => {
    const { menu, g } = open(addon, { authMode: "FULL" }, { hook: "onInstall" });
    expect(menu.addon).toBe(true);
    expect(items(menu).length).toBeGreaterThan(4);
    for (const i of items(menu)) expect(typeof g[i.fn], i.fn).toBe("function");
  });

  it("onOpen without an event (run from the editor) still builds a menu", () => {
    expect(open(addon, {}).menu.addon).toBe(true);
    expect(open(bound, {}).menu.addon).toBe(false);
  });
});
