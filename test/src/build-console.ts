import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { consoleDir } from './paths';

/**
 * The server serves console/dist in production, so the browser tests run against a fresh build
 * of the console: a test never passes on a stale bundle.
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.join(consoleDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: consoleDir,
    stdio: 'inherit',
  });
}
