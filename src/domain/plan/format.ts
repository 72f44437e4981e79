// Vietnamese number and date text for explanations.
const nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
export const num = (n: number) => nf.format(n);
export const pts = (n: number) => `${num(n)} điểm`;
export const dmy = (iso: string) => iso.split("-").reverse().join("/");
