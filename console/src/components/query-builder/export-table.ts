/**
 * Exporting a query's whole result: every page fetched in turn (with progress and cancel), then
 * written as CSV (papaparse) or XLSX (exceljs). Both libraries load only when an export runs.
 */
import { mergeTables, type PageInfo, type Table } from './result-table';

export interface FetchedPage {
  table: Table;
  pageInfo: PageInfo | null;
  totalCount: number | null;
}

export interface ExportProgress {
  rows: number;
  total: number | null;
  pages: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

/**
 * Fetches page after page (`after` = the previous page's end cursor) until there is no next page.
 * A result without pageInfo is one page.
 */
export async function fetchAllPages(
  fetchPage: (after: string | null) => Promise<FetchedPage>,
  options: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; maxPages?: number } = {},
): Promise<Table> {
  const tables: Table[] = [];
  let after: string | null = null;
  let rows = 0;
  for (let pages = 1; ; pages++) {
    if (options.signal?.aborted) throw new ExportCancelled();
    const page = await fetchPage(after);
    if (options.signal?.aborted) throw new ExportCancelled();
    tables.push(page.table);
    rows += page.table.rows.length;
    options.onProgress?.({ rows, total: page.totalCount, pages });
    const next = page.pageInfo?.hasNextPage ? page.pageInfo.endCursor : null;
    // A cursor that does not move would loop forever; stop rather than hang the browser.
    if (!next || next === after || pages >= (options.maxPages ?? 10_000)) break;
    after = next;
  }
  return mergeTables(tables);
}

export async function toCsv(table: Table): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return Papa.unparse({ fields: table.columns, data: table.rows.map((r) => table.columns.map((c) => r[c] ?? '')) });
}

export async function toXlsx(table: Table, sheetName = 'Hasil'): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = table.columns.map((c) => ({ header: c, key: c, width: Math.min(40, Math.max(10, c.length + 2)) }));
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => row[c] ?? null));
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Hands a file to the browser's download. */
export function download(content: Blob | string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
