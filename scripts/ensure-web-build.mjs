// Builds the web UI when web/dist is missing or older than its sources, so `npm start` and `npm test`
// work right after `npm install` without a separate build step.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const web = path.join(root, "web");
const built = path.join(web, "dist", "index.html");

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== "dist" && e !== "node_modules") max = Math.max(max, newest(path.join(p, e)));
  return max;
}

if (!fs.existsSync(path.join(web, "index.html"))) process.exit(0);
if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(web)) process.exit(0);
console.log("Đang đóng gói giao diện web (vite build)…");
execFileSync(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
  cwd: root,
  stdio: "inherit",
});
