#!/usr/bin/env node
// Draws Bootstick's icon — a USB stick on a blue tile with a green "verified" tick — as
// build/icons/<size>x<size>.png (the set electron-builder installs into hicolor), build/icon.svg
// and resources/icon.png (the window icon). Plain Node, no image library: shapes are signed
// distance functions, 4×4 supersampled, written as RGBA PNGs with zlib.
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 64, 128, 256, 512];

// Shapes in a 0..1 square. Each is [distance(x, y) → negative inside, [r, g, b, a]], painted in order.
const roundedBox = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, r) => (x, y) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
};
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

const SHAPES = [
  [roundedBox(0.5, 0.5, 0.46, 0.46, 0.12), [0x1f, 0x5f, 0xbf, 255]], // tile
  [roundedBox(0.5, 0.24, 0.1, 0.1, 0.02), [0xd8, 0xe2, 0xf0, 255]], // connector
  [roundedBox(0.455, 0.22, 0.022, 0.025, 0.005), [0x1f, 0x5f, 0xbf, 255]], // connector holes
  [roundedBox(0.545, 0.22, 0.022, 0.025, 0.005), [0x1f, 0x5f, 0xbf, 255]],
  [roundedBox(0.5, 0.55, 0.16, 0.23, 0.05), [0xff, 0xff, 0xff, 255]], // body
  [circle(0.7, 0.72, 0.16), [0x2e, 0xa0, 0x43, 255]], // verified badge
  [
    union(segment(0.63, 0.72, 0.68, 0.78, 0.025), segment(0.68, 0.78, 0.78, 0.65, 0.025)),
    [255, 255, 255, 255],
  ],
];

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = [0, 0, 0, 0];
          for (const [shape, fill] of SHAPES) if (shape(x, y) <= 0) color = fill;
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      }
      const at = (py * size + px) * 4;
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

function png(size, rgba) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img">
  <title>Bootstick</title>
  <rect x="4" y="4" width="92" height="92" rx="12" fill="#1f5fbf"/>
  <rect x="40" y="14" width="20" height="20" rx="2" fill="#d8e2f0"/>
  <rect x="43.3" y="19.5" width="4.4" height="5" rx="0.5" fill="#1f5fbf"/>
  <rect x="52.3" y="19.5" width="4.4" height="5" rx="0.5" fill="#1f5fbf"/>
  <rect x="34" y="32" width="32" height="46" rx="5" fill="#fff"/>
  <circle cx="70" cy="72" r="16" fill="#2ea043"/>
  <path d="M63 72l5 6 10-13" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;

const write = (path, data) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`wrote ${path.slice(ROOT.length + 1)}`);
};
for (const size of SIZES) write(join(ROOT, 'build/icons', `${size}x${size}.png`), png(size, render(size)));
write(join(ROOT, 'build/icon.svg'), SVG);
write(join(ROOT, 'resources/icon.png'), png(256, render(256)));
