import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const serverDir = path.join(repoRoot, 'server');
export const consoleDir = path.join(repoRoot, 'console');
export const screenshotDir = path.join(repoRoot, 'test/screenshots');
