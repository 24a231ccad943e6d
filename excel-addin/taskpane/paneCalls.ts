// The two Office.js calls the pane makes on its own, outside the actions (kept apart from
// excelAdapter.ts, which the pane loads on first use).

/** Recalculates the workbook so the functions see settings loaded after they first ran. */
export async function recalculate(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate("Full" as Excel.CalculationType);
    await context.sync();
  });
}

/** Clicking a result: select its cell. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
