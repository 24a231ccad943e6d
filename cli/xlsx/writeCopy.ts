// The highlighted copy: the package patched where the plans say, every other part carried as is.
import type { WritePlan } from "../../shared/sheet/plan.js";
import type { XlsxPackage } from "./package.js";
import { addSheet, type NewSheet } from "./newSheet.js";
import { patchNotes } from "./notesPatch.js";
import { PackageEdit } from "./packageEdit.js";
import { patchSheet, type CellEdit } from "./sheetPatch.js";
import { StylePatch } from "./stylePatch.js";

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
    // and written back without re-encoding; only the tool's own text is encoded.
    const bytesText = edit.exists(path) && !edit.isChanged(path) ? pkg.partBytesText(path) : undefined;
    const xml = bytesText ?? edit.text(path);
    const notes = plans.flatMap((p) => p.notes);
    const { legacyDrawingRelId } = patchNotes(edit, path, xml, notes);
    const edits: CellEdit[] = plans.flatMap((p) => [
      ...p.fills.map((f) => ({ row: f.row, col: f.col, fill: f.color })),
      ...p.values.map((v) => ({ row: v.row, col: v.col, value: { v: v.value } })),
    ]);
    const patched = patchSheet(xml, edits, styles, { legacyDrawingRelId, relNamespace: edit.ns.rel, bytesText: bytesText !== undefined });
    if (patched.parts.length > 1 || patched.parts[0] !== xml) edit.setPieces(path, patched.parts, bytesText !== undefined);
    removedFormula ||= patched.removedFormula;
  }
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
  for (const sheet of changes.newSheets ?? []) addSheet(edit, sheet);
  return edit.build();
}
