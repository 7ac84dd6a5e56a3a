export { buildDigest, type DigestInput } from './build.js';
