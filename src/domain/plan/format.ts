// Vietnamese number and date text for explanations.
const nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
// Small whole numbers need no separators; Intl formatting is slow enough to matter when scoring thousands.
export const num = (n: number) => (Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : nf.format(n));
export const pts = (n: number) => `${num(n)} điểm`;
export const dmy = (iso: string) => iso.split("-").reverse().join("/");
