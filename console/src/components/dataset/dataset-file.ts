export type ParsedDataset = { ok: true; name: string; sizeKb: string; dataset: Record<string, unknown> };
export type DatasetFileError = { ok: false; reason: 'not-json' | 'not-object'; message: string };

/** Reads an uploaded dataset file; the server validates the content, the console only its shape. */
export function parseDatasetFile(name: string, text: string): ParsedDataset | DatasetFileError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'not-json', message: e instanceof Error ? e.message : String(e) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not-object', message: '' };
  return { ok: true, name, sizeKb: (new TextEncoder().encode(text).length / 1024).toFixed(1), dataset: value as Record<string, unknown> };
}
