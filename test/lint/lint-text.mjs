// Lints planted sources with ESLint's Node API in a plain Node process (jest's module sandbox
// cannot import eslint.config.mjs). stdin: [{ filePath, code }]; stdout: one list of
// "rule: message" errors per entry.
import { ESLint } from "eslint";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8").on("data", (chunk) => (text += chunk)).on("end", () => resolve(text));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of input) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
