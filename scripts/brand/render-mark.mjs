// Draws the programme's mark once: the character 暖 as outlines (so no reader needs the font) in
// white on the programme's red disc, written to public/mark.svg for pages and the PDFs (which draw
// its two shapes as vector paths), and rendered to public/mark.png. Run again only when the mark changes:
//   node scripts/brand/render-mark.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import sharp from "sharp";

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
const font = fontkit.openSync(path.join(fontDir, "700Bold/NotoSansSC_700Bold.ttf"));

const SIZE = 64; // the viewBox
const RED = "#b91c1c";
const glyph = font.layout("暖").glyphs[0];
// Font units, y up: scale the em to 36 of the 64 units and centre the glyph's ink on the disc.
const scale = 36 / font.unitsPerEm;
const box = glyph.path.bbox;
const dx = SIZE / 2 - ((box.minX + box.maxX) / 2) * scale;
const dy = SIZE / 2 + ((box.minY + box.maxY) / 2) * scale;
const d = glyph.path.scale(scale, -scale).translate(dx, dy).toSVG();
const round = (text) => text.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="暖·创贷">` +
  `<circle cx="32" cy="32" r="32" fill="${RED}"/><path fill="#fff" d="${round(d)}"/></svg>\n`;

const out = path.join(process.cwd(), "public");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "mark.svg"), svg);
await sharp(Buffer.from(svg), { density: 72 * 4 }).resize(256, 256).png({ compressionLevel: 9 }).toFile(path.join(out, "mark.png"));
console.log("wrote public/mark.svg and public/mark.png");
