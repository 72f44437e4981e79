// Renaming a fact (its key) carries the new name into every rule and condition that reads it, expressions included,
// so a rename never leaves a rule reading a fact that no longer exists. Zod-free: the web editor bundles it.

// Properties that name a fact: `input`, a rate's `per`, a sample check's `sampledInput`/`confirmedInput`.
const REFERENCE = /^(input|per)$|Input$/;

/** The expression with the fact `from` (a bare or 'single-quoted' symbol) renamed `to`; strings and functions untouched. */
export function renameInExpression(expr: string, from: string, to: string): string {
  const token = /"(?:\\"|\\\\|[^"\\])*"|'((?:\\'|\\\\|[^'\\])*)'|([a-zA-Z$_][.a-zA-Z0-9$_]*)(\s*\()?/g;
  return expr.replace(token, (m, quoted: string | undefined, bare: string | undefined, call: string | undefined) => {
    if (quoted !== undefined) return quoted === from ? (/^[a-zA-Z$_][.a-zA-Z0-9$_]*$/.test(to) ? to : `'${to}'`) : m;
    if (bare !== undefined && !call && bare === from) return to;
    return m;
  });
}

/** `value` (a criterion, rule or condition) with every reference to fact `from` renamed `to`. */
export function renameInputRefs<T>(value: T, from: string, to: string): T {
  if (from === to) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === "string" && REFERENCE.test(k) && x === from) out[k] = to;
        else if (typeof x === "string" && k === "expr") out[k] = renameInExpression(x, from, to);
        else out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
