import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFormula, unescapeFormula } from "./spreadsheet-text.js";

describe("spreadsheet text", () => {
  it("neutralises every formula-leading cell from the OWASP list", () => {
    for (const evil of ['=HYPERLINK("http://x","bấm")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+2", "-2+3", "\t=1", "\r=1", "＝1+2"]) {
      expect(escapeFormula(evil)).toBe(`'${evil}`);
    }
  });
  it("leaves ordinary text, numbers and empty cells alone", () => {
    for (const v of ["Phường 1", "", "Nguyễn Văn A", "0901234567", 42, -5, null]) expect(escapeFormula(v)).toBe(v);
  });
  it("reads back exactly what was escaped", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.startsWith("'")),
        (s) => unescapeFormula(String(escapeFormula(s))) === s,
      ),
    );
    fc.assert(fc.property(fc.string(), (s) => !/^[=+\-@\t\r]/.test(String(escapeFormula(s)))));
  });
});
