import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
/**
 * Draws the two Teams app icons from geometry, so they can be regenerated and reviewed as code:
 * `color.png` (192×192, full-bleed accent background, white shield with a check) and
 * `outline.png` (32×32, white shield on transparency, the check cut out — Teams requires the
 * outline icon to be white and transparent only).
 *
 * Run after a build: `node dist/adapters/teams/generate-icons.js` (writes into manifest/teams/).
 */
const ACCENT = [0x0e, 0x6e, 0x6e]; // matches accentColor in manifest.json
const SUPERSAMPLE = 4;
/** Shield silhouette in unit coordinates: straight sides, then tapering to a point. */
function inShield(x, y) {
    const top = 0.14;
    const shoulder = 0.4;
    const tip = 0.9;
    if (y < top || y > tip)
        return false;
    // Below the shoulder the sides curve in smoothly (no kink) and meet in a point.
    const t = Math.max(0, (y - shoulder) / (tip - shoulder));
    const halfWidth = 0.33 * (1 - t * t);
    // Slightly rounded top corners.
    if (y < top + 0.06) {
        const inset = 0.06 - (y - top);
        return Math.abs(x - 0.5) <= halfWidth - inset * 0.6;
    }
    return Math.abs(x - 0.5) <= halfWidth;
}
function distanceToSegment(px, py, ax, ay, bx, by) {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inCheck(x, y) {
    const thickness = 0.045;
    return (distanceToSegment(x, y, 0.35, 0.47, 0.46, 0.58) <= thickness ||
        distanceToSegment(x, y, 0.46, 0.58, 0.66, 0.36) <= thickness);
}
/** Fraction of a pixel covered by a shape (anti-aliasing by supersampling). */
function coverage(size, px, py, inside) {
    let hits = 0;
    for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
            const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
            if (inside(x, y))
                hits++;
        }
    }
    return hits / (SUPERSAMPLE * SUPERSAMPLE);
}
export function drawColorIcon(size = 192) {
    const png = new PNG({ width: size, height: size });
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            const white = coverage(size, x, y, (u, v) => inShield(u, v) && !inCheck(u, v));
            const i = (y * size + x) * 4;
            for (let c = 0; c < 3; c++)
                png.data[i + c] = Math.round(ACCENT[c] * (1 - white) + 255 * white);
            png.data[i + 3] = 255;
        }
    }
    return png;
}
export function drawOutlineIcon(size = 32) {
    const png = new PNG({ width: size, height: size });
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            const alpha = coverage(size, x, y, (u, v) => inShield(u, v) && !inCheck(u, v));
            const i = (y * size + x) * 4;
            png.data[i] = 255;
            png.data[i + 1] = 255;
            png.data[i + 2] = 255;
            png.data[i + 3] = Math.round(alpha * 255);
        }
    }
    return png;
}
export function writeIcons(directory) {
    writeFileSync(join(directory, 'color.png'), PNG.sync.write(drawColorIcon()));
    writeFileSync(join(directory, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
}
const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
    // dist/adapters/teams → repository root.
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const target = join(root, 'manifest', 'teams');
    writeIcons(target);
    process.stdout.write(`wrote ${join(target, 'color.png')} and ${join(target, 'outline.png')}\n`);
}
//# sourceMappingURL=generate-icons.js.map