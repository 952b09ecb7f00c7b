import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { consoleDir } from './paths';

/** The chunks a browser loads before a page shows: the entry and the page, with their static imports. */
async function initialJs(pageSource: string): Promise<{ files: string[]; gzip: number }> {
  const dist = path.join(consoleDir, 'dist');
  const manifest = JSON.parse(await readFile(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  const page = Object.keys(manifest).find((k) => k.endsWith(pageSource));
  if (!entry || !page) throw new Error(`no ${entry ? pageSource : 'entry'} in the manifest`);
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  walk(entry);
  walk(page);
  const files = [...seen].map((k) => manifest[k]!.file);
  let gzip = 0;
  for (const f of files) gzip += gzipSync(await readFile(path.join(dist, f))).length;
  return { files, gzip };
}

describe('console bundle (built by the global setup)', () => {
  it('loads the dashboard with at most 300 kB gzip of JavaScript, ECharts not included', async () => {
    const { files, gzip } = await initialJs('components/dashboard/dashboard-page.vue');
    expect(files.some((f) => f.includes('dashboard-charts'))).toBe(false);
    expect(gzip / 1024).toBeLessThanOrEqual(300);
  });
});
