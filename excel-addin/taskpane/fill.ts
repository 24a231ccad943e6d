// A cell's whole fill as one string, because the undo record keeps each original fill as a
// string. "#RRGGBB" is a plain solid fill (all that records saved before this ever held);
// otherwise "#RRGGBB|pattern|patternColor|tintAndShade|patternTintAndShade"; null is no fill.

/** The fill read with getCellProperties -> its code. */
export function encodeFill(f: Excel.CellPropertiesFill | undefined): string | null {
  if (!f || f.pattern === "None") return null;
  const color = (f.color || "#FFFFFF").toUpperCase();
  // No fill and a white fill both read #FFFFFF; only a real fill has a tint (office-js#4900).
  if (f.tintAndShade == null && color === "#FFFFFF") return null;
  // Gradients cannot be written back through the API: their colour, solid, is the nearest.
  const pattern = !f.pattern || f.pattern.includes("Gradient") ? "Solid" : f.pattern;
  const tint = f.tintAndShade || 0;
  if (pattern === "Solid" && !tint) return color;
  const patterned = pattern !== "Solid";
  return [color, pattern, (patterned && f.patternColor) || "", tint || "", (patterned && f.patternTintAndShade) || ""].join("|");
}

/** Writes a fill code (or a highlight colour) as the cell's whole fill. */
export function applyFill(fill: Excel.RangeFill, code: string): void {
  if (!code) return fill.clear();
  const [color, pattern, patternColor, tint, patternTint] = code.split("|");
  // The colour first: setting it may reset what follows, so every part is written after it.
  fill.color = color!;
  fill.pattern = (pattern || "Solid") as Excel.FillPattern;
  if (patternColor) fill.patternColor = patternColor;
  fill.tintAndShade = Number(tint || 0);
  if (patternTint) fill.patternTintAndShade = Number(patternTint);
}
