/**
 * Every file ZiPing writes is written whole or not at all and stays the officer's file: its mode
 * kept, a read-only file or folder refused, a symbolic link written through, hard links kept, no
 * temporary file left behind (failure, SIGTERM), errors naming the officer's file.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomically, type ChunkWriter } from "../../src/cli/atomic-write";
import { UsageError } from "../../src/cli/usage-error";
import { runCli } from "./run-cli";

const repo = join(__dirname, "../..");
const exportsDir = join(__dirname, "../fixtures/exports");
const seedJson = join(__dirname, "../fixtures/seed-2020.json");
const tmp = mkdtempSync(join(tmpdir(), "ziping-atomic-"));
let n = 0;
const freshDir = () => {
  const dir = join(tmp, `d${++n}`);
  mkdirSync(dir);
  return dir;
};
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A writer that fails like a full disk or a file-size limit after the first chunk. */
type Failure = "ENOSPC" | "EFBIG" | "EROFS" | "EACCES";
const FAILURE_WORDS: Record<Failure, RegExp> = { ENOSPC: /磁盘空间不足/, EFBIG: /文件大小/, EROFS: /只读/, EACCES: /没有写入权限/ };

function failingWriter(code: Failure): ChunkWriter {
  let calls = 0;
  return async (file, chunk) => {
    if (++calls > 1) throw Object.assign(new Error(`${code}: simulated`), { code });
    await file.write(chunk);
  };
}

