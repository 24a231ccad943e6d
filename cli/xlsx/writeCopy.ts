// The highlighted copy: the package patched where the plans say, every other part carried as is.
import type { WritePlan } from "../../shared/sheet/plan.js";
import type { XlsxPackage } from "./package.js";
import { addSheet, type NewSheet } from "./newSheet.js";
import { patchNotes } from "./notesPatch.js";
import { PackageEdit } from "./packageEdit.js";
import { patchSheet, type CellEdit } from "./sheetPatch.js";
import { StylePatch } from "./stylePatch.js";
import { spliceParts, type Splice } from "./xmlText.js";

export type { NewSheet } from "./newSheet.js";

export interface CopyChanges {
  plans: WritePlan[];
  newSheets?: NewSheet[];
}

export function writeCopy(pkg: XlsxPackage, changes: CopyChanges): Uint8Array {
  const edit = new PackageEdit(pkg);
  const styles = new StylePatch(edit);
  const bySheet = new Map<string, WritePlan[]>();
  for (const plan of changes.plans) {
    const path = pkg.sheet(plan.sheet).path;
    bySheet.set(path, [...(bySheet.get(path) ?? []), plan]);
  }
  let removedFormula = false;
  for (const [path, plans] of bySheet) {
    // The sheet as bytes a character each where it is UTF-8: half the memory of a decoded string,
    // and the copy assembled from the original bytes; only the tool's own text is encoded.
    const bytes = edit.exists(path) && !edit.isChanged(path) ? pkg.partBytes(path) : undefined;
    const bytesText = bytes && isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1") : undefined;
    const xml = bytesText ?? edit.text(path);
    const notes = plans.flatMap((p) => p.notes);
    const { legacyDrawingRelId } = patchNotes(edit, path, xml, notes);
    const edits: CellEdit[] = plans.flatMap((p) => [
      ...p.fills.map((f) => ({ row: f.row, col: f.col, fill: f.color })),
      ...p.values.map((v) => ({ row: v.row, col: v.col, value: { v: v.value } })),
    ]);
    const patched = patchSheet(xml, edits, styles, { legacyDrawingRelId, relNamespace: edit.ns.rel, bytesText: bytesText !== undefined });
    if (patched.splices.length > 0) {
      if (bytes && bytesText !== undefined) edit.setBytes(path, spliceBytes(bytes, patched.splices));
      else edit.setPieces(path, spliceParts(xml, patched.splices));
    }
    removedFormula ||= patched.removedFormula;
  }
  // New sheets before the styles part is written: their fills are styles too.
  for (const sheet of changes.newSheets ?? []) addSheet(edit, sheet, (color) => styles.restyle(0, color));
  styles.finish();
  // A formula replaced by a value would leave the calculation chain naming it: Excel rebuilds it.
  if (removedFormula) {
    const calcChain = pkg.related(pkg.workbookPath, "calcChain");
    if (calcChain) {
      edit.remove(calcChain);
      edit.removeRelationships(pkg.workbookPath, "calcChain");
      edit.removeContentTypeOverride(calcChain);
    }
  }
  return edit.build();
}

/** Not UTF-16 (a byte-order mark says so): the bytes can be read a character each. */
function isUtf8(bytes: Uint8Array): boolean {
  return !((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * The patched part straight from the original bytes: untouched runs copied, each splice's text
 * (bytes a character each) written between them. No string of the whole part is built.
 */
function spliceBytes(bytes: Uint8Array, splices: readonly Splice[]): Uint8Array {
  let size = bytes.length;
  for (const s of splices) size += s.text.length - (s.end - s.start);
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let from = 0;
  for (const s of splices) {
    at += src.copy(out, at, from, s.start);
    at += out.write(s.text, at, "latin1");
    from = s.end;
  }
  at += src.copy(out, at, from, src.length);
  return out.subarray(0, at);
}
