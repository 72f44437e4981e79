import ExcelJS from "exceljs";

/** An .xlsx whose first sheet holds `rows` (first row = headers). */
export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart body with a `kind` field and a `file`. */
export async function multipart(kind: string, fileName: string, data: Buffer | string): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([typeof data === "string" ? data : new Uint8Array(data)]), fileName);
  const req = new Request("http://local/", { method: "POST", body: form });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get("content-type") as string };
}

export async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)))));
  return out;
}
