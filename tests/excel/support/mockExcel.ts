// The fake workbook behind office-addin-mock proxies, installed as the `Excel` global.
import { OfficeMockObject } from "office-addin-mock";
import { FakeWorkbook, createFakeExcel, type FakeSheetData } from "./fakeExcel.js";

export const mockProxy = (data: Record<string, unknown>): any => new OfficeMockObject(data as any);

/** Installs `Excel` for code that calls Excel.run; returns the workbook to inspect. */
export function installMockExcel(sheets: FakeSheetData[] | FakeWorkbook, options: { notes?: boolean } = {}): FakeWorkbook {
  const book = sheets instanceof FakeWorkbook ? sheets : new FakeWorkbook(sheets);
  const fake = createFakeExcel(book, mockProxy, options);
  // Excel itself is an office-addin-mock object whose run() hands out the fake context.
  (globalThis as any).Excel = new OfficeMockObject({ run: fake.run } as any);
  return book;
}

export function uninstallMockExcel(): void {
  delete (globalThis as any).Excel;
}
