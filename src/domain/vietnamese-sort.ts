// A sort key whose byte order (COLLATE "C") matches Intl.Collator("vi") for Vietnamese text,
// so the database can page through names in Vietnamese order without ICU collations.

const LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
// Secondary weights of tone marks, in the order of CLDR's Vietnamese collation.
const TONES: Record<string, string> = { "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5" };
const MODIFIERS: Record<string, string> = { "a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư" };

// Primary ranks: whitespace < punctuation < digits < letters < anything else (by code point).
function primaryOf(base: string): string {
  if (/\s/.test(base)) return "\u0021";
  if (/[0-9]/.test(base)) return String.fromCharCode(0x30 + Number(base));
  const i = LETTERS.indexOf(base);
  if (i >= 0) return String.fromCharCode(0x41 + i);
  const cp = base.codePointAt(0) ?? 0;
  if (cp < 0x80) return String.fromCharCode(0x22 + (cp % 13));
  return String.fromCodePoint(0x100 + cp);
}

/** Collation key for `text`: primary letters, then tones, then case; compare with plain byte order. */
export function vietnameseSortKey(text: string): string {
  let primary = "";
  let secondary = "";
  let tertiary = "";
  for (const ch of text.normalize("NFC")) {
    const lower = ch.toLowerCase();
    const parts = lower.normalize("NFD");
    let base = parts[0] ?? "";
    let tone = "0";
    for (const mark of parts.slice(1)) {
      if (TONES[mark]) tone = TONES[mark];
      else if (MODIFIERS[base + mark]) base = MODIFIERS[base + mark];
    }
    primary += primaryOf(base);
    secondary += tone;
    tertiary += lower === ch ? "0" : "1";
  }
  return `${primary}\u0020${secondary}\u0020${tertiary}`;
}

/** Key that sorts people the Vietnamese way: by given name (last word), then by the full name. */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = words[words.length - 1] ?? "";
  return `${vietnameseSortKey(given)}\u001f${vietnameseSortKey(fullName.trim())}`;
}

export const vietnameseCollator = new Intl.Collator("vi");
