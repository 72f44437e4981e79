// The one builder of Content-Disposition for every download and export (RFC 6266 with RFC 5987/8187 `filename*`):
// a header may only carry Latin-1 bytes, so the Vietnamese name travels percent-encoded in UTF-8, with a plain
// ASCII fallback for old clients.

/** RFC 5987 attr-char: everything else is percent-encoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/** Removes what must never reach a header or a file system: control characters, path separators, quotes. */
export function cleanFileName(name: string, fallback = "tep"): string {
  const cleaned = name
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\\/]/g, "-")
    .replace(/"/g, "'")
    .trim()
    .replace(/^\.+/, "");
  return cleaned.slice(0, 200) || fallback;
}

/** The name in plain ASCII (Vietnamese letters without their marks, đ as d), for clients that ignore `filename*`. */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  return ascii || "tep";
}

function encodeRfc5987(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** `attachment; filename="…"; filename*=UTF-8''…` for any name a user gave a file. */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const name = cleanFileName(fileName);
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