async function refusal(write: Promise<unknown>): Promise<UsageError> {
  try {
    await write;
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error("the write was not refused");
}

describe("writeFileAtomically", () => {
  it("keeps the target's mode: 0600 stays 0600, 0640 stays 0640", async () => {
    const dir = freshDir();
    for (const mode of [0o600, 0o640]) {
      const file = join(dir, `f${mode.toString(8)}.json`);
      writeFileSync(file, "old");
      chmodSync(file, mode);
      await writeFileAtomically(file, "new");
      expect(readFileSync(file, "utf8")).toBe("new");
      expect(modeOf(file)).toBe(mode);
    }
    // A new file: what any program would create, 0666 less the umask (not the temporary file's 0600).
    const created = join(dir, "new.json");
    await writeFileAtomically(created, "new");
    const umask = process.umask(0o022);
    process.umask(umask);
    expect(modeOf(created)).toBe(0o666 & ~umask);
    expect(leftovers(dir)).toEqual([]);
  });

  it("refuses a read-only file (0444) and a read-only folder, writing nothing, even for root", async () => {
    const dir = freshDir();
    const file = join(dir, "locked.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o444);
    const e = await refusal(writeFileAtomically(file, "new"));
    expect(e.message).toBe(`${file}: 文件为只读，未写入；如确需改写，请先取消只读属性`);
    expect(readFileSync(file, "utf8")).toBe("old");

    const lockedDir = freshDir();
    const inside = join(lockedDir, "a.json");
    writeFileSync(inside, "old");
    chmodSync(lockedDir, 0o555);
    try {
      expect((await refusal(writeFileAtomically(inside, "new"))).message).toMatch(new RegExp(`^${inside}: 所在文件夹 .* 为只读，未写入$`));
      expect((await refusal(writeFileAtomically(join(lockedDir, "new.json"), "new"))).message).toContain("为只读");
      expect(readdirSync(lockedDir)).toEqual(["a.json"]);
      expect(readFileSync(inside, "utf8")).toBe("old");
    } finally {
      chmodSync(lockedDir, 0o755);
    }
  });

  it("writes through a symbolic link: the link stays a link and its target gets the content", async () => {
    const dir = freshDir();
    const real = join(dir, "real.json");
    writeFileSync(real, "old");
    chmodSync(real, 0o600);
    const link = join(dir, "link.json");
    symlinkSync("real.json", link);
    await writeFileAtomically(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("real.json");
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(modeOf(real)).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it("keeps hard links: every name of the file sees the new content", async () => {
    const dir = freshDir();
    const one = join(dir, "one.json");
    const two = join(dir, "two.json");
    writeFileSync(one, "old content, longer than the new");
    linkSync(one, two);
    await writeFileAtomically(one, "new");
    expect(readFileSync(two, "utf8")).toBe("new");
    expect(statSync(one).ino).toBe(statSync(two).ino);
    expect(statSync(one).nlink).toBe(2);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(["ENOSPC", "EFBIG", "EROFS", "EACCES"] as const)("a write failing with %s leaves the old file, no temporary file, and names the officer's file", async (code) => {
    const dir = freshDir();
    const file = join(dir, "报表.json");
    writeFileSync(file, "old");
    const e = await refusal(writeFileAtomically(file, Buffer.alloc(64), { writeChunk: failingWriter(code), chunkBytes: 16 }));
    expect(e.message.startsWith(`${file}: `)).toBe(true);
    expect(e.message).toMatch(FAILURE_WORDS[code]);
    expect(e.message).not.toMatch(/\.tmp|ziping-\d+/);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s in the middle of a large write leaves the old file whole and removes the temporary file", async (signal, exitCode) => {
    const dir = freshDir();
    const file = join(dir, "big.json");
    const old = Buffer.alloc(1024 * 1024, "o");
    writeFileSync(file, old);
    const size = 256 * 1024 * 1024;
    // The compiled writer (lib/), as `ziping` runs it, writing 256 MB in 64 KB chunks.
    const script = `require(${JSON.stringify(join(repo, "lib/cli/atomic-write.js"))})
      .writeFileAtomically(${JSON.stringify(file)}, Buffer.alloc(${size}, "n"), { chunkBytes: 65536 })
      .then(() => process.exit(0));`;
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const started = Date.now();
    while (leftovers(dir).length === 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
    expect(leftovers(dir).length, "the child started writing its temporary file").toBe(1);
    child.kill(signal);
    const code = await exited;
    const after = readFileSync(file);
    // Old or new, never a mix or a truncation; here the signal came first, so the old one.
    expect(after.length === old.length ? after.equals(old) : after.length === size && after.every((b) => b === 0x6e)).toBe(true);
    expect(code).toBe(after.equals(old) ? exitCode : 0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("every command that writes a file goes through it", () => {
  it("import --apply into a .json under a file-size limit (ulimit -f) leaves the data file whole, one line naming it", () => {
    const dir = freshDir();
    const data = join(dir, "数据.json");
    writeFileSync(data, readFileSync(seedJson));
    const before = readFileSync(data);
    // 8 KB: the data file fits as it is, the rewritten one does not.
    const run = spawnSync("bash", ["-c", `ulimit -f 8; exec "$0" "$@"`, process.execPath, join(repo, "bin/ziping.js"), "import", join(exportsDir, "expense-gbk.csv"), "--into", data, "--apply"], {
      encoding: "utf8",
    });
    expect(before.length).toBeGreaterThan(8 * 1024);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([`${data}: 超过系统允许的文件大小（ulimit -f），未写入；原文件未改动`]);
    expect(readFileSync(data).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("import --apply into a read-only .json or .xlsx, template --force over a read-only file, docs --out: refused, exit 2, nothing written", async () => {
    const dir = freshDir();
    const data = join(dir, "data.json");
    writeFileSync(data, readFileSync(seedJson));
    chmodSync(data, 0o444);
    const book = join(dir, "book.xlsx");
    expect((await runCli(["template", "--out", book, "--units", "局机关,科技信息管理办公室"])).code).toBe(0);
    chmodSync(book, 0o444);
    const docs = join(dir, "fields.md");
    writeFileSync(docs, "officer's notes");
    chmodSync(docs, 0o444);
    const contents = [data, book, docs].map((f) => readFileSync(f));
    for (const [args, file] of [
      [["import", join(exportsDir, "income-yuan.tsv"), "--into", data, "--apply"], data],
      [["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"], book],
      [["template", "--out", book, "--force"], book],
      [["docs", "--out", docs], docs],
    ] as const) {
      const r = await runCli([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim()).toBe(`${file}: 文件为只读，未写入；如确需改写，请先取消只读属性`);
    }
    [data, book, docs].forEach((f, i) => expect(readFileSync(f).equals(contents[i]), f).toBe(true));
    expect(leftovers(dir)).toEqual([]);
  });

  it("import --apply into an .xlsx keeps its mode and writes through a symbolic link to it", async () => {
    const dir = freshDir();
    const real = join(dir, "real.xlsx");
    expect((await runCli(["template", "--out", real, "--units", "局机关,科技信息管理办公室"])).code).toBe(0);
    chmodSync(real, 0o600);
    const link = join(dir, "link.xlsx");
    symlinkSync(real, link);
    const before = readFileSync(real);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", link, "--apply"]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(modeOf(real)).toBe(0o600);
    expect(existsSync(join(dir, ".link.xlsx.tmp"))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});
