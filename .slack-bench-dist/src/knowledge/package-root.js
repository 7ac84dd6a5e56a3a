import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const PACKAGE_NAME = 'dutybot';
let cached;
/**
 * Absolute path of the dutybot package (the directory whose package.json is named "dutybot").
 *
 * Walks up from this module's own location rather than trusting `process.cwd()`, so it gives the
 * same answer from `src/…` under vitest/tsx, from `dist/src/…` after `tsc`, and when the CLI is run
 * from any working directory (or installed globally).
 */
export function packageRoot() {
    cached ??= findPackageRoot(dirname(fileURLToPath(import.meta.url)));
    return cached;
}
/** Walks up from `start` to the nearest directory holding the dutybot package.json. */
export function findPackageRoot(start) {
    let dir = start;
    for (;;) {
        if (isDutybotPackage(join(dir, 'package.json')))
            return dir;
        const parent = dirname(dir);
        if (parent === dir) {
            throw new Error(`Cannot find the ${PACKAGE_NAME} package root (a package.json named "${PACKAGE_NAME}") above ${start}`);
        }
        dir = parent;
    }
}
function isDutybotPackage(file) {
    if (!existsSync(file))
        return false;
    try {
        return JSON.parse(readFileSync(file, 'utf8')).name === PACKAGE_NAME;
    }
    catch {
        // An unreadable or malformed package.json on the way up is not ours: keep walking.
        return false;
    }
}
//# sourceMappingURL=package-root.js.map