/** Renders adapters/web/public/icon.svg to the PNG icons the web app manifest lists (run once after editing the SVG). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../test/helpers/browser";

const dir = join(import.meta.dirname, "..", "adapters", "web", "public");
const svg = readFileSync(join(dir, "icon.svg"), "utf8");
const browser = await launchBrowser();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body>`,
  );
  await page.screenshot({ path: join(dir, `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
