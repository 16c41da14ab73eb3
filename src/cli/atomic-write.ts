/**
 * Every file ZiPing writes (a template, a workbook after import --apply, a data file, the field
 * dictionary) is written whole or not at all, with the officer's file treated as theirs:
 *
 * - written to a hidden temporary file in the same folder, flushed to disk (fsync), then renamed
 *   over the target, so a kill, a full disk or a file-size limit leaves the old file intact;
 * - the target keeps its permissions (0600 stays 0600) and owner;
 * - a read-only file or folder is refused before anything is written (exit 2), even for root,
 *   who the system would let through: read-only is the officer's decision;
 * - a symbolic link is written through: its real target gets the new content, the link stays;
 * - a file with hard links (several names) is rewritten in place once the complete temporary
 *   copy is safely on disk, so every name sees the new content; the in-place copy is one
 *   synchronous step that SIGINT/SIGTERM cannot interrupt; if that copy fails part way, the old
 *   content is put back (only a crash or power loss during that step could cut the file — the
 *   price of keeping the links, which a rename would split);
 * - temporary files are removed on failure and on SIGINT/SIGTERM (then the process exits with
 *   128 + the signal's number, as a shell expects);
 * - a failure is one Chinese line naming the file the officer gave, never the temporary file.
 */
import { constants as fsConstants, accessSync, closeSync, fsyncSync, ftruncateSync, lstatSync, openSync, readFileSync, readlinkSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { constants as osConstants } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./usage-error";

/** Writes one chunk of the temporary file; injectable so tests can make a write fail (ENOSPC, EFBIG). */
export type ChunkWriter = (file: FileHandle, chunk: Buffer) => Promise<void>;

export interface AtomicWriteOptions {
  writeChunk?: ChunkWriter;
  /** Bytes per write; between chunks a signal can be handled (and the temporary file removed). */
  chunkBytes?: number;
}

const defaultWriter: ChunkWriter = async (file, chunk) => {
  let done = 0;
  while (done < chunk.length) done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
};

/** Temporary files being written now: removed if the process is interrupted. */
const pending = new Set<string>();

function removePendingAndExit(signal: NodeJS.Signals): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
  process.exit(128 + (osConstants.signals[signal] ?? 0));
}

const onSignal: Record<"SIGINT" | "SIGTERM", () => void> = {
  SIGINT: () => removePendingAndExit("SIGINT"),
  SIGTERM: () => removePendingAndExit("SIGTERM"),
};

/** Handlers are installed only while a write is under way, so Ctrl-C behaves as usual otherwise. */
function track(path: string): void {
  if (pending.size === 0) for (const [signal, handler] of Object.entries(onSignal)) process.on(signal, handler);
  pending.add(path);
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) for (const [signal, handler] of Object.entries(onSignal)) process.off(signal, handler);
}

/** What a failed write says, in the officer's words, about the file they named. */
export function writeFailure(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reasons: Record<string, string> = {
    EACCES: "没有写入权限",
    EPERM: "没有写入权限",
    EROFS: "所在磁盘或分区为只读",
    ENOSPC: "磁盘空间不足",
    EDQUOT: "磁盘配额已用完",
    EFBIG: "超过系统允许的文件大小（ulimit -f）",
    ENOENT: "所在文件夹不存在",
    ENOTDIR: "路径中有一段不是文件夹",
    EISDIR: "是文件夹，不是文件",
    ELOOP: "符号链接层数过多（可能循环）",
    ENAMETOOLONG: "文件名过长",
  };
  const reason = reasons[code] ?? `写入失败（${code || (error as Error).message}）`;
  return new UsageError(`${file}: ${reason}，未写入；原文件未改动`);
}

/** Follows symbolic links to the file they name (which may not exist yet). */
function realTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error("ELOOP"), { code: "ELOOP" });
}

function existing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** No write bit for anyone, or the system says no: read-only as far as ZiPing is concerned. */
function readOnly(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    accessSync(path, fsConstants.W_OK);
    return false;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EROFS") throw e;
    return true;
  }
}

/** Refuses before anything is written; returns the existing target's stat, if any. */
function checkWritable(file: string, target: string): Stats | undefined {
  const folder = dirname(target);
  const folderStat = existing(folder);
  if (!folderStat) throw new UsageError(`${file}: 文件夹 ${dirname(file)} 不存在，未写入`);
  if (!folderStat.isDirectory()) throw new UsageError(`${file}: ${dirname(file)} 不是文件夹，未写入`);
  const stat = existing(target);
  if (stat?.isDirectory()) throw new UsageError(`${file}: 是文件夹，不是文件，未写入`);
  if (stat && readOnly(target, stat)) throw new UsageError(`${file}: 文件为只读，未写入；如确需改写，请先取消只读属性`);
  if (readOnly(folder, folderStat)) throw new UsageError(`${file}: 所在文件夹 ${dirname(file)} 为只读，未写入`);
  return stat;
}

function temporaryName(target: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return join(dirname(target), `.${basename(target)}.ziping-${process.pid}-${random}.tmp`);
}

/** Rewrites a hard-linked file in place from bytes already safely on disk beside it. */
function overwriteInPlace(target: string, bytes: Buffer): void {
  const fd = openSync(target, "r+");
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    // Truncate after writing, so a shorter new file never leaves the old file's tail.
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename itself durable; not every file system can sync a folder, which is harmless. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The rename has happened; only its durability across a power cut is not guaranteed here.
  }
}

/**
 * Writes `content` to `file` atomically (see the file comment). Throws a UsageError (exit 2)
 * naming `file` when the file is read-only or the write fails; the old file is then untouched
 * and no temporary file is left.
 */
export async function writeFileAtomically(file: string, content: Buffer | string, options: AtomicWriteOptions = {}): Promise<void> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const writeChunk = options.writeChunk ?? defaultWriter;
  const chunkBytes = options.chunkBytes ?? 1024 * 1024;
  let target: string;
  let before: Stats | undefined;
  try {
    target = realTarget(file);
    before = checkWritable(file, target);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw writeFailure(file, e);
  }
  const temporary = temporaryName(target);
  track(temporary);
  try {
    // A new file gets the usual permissions (0666 less the umask); a replaced one keeps its own.
    const handle = await open(temporary, "wx", before ? 0o600 : 0o666);
    try {
      if (before) {
        // Exactly the old file's permissions and owner (open's mode is filtered by the umask).
        await handle.chmod(before.mode & 0o7777);
        if (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()) await handle.chown(before.uid, before.gid).catch(() => undefined);
      }
      for (let at = 0; at < bytes.length; at += chunkBytes) await writeChunk(handle, bytes.subarray(at, at + chunkBytes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (before && before.nlink > 1) {
      // Should the copy fail part way (the disk filled up as the file grew), the old content
      // goes back into the blocks it occupied, which needs no new space.
      const previous = readFileSync(target);
      try {
        overwriteInPlace(target, bytes);
      } catch (e) {
        overwriteInPlace(target, previous);
        throw e;
      }
      await rm(temporary, { force: true });
    } else {
      await rename(temporary, target);
      syncFolder(dirname(target));
    }
  } catch (e) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(file, e);
  } finally {
    untrack(temporary);
  }
}
