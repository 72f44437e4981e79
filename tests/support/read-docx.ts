// For the tests: opens a .docx (a zip of XML parts) and checks what every Decree 30 document must show.
import JSZip from "jszip";
import { expect } from "vitest";

export interface Docx {
  document: string;
  styles: string;
  parts: Record<string, string>;
  /** The text of each paragraph, in order; line breaks as "\n", tabs as "\t". */
  paragraphs: string[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

/** The paragraphs (`<w:p>`) of a part, as XML. */
export function paragraphXmls(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

/** The text of a paragraph's XML. */
export function textOf(paragraphXml: string): string {
  return unescapeXml(
    [...paragraphXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((t) => (t[1] !== undefined ? t[1] : t[0] === "<w:tab/>" ? "\t" : "\n"))
      .join(""),
  );
}

export async function openDocx(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) parts[name] = await zip.file(name)!.async("string");
  const document = parts["word/document.xml"];
  return { document, styles: parts["word/styles.xml"], parts, paragraphs: paragraphXmls(document).map(textOf) };
}

/** The first paragraph whose text is `text`, as XML. */
export function paragraphXml(d: Docx, text: string | RegExp): string {
  const found = paragraphXmls(d.document).find((p) => (typeof text === "string" ? textOf(p) === text : text.test(textOf(p))));
  if (!found) throw new Error(`No paragraph "${text}"`);
  return found;
}

/** The rows of the document's tables, each as the texts of its cells (paragraphs joined by "\n"). */
export function tableRows(d: Docx): string[][] {
  return [...d.document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphXmls(tc[0]).map(textOf).join("\n")),
  );
}

/** The row of a table whose cells include `cell`. */
export function rowWith(d: Docx, cell: string): string[] {
  const row = tableRows(d).find((r) => r.includes(cell));
  if (!row) throw new Error(`No table row with "${cell}"`);
  return row;
}

/** Fonts named in any part (run fonts and theme typefaces), except the font table. */
export function fontsNamed(d: Docx): Set<string> {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(d.parts)) {
    if (name === "word/fontTable.xml") continue;
    for (const m of xml.matchAll(/<w:rFonts ([^>]*)\/>/g)) for (const a of m[1].matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)) names.add(a[1]);
    if (/^word\/theme\/theme\d+\.xml$/.test(name)) for (const m of xml.matchAll(/<a:(?:latin|ea|cs) typeface="([^"]*)"/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

/** Times New Roman for every script and nothing else; black text everywhere. */
export function expectTimesNewRomanBlack(d: Docx): void {
  expect(d.styles).toMatch(
    /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
  );
  expect([...fontsNamed(d)]).toEqual(["Times New Roman"]);
  for (const xml of [d.styles, d.document]) expect([...xml.matchAll(/<w:color w:val="([^"]*)"/g)].map((m) => m[1]).filter((c) => c !== "000000")).toEqual([]);
}

/** The national title and motto, each its own bold paragraph. */
export function expectNationalMotto(d: Docx): void {
  expect(d.paragraphs).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(d.paragraphs).toContain("Độc lập - Tự do - Hạnh phúc");
  expect(paragraphXml(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toContain("<w:b/>");
  expect(paragraphXml(d, "Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
}

/** A4 portrait with Decree 30 margins (20/20/30/15 mm), Times New Roman, black, the motto, page numbers from page 2. */
export function expectDecree30Portrait(d: Docx): void {
  expectTimesNewRomanBlack(d);
  expect(d.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  expect(d.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"\/>/);
  expect(d.document).toContain("<w:titlePg/>");
  expectNationalMotto(d);
}

/** Where each text is among the paragraphs (-1 when absent). */
export const positions = (d: Docx, texts: readonly string[]) => texts.map((t) => d.paragraphs.indexOf(t));

/** True when the texts appear in this order (all present). */
export function inOrder(d: Docx, texts: readonly string[]): boolean {
  const at = positions(d, texts);
  return at.every((x) => x >= 0) && at.every((x, i) => i === 0 || x > at[i - 1]);
}

/** All paragraph text, line breaks and tabs as spaces, for phrases that may wrap. */
export const flatText = (d: Docx) => d.paragraphs.join("\n").replace(/[\n\t]/g, " ");
