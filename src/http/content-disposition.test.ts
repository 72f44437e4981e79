import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiFileName, cleanFileName, contentDisposition } from "./content-disposition.js";

describe("Content-Disposition", () => {
  it("keeps a Vietnamese name in filename* and gives an ASCII fallback", () => {
    expect(contentDisposition("Kế hoạch CCHC năm 2026.pdf")).toBe(
      "attachment; filename=\"Ke hoach CCHC nam 2026.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20CCHC%20n%C4%83m%202026.pdf",
    );
    expect(asciiFileName("Đơn vị đạt")).toBe("Don vi dat");
  });
  it("never yields a header Node refuses, and filename* always decodes back to the cleaned name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (name) => {
        const header = contentDisposition(name);
        const star = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? "";
        // Latin-1 printable only, so http.setHeader accepts it; and the name round-trips.
        return (
          /^[\x20-\x7e]+$/.test(header) && decodeURIComponent(star) === cleanFileName(name) && !/["\\]/.test(/filename="([^"]*)"/.exec(header)?.[1] ?? '"')
        );
      }),
    );
  });
  it("drops control characters, bidi overrides and path separators", () => {
    expect(cleanFileName("a\u0000b\r\n\u202Ec/d\\e.pdf")).toBe("abc-d-e.pdf");
    expect(cleanFileName("..\u0000")).toBe("tep");
  });
});
