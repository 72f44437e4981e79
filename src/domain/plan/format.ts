// Vietnamese number and date text for explanations (the formats themselves live in ../format.ts).
import { num } from "../format.js";

export { dmy, num } from "../format.js";
export const pts = (n: number) => `${num(n)} điểm`;
