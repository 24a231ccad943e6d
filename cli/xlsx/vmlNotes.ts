// The legacy VML drawing every note needs (without its shape Excel repairs the file).
// VML is often not well-formed XML (Excel writes <br>), so it is patched as text.

export const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function newVmlDrawing(idBlock: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${NOTE_SHAPE_TYPE}</xml>`
  );
}

export function noteShape(shapeId: number, row: number, col: number): string {
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${shapeId};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;

/** Where each note shape of a drawing is, by cell ("row,col"). */
export function noteShapes(vml: string): Map<string, { start: number; end: number }> {
  const shapes = new Map<string, { start: number; end: number }>();
  for (const m of vml.matchAll(SHAPE)) {
    if (!/ObjectType\s*=\s*["']Note["']/.test(m[0])) continue;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[0]);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[0]);
    if (row && col) shapes.set(`${row[1]},${col[1]}`, { start: m.index, end: m.index + m[0].length });
  }
  return shapes;
}

/** The o:idmap blocks a drawing claims ("1" or "1,2"). */
export function idBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  return m ? m[1]!.split(/[\s,]+/).map(Number).filter(Number.isInteger) : [];
}

/** The next free shape number in a drawing: one past the highest, within its first id block. */
export function nextShapeId(vml: string): number {
  let max = (idBlocks(vml)[0] ?? 1) * 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** Inserts before the drawing's closing </xml> (or at the end when it has none). */
export function appendToVml(vml: string, shapes: string, needsShapeType: boolean): string {
  const text = (needsShapeType ? NOTE_SHAPE_TYPE : "") + shapes;
  const close = vml.lastIndexOf("</xml>");
  return close < 0 ? vml + text : vml.slice(0, close) + text + vml.slice(close);
}
