/**
 * A user-facing message as data: a key of the string tables plus its parameters.
 * Results carry messages, and hosts render them in the user's language at the edge.
 */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type MessageKey =
  | "value.spreadsheetError"
  | "value.notANumber"
  | "value.notYesNo"
  | "value.notAGrade"
  | "value.dateNotExpected"
  | "value.booleanNotExpected"
  | "value.negative"
  | "value.percentOutOfRange"
  | "value.notApplicableNotAllowed"
  | "value.notApplicable"
  | "value.assessmentUsed"
  | "value.fractionRead"
  | "target.unreadable"
  | "target.kindMismatch"
  | "threshold.none"
  | "threshold.needsYear"
  | "threshold.unconfirmed"
  | "gap.requireYes"
  | "gap.requireNo"
  | "gap.requireGrade"
  | "gap.requireMet"
  | "indicator.unknown"
  | "set.row"
  | "region.unknown"
  | "set.unknown"
  | "sheet.empty"
  | "sheet.noLayout"
  | "sheet.noUnitColumn"
  | "sheet.noCriteriaColumns"
  | "sheet.noDataRows"
  | "sheet.ambiguousColumn"
  | "sheet.protected"
  | "sheet.protectedReadOnly"
  | "sheet.notesCapped"
  | "sheet.cell"
  | "sheet.notCriteriaTable"
  | "sheet.tickBlankNotMet"
  | "sheet.tickBlankMissing"
  | "sheet.totalMismatch"
  | "set.byArgument"
  | "set.byWorkbook"
  | "set.bySetting"
  | "set.byDefault"
  | "set.byVillages"
  | "set.byAdvanced"
  | "set.byCommunes"
  | "set.needsProvince"
  | "settings.regionYearNeeded"
  | "settings.regionNeeded"
  | "settings.yearNeeded"
  | "settings.yearOutsidePeriod";

export function message(key: MessageKey, params?: Message["params"]): Message {
  return params ? { key, params } : { key };
}
