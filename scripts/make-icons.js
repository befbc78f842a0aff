#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's two icons as SVG and renders them with Chromium to PNG, at every size Office
 * uses for ribbon buttons (16, 20, 24, 32, 40, 48, 64, 80 px; the manifest names them):
 *
 *   assets/icon-<size>.png           the ARRS checker (the add-in, its ribbon group, "Open checker"):
 *                                    a Fluent blue tile with a white tick beside rows of a roster
 *   assets/claim-summary-<size>.png  "Write claim summary": a white sheet in a blue outline, with a £
 *
 *   node scripts/make-icons.js       (needs Chromium at /usr/bin/chromium, or CHROMIUM=path)
 *
 * The two silhouettes differ (a filled tile, an outlined page) so the buttons tell apart at 16 px and
 * in high contrast. Small sizes are drawn with fewer, thicker strokes, as Office's own icons are. The
 * colours are Fluent's: brand #0F6CBD, its darker #115EA3 for strokes on white.
 */
const fs = require("fs");
const path = require("path");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const OUT = path.join(__dirname, "..", "assets");
const BRAND = "#0F6CBD";
const BRAND_DARK = "#115EA3";

/** The checker: a blue tile; rows of a roster (from 32 px) and a tick. */
function checkerSvg(size) {
  const small = size < 32;
  const rows = small ? "" : `
    <rect x="7" y="8" width="10" height="2.4" rx="1.2" fill="#fff" opacity="0.85"/>
    <rect x="7" y="13" width="8" height="2.4" rx="1.2" fill="#fff" opacity="0.85"/>
    <rect x="7" y="18" width="6" height="2.4" rx="1.2" fill="#fff" opacity="0.85"/>`;
  const tick = small
    ? `<path d="M7.5 16.5 L13.5 22.5 L24.5 10.5" fill="none" stroke="#fff" stroke-width="4.2" stroke-linecap="round" stroke-linejoin="round"/>`
    : `<path d="M14 19.5 L18.5 24 L26 13.5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
    <rect x="${small ? 0.5 : 1}" y="${small ? 0.5 : 1}" width="${small ? 31 : 30}" height="${small ? 31 : 30}" rx="6" fill="${BRAND}"/>${rows}
    ${tick}
  </svg>`;
}

/** The claim summary: a white page with a folded corner, outlined in blue, with a pound sign. */
function claimSvg(size) {
  const small = size < 32;
  const stroke = small ? 2.6 : 2;
  const pound = small
    ? `<text x="15" y="25" text-anchor="middle" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="17" fill="${BRAND_DARK}">£</text>`
    : `<text x="15" y="25.5" text-anchor="middle" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="15" fill="${BRAND_DARK}">£</text>
    <rect x="9" y="7.5" width="9" height="2" rx="1" fill="${BRAND}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
    <path d="M5 ${small ? 2 : 3} H20 L27 ${small ? 9 : 10} V${small ? 30 : 29} H5 Z" fill="#fff" stroke="${BRAND_DARK}" stroke-width="${stroke}" stroke-linejoin="round"/>
    <path d="M20 ${small ? 2 : 3} V${small ? 9 : 10} H27" fill="none" stroke="${BRAND_DARK}" stroke-width="${stroke}" stroke-linejoin="round"/>
    ${pound}
  </svg>`;
}

const ICONS = [
  { name: (size) => `icon-${size}.png`, svg: checkerSvg },
  { name: (size) => `claim-summary-${size}.png`, svg: claimSvg },
];

async function main() {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    fs.mkdirSync(OUT, { recursive: true });
    for (const icon of ICONS) {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${icon.svg(size)}</body></html>`);
        const file = path.join(OUT, icon.name(size));
        await page.locator("svg").screenshot({ path: file, omitBackground: true });
        console.log(`wrote ${path.relative(process.cwd(), file)} (${size} × ${size})`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
