import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personSortKey, vietnameseSortKey } from "./vietnamese-sort.js";

const collator = new Intl.Collator("vi");
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const letters = [..."aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"];
const word = fc.array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase())), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(""));
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "));

describe("vietnameseSortKey", () => {
  it.each([
    ["a", "ă"],
    ["ă", "â"],
    ["d", "đ"],
    ["o", "ô"],
    ["ô", "ơ"],
    ["u", "ư"],
    ["an", "ăn"],
    ["anh", "ăn"],
    ["Đỗ", "Dương"].reverse() as [string, string],
    ["a", "à"],
    ["à", "ả"],
    ["ả", "ã"],
    ["ã", "á"],
    ["á", "ạ"],
    ["a", "A"],
    ["Lê Thị Anh", "Lê Thị Ánh"],
    ["Phường 1", "Phường 10"],
  ])("puts %s before %s", (a, b) => {
    expect(cmp(vietnameseSortKey(a), vietnameseSortKey(b))).toBe(-1);
  });

  it("orders any two Vietnamese phrases as Intl.Collator('vi') does", () => {
    fc.assert(
      fc.property(phrase, phrase, (a, b) => {
        const expected = Math.sign(collator.compare(a, b));
        fc.pre(expected !== 0);
        expect(cmp(vietnameseSortKey(a), vietnameseSortKey(b))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives equal keys only to equal texts (NFC and NFD alike)", () => {
    fc.assert(
      fc.property(phrase, (a) => {
        expect(vietnameseSortKey(a.normalize("NFD"))).toBe(vietnameseSortKey(a));
      }),
    );
  });
});

describe("personSortKey", () => {
  it("sorts by given name first, then full name", () => {
    const names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê An", "Đỗ Thị Ánh", "Bùi Văn Bình"];
    const sorted = [...names].sort((a, b) => cmp(personSortKey(a), personSortKey(b)));
    expect(sorted).toEqual(["Lê An", "Nguyễn Thị An", "Đỗ Thị Ánh", "Bùi Văn Bình", "Trần Văn Bình"]);
  });
});
