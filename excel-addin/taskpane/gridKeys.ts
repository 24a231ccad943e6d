// Keyboard for the mini grid: one tab stop, arrow keys (and Home/End) move between cells,
// Enter or Space selects the focused cell on the sheet (a roving tabindex, as ARIA's grid pattern).

/** Cells carry data-r (row) and data-c (column); the first is the grid's tab stop. */
export function wireGridKeys(table: HTMLElement): void {
  const cells = [...table.querySelectorAll<HTMLElement>("[data-r]")];
  const at = new Map(cells.map((c) => [`${c.dataset.r}:${c.dataset.c}`, c]));
  cells.forEach((c, i) => (c.tabIndex = i === 0 ? 0 : -1));
  const move = (from: HTMLElement, to: HTMLElement | undefined) => {
    if (!to) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  };
  // A clicked cell becomes the tab stop.
  table.addEventListener("click", (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-r]");
    if (cell) for (const c of cells) c.tabIndex = c === cell ? 0 : -1;
  });
  table.addEventListener("keydown", (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-r]");
    if (!cell) return;
    const r = Number(cell.dataset.r);
    const c = Number(cell.dataset.c);
    const last = Math.max(...cells.filter((x) => x.dataset.r === cell.dataset.r).map((x) => Number(x.dataset.c)));
    const target: Record<string, [number, number]> = { ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c], ArrowUp: [r - 1, c], Home: [r, 0], End: [r, last] };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      cell.click();
    } else if (target[e.key]) {
      e.preventDefault();
      const [tr, tc] = target[e.key]!;
      move(cell, at.get(`${tr}:${tc}`));
    }
  });
}
