import { describe, expect, it } from "vitest";
import { carriesProgram, checkJpeg, checkPdf } from "./check-structure.js";

/** A JPEG's markers without real image data: enough for the structure check (SOI, APP0, SOF0, SOS, EOI). */
function jpeg(width: number, height: number, end = true): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, ...sos, ...(end ? [0xff, 0xd9] : [])]);
}

describe("file structure checks", () => {
  it("JPEG: a frame with a size before the scan, and an end marker", () => {
    expect(checkJpeg(jpeg(640, 480))).toBeNull();
    expect(checkJpeg(jpeg(0, 480))).toContain("kích thước");
    expect(checkJpeg(jpeg(640, 480, false))).toContain("kết thúc");
    expect(checkJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x40]))).toContain("cắt cụt");
  });
  it("PDF: no catastrophic backtracking on hostile runs of digits or spaces", () => {
    const started = Date.now();
    expect(checkPdf(Buffer.from(`%PDF-1.4\n${"1".repeat(5_000_000)}\n${" ".repeat(5_000_000)}startxref 9\n%%EOF`))).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("finds a Windows or Linux program inside any file", () => {
    expect(carriesProgram(Buffer.from("xxThis program cannot be run in DOS mode.xx"))).toBe(true);
    expect(carriesProgram(Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"))).toBe(true);
    expect(carriesProgram(Buffer.from("Báo cáo thường"))).toBe(false);
  });
});
