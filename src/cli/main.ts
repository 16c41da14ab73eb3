import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { defaultForm, fieldsMarkdown, type FormSpec } from "../core/spec";
import { checkCommand } from "./commands/check";
import { loadForm, loadReportData } from "./load-data";
import { EXIT_OK, EXIT_UNUSABLE, UsageError } from "./usage-error";

export const HELP = `ziping — 自评表助手 (ZiPing) 命令行

用法 Usage:
  ziping check --data FILE.json [--json] [--form FORM.json]
      按报表规格校验数据：合计、跨表一致、预算超支、尾差。
      Check values keyed by field id. Exit 0 no errors, 1 errors found, 2 unusable input.
  ziping docs [--out docs/fields.md] [--form FORM.json]
      生成字段表。Write the field dictionary generated from the spec.
  ziping --help

选项 Options:
  --data FILE.json   数据文件 { form, lists, values }，格式见 README
  --json             输出 JSON（findings 含规则 id、单元格、应为/实为/差额）
  --form FORM.json   使用 JSON 格式的其他报表规格（无需改代码）
`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  stderr: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
};

function extraForms(path: string | undefined): FormSpec[] {
  return path ? [loadForm(path)] : [];
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: "string" },
      json: { type: "boolean", default: false },
      form: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  switch (command) {
    case "check": {
      if (!values.data) throw new UsageError("check: 需要 --data FILE.json");
      const { form, data } = loadReportData(values.data, extraForms(values.form));
      const { output, code } = checkCommand(form, data, values.data, values.json ?? false);
      io.stdout(output);
      return code;
    }
    case "docs": {
      const form = extraForms(values.form)[0] ?? defaultForm;
      const md = fieldsMarkdown(form);
      if (values.out) writeFileSync(values.out, md);
      else io.stdout(md);
      return EXIT_OK;
    }
    default:
      throw new UsageError(`未知命令 "${command}"；用 ziping --help 查看用法`);
  }
}

/** Entry point: never lets a stack trace reach the officer; unusable input is one line, exit 2. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `ziping: ${(e as Error).message}`;
    io.stderr(message);
    return EXIT_UNUSABLE;
  }
}
