export { buildDigest } from './build.js';
//# sourceMappingURL=index.js.map