import { html } from "hono/html";
import { type InterestTable, MIN_CELL, shown } from "../../bot/subscriptions/interest-map";

/**
 * A table as an SVG heat map (no script): one row per region, one column per choice, each
 * cell's count printed ("<5" below five people) and shaded by its size.
 */
export function interestSvg(
  table: InterestTable,
  label: (col: string) => string,
  regionLabel: (r: string) => string,
) {
  const cw = 84;
  const ch = 26;
  const left = 170;
  const top = 60;
  const max = Math.max(1, ...table.regions.flatMap((r) => Object.values(table.counts[r] ?? {})));
  const width = left + cw * table.columns.length + 10;
  const height = top + ch * Math.max(1, table.regions.length) + 10;
  const cells = table.regions.flatMap((r, i) =>
    table.columns.map((col, j) => {
      const n = table.counts[r]?.[col] ?? 0;
      const shade = n >= MIN_CELL ? 0.15 + 0.85 * (n / max) : n > 0 ? 0.08 : 0;
      const x = left + j * cw;
      const y = top + i * ch;
      return html`<rect x="${x}" y="${y}" width="${cw - 2}" height="${ch - 2}" fill="#1f6f8b" fill-opacity="${shade.toFixed(2)}"></rect><text x="${x + cw / 2}" y="${y + 17}" text-anchor="middle">${shown(n)}</text>`;
    }),
  );
  const heads = table.columns.map(
    (col, j) =>
      html`<text x="${left + j * cw + cw / 2}" y="${top - 10}" text-anchor="middle">${label(col)}</text>`,
  );
  const rows = table.regions.map(
    (r, i) => html`<text x="${left - 8}" y="${top + i * ch + 17}" text-anchor="end">${regionLabel(r)}</text>`,
  );
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" font-family="sans-serif">${heads}${rows}${cells}</svg>`;
}
