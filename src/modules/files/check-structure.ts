// An upload's first bytes only say what it claims to be: a file that starts with "%PDF" and then carries a Windows
// program passed as a PDF. So each accepted type is checked for the structure a reader relies on, and no type may
// carry a program. Each check returns the Vietnamese reason it fails, or null.
import { crc32 } from "node:zlib";
import { inspectZip, readZipEntry, type ZipLimits, ZipRefused } from "../../documents/zip-inspect.js";

/** The DOS stub every Windows executable (EXE, DLL, SCR) carries. */
const PE_STUB = Buffer.from("This program cannot be run in DOS mode", "latin1");
/** A Linux executable or shared library, at the start of what would be an embedded file. */
const ELF = Buffer.from("\x7fELF\x02\x01\x01", "latin1");

export function carriesProgram(data: Buffer): boolean {
  return data.includes(PE_STUB) || data.includes(ELF);
}

export function checkPdf(data: Buffer): string | null {
  const head = data.toString("latin1", 0, Math.min(data.length, 1024));
  if (!/%PDF-[12]\.\d/.test(head)) return "thiếu phần đầu %PDF-1.x";
  const text = data.toString("latin1");
  const tail = text.slice(-2048);
  if (!tail.includes("%%EOF")) return "thiếu dấu kết thúc tệp %%EOF";
  // Bounded quantifiers only: a hostile 20 MB run of digits or spaces must not make a regex backtrack for minutes.
  const starts = [...tail.matchAll(/startxref\s{1,10}(\d{1,12})/g)];
  const offset = starts.length ? Number(starts[starts.length - 1][1]) : -1;
  if (offset < 0 || offset >= data.length) return "thiếu bảng tham chiếu chéo (startxref)";
  const hasXrefTable = /(?:^|[\r\n])xref\s{1,10}\d{1,10}\s{1,10}\d{1,10}/.test(text) && /trailer\s{0,10}<</.test(text);
  const hasXrefStream = /\/Type\s{0,10}\/XRef\b/.test(text);
  if (!hasXrefTable && !hasXrefStream) return "thiếu bảng tham chiếu chéo (xref) và phần trailer";
  if (!/\/Root\s{1,10}\d{1,10}\s{1,10}\d{1,5}\s{1,10}R/.test(text)) return "thiếu mục gốc của tài liệu (/Root)";
  if (!/\d{1,10}\s{1,10}\d{1,5}\s{1,10}obj\b/.test(text) || !text.includes("endobj")) return "không có đối tượng PDF nào";
  if (/\/Launch\b/.test(text)) return "có lệnh mở chương trình (/Launch)";
  if (/\/EmbeddedFiles?\b/.test(text)) return "có tệp khác đính kèm bên trong";
  return null;
}

export function checkPng(data: Buffer): string | null {
  if (data.length < 33 || data.toString("hex", 0, 8) !== "89504e470d0a1a0a") return "thiếu phần đầu PNG";
  let p = 8;
  let seenIdat = false;
  for (let n = 0; p + 12 <= data.length; n++) {
    const length = data.readUInt32BE(p);
    const type = data.toString("latin1", p + 4, p + 8);
    if (p + 12 + length > data.length) return `khối ${type} bị cắt cụt`;
    if (crc32(data.subarray(p + 4, p + 8 + length)) !== data.readUInt32BE(p + 8 + length)) return `khối ${type} bị hỏng (sai mã kiểm tra)`;
    if (n === 0) {
      if (type !== "IHDR" || length !== 13) return "khối IHDR không đứng đầu";
      const width = data.readUInt32BE(p + 8);
      const height = data.readUInt32BE(p + 12);
      if (width < 1 || height < 1 || width > 100_000 || height > 100_000) return "kích thước ảnh không hợp lệ";
    }
    if (type === "IDAT") seenIdat = true;
    if (type === "IEND") return seenIdat ? null : "ảnh không có dữ liệu điểm ảnh";
    p += 12 + length;
  }
  return "thiếu khối kết thúc IEND";
}

// SOF markers carry the frame size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) do not.
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function checkJpeg(data: Buffer): string | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return "thiếu phần đầu JPEG";
  let p = 2;
  let frame = false;
  while (p + 4 <= data.length) {
    if (data[p] !== 0xff) return "cấu trúc JPEG bị hỏng";
    const marker = data[p + 1];
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    const length = data.readUInt16BE(p + 2);
    if (length < 2 || p + 2 + length > data.length) return "một đoạn JPEG bị cắt cụt";
    if (isSof(marker)) {
      if (length < 8) return "khung ảnh JPEG bị hỏng";
      const height = data.readUInt16BE(p + 5);
      const width = data.readUInt16BE(p + 7);
      if (width < 1 || height < 1) return "kích thước ảnh không hợp lệ";
      frame = true;
    }
    if (marker === 0xda) {
      if (!frame) return "ảnh không có khung (SOF) trước dữ liệu";
      return data.lastIndexOf(Buffer.from([0xff, 0xd9])) > p ? null : "thiếu dấu kết thúc ảnh JPEG";
    }
    p += 2 + length;
  }
  return "ảnh không có dữ liệu điểm ảnh";
}

/** Evidence DOCX/XLSX files inflate to at most this much (a 20 MB upload of text-heavy Word is well within). */
export const OOXML_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 200 * 1024 * 1024 };

const MAIN_PART: Record<"docx" | "xlsx", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

/** A real Office Open XML package: a sound zip within limits, [Content_Types].xml naming the main part, no macros. */
export async function checkOoxml(data: Buffer, kind: "docx" | "xlsx"): Promise<string | null> {
  try {
    const entries = await inspectZip(data, OOXML_ZIP_LIMITS);
    const types = await readZipEntry(data, entries, "[Content_Types].xml", 1024 * 1024);
    if (!types) return "thiếu phần [Content_Types].xml";
    const xml = types.toString("utf8");
    const main = [...xml.matchAll(/<Override\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`"${MAIN_PART[kind]}"`));
    const part = main && /PartName="\/?([^"]+)"/.exec(main)?.[1];
    if (!part) return `không có phần nội dung chính của tệp ${kind === "docx" ? "Word" : "Excel"}`;
    if (!entries.some((e) => e.name === part)) return `thiếu phần ${part}`;
    if (entries.some((e) => /vbaProject\.bin$/i.test(e.name)) || /macroEnabled/i.test(xml)) return "có macro (mã lệnh tự chạy)";
    return null;
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.problem === "too_large") return `khi giải nén vượt quá ${OOXML_ZIP_LIMITS.maxTotalBytes / 1048576} MB (tệp nén bất thường)`;
    if (e.problem === "encrypted") return "đang được đặt mật khẩu";
    return "tệp nén bị hỏng";
  }
}

/** Why `data` is not a sound file of the accepted type `mime`, or null when it is. */
export async function structureProblem(mime: string, data: Buffer): Promise<string | null> {
  if (carriesProgram(data)) return "có chứa chương trình chạy được (tệp thực thi)";
  switch (mime) {
    case "application/pdf":
      return checkPdf(data);
    case "image/png":
      return checkPng(data);
    case "image/jpeg":
      return checkJpeg(data);
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return checkOoxml(data, "docx");
    case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
      return checkOoxml(data, "xlsx");
    default:
      return "loại tệp không được chấp nhận";
  }
}
