#!/usr/bin/env node
// Draws the ZiPing icons (a green table with a check-mark badge) as PNGs.
// Usage: node scripts/make-icons.js [output-dir]   (default: assets/)
// The PNGs are committed; run this again only when the drawing changes.
// Output is deterministic, so test/manifest checks the committed files still match it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { PNG } = require("pngjs");

const ICON_SIZES = [16, 32, 64, 80, 128];

const EXCEL_GREEN = [33, 115, 70, 255];
const DARK_GREEN = [16, 92, 52, 255];
const GRID_GREEN = [120, 176, 140, 255];
const WHITE = [255, 255, 255, 255];

// Each pixel is sampled on a SAMPLES x SAMPLES sub-grid and averaged, so edges
// get a little coverage-based smoothing without any drawing library.
const SAMPLES = 4;

/** Distance from point p to the segment a-b. */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The icon as a function of position: returns the colour of the topmost shape at
 * (x, y), in pixels, or null for transparent. Lines are at least one pixel wide
 * so the 16 px icon keeps its grid.
 */
function iconPainter(size) {
  const unit = size / 32; // the drawing is designed on a 32 x 32 grid
  const line = Math.max(1, Math.round(unit));
  const table = { left: 2 * unit, top: 4 * unit, right: 30 * unit, bottom: 28 * unit };
  const headerBottom = table.top + 6 * unit;
  // Grid lines start on whole pixels so they stay sharp at 16 px.
  const columnLines = [11 * unit, 20 * unit].map(Math.round);
  const rowLines = [headerBottom + 6 * unit, headerBottom + 12 * unit].map(Math.round);
  const badge = { cx: 23 * unit, cy: 22 * unit, radius: 8.5 * unit, ring: Math.max(1, 1.5 * unit) };
  const check = [
    [badge.cx - 4.2 * unit, badge.cy + 0.2 * unit],
    [badge.cx - 1.2 * unit, badge.cy + 3.2 * unit],
    [badge.cx + 4.4 * unit, badge.cy - 3 * unit],
  ];
  const checkHalfWidth = Math.max(0.8, 1.3 * unit);

  const insideTable = (x, y) => x >= table.left && x < table.right && y >= table.top && y < table.bottom;
  const onTableBorder = (x, y) =>
    x < table.left + line || x >= table.right - line || y < table.top + line || y >= table.bottom - line;
  const onAnyLine = (value, starts) => starts.some((start) => value >= start && value < start + line);

  return (x, y) => {
    const fromBadge = Math.hypot(x - badge.cx, y - badge.cy);
    if (fromBadge <= badge.radius) {
      const onCheck =
        distanceToSegment(x, y, ...check[0], ...check[1]) <= checkHalfWidth ||
        distanceToSegment(x, y, ...check[1], ...check[2]) <= checkHalfWidth;
      return onCheck ? WHITE : DARK_GREEN;
    }
    if (fromBadge <= badge.radius + badge.ring) return WHITE; // separates the badge from the grid
    if (!insideTable(x, y)) return null;
    if (onTableBorder(x, y) || y < headerBottom) return EXCEL_GREEN;
    if (onAnyLine(x, columnLines) || onAnyLine(y, rowLines)) return GRID_GREEN;
    return WHITE;
  };
}

/** Renders one icon into an RGBA PNG. */
function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  const paint = iconPainter(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          const alpha = colour[3] / 255;
          sum[0] += colour[0] * alpha;
          sum[1] += colour[1] * alpha;
          sum[2] += colour[2] * alpha;
          sum[3] += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const coverage = sum[3];
      // Average premultiplied colour, then un-premultiply so edges don't darken.
      png.data[offset] = coverage ? Math.round(sum[0] / coverage) : 0;
      png.data[offset + 1] = coverage ? Math.round(sum[1] / coverage) : 0;
      png.data[offset + 2] = coverage ? Math.round(sum[2] / coverage) : 0;
      png.data[offset + 3] = Math.round((coverage / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return PNG.sync.write(png);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { ICON_SIZES, drawIcon };
