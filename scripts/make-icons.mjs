// Renders the app's icons (public/icons/*.png) from the favicon's drawing in headless Chromium: the web app manifest
// needs PNGs of 192 and 512 pixels, and a maskable one whose drawing stays inside the middle 80 % (the safe zone
// launchers may crop to a circle). Run from the repository root: node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const favicon = readFileSync('public/favicon.svg', 'utf8');
// The same bars, smaller, on a full-bleed background: nothing important outside the central circle.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1f3b5a"/><g transform="translate(4 4) scale(0.75)"><rect x="6" y="18" width="5" height="8" fill="#fff"/><rect x="13.5" y="12" width="5" height="14" fill="#fff"/><rect x="21" y="7" width="5" height="19" fill="#fff"/></g></svg>`;

const icons = [
  ['icon-192.png', favicon, 192],
  ['icon-512.png', favicon, 512],
  ['icon-maskable-512.png', maskable, 512],
  ['apple-touch-icon.png', maskable, 180],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, svg, size] of icons) {
  await page.setViewportSize({ width: size, height: size });
  const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`);
  writeFileSync(`public/icons/${name}`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
}
await browser.close();
