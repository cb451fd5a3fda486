// Writes into a workspace that may be hostile: a cloned repository can plant symbolic links anywhere
// along a path. Every helper here checks each path component from the workspace root down, refuses a
// link, and opens the final file with no-follow semantics, so a link raced in after the check still
// fails instead of being written through.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A path that leaves the workspace or passes through a symbolic link. */
export class UnsafePathError extends Error {
  constructor(
    message: string,
    /** The offending path, relative to the workspace root (POSIX separators). */
    readonly relativePath: string,
  ) {
    super(message);
  }
}

// Windows has no O_NOFOLLOW; there the component checks are the guard.
const noFollow = constants.O_NOFOLLOW ?? 0;

/** True when `rel` (from path.relative) climbs out of its base. `..exercises` is a name, not a climb. */
export function climbsOut(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || rel.startsWith('../') || path.isAbsolute(rel);
}

function posix(rel: string): string {
  return rel.split(path.sep).join('/');
}

function notFolderError(root: string, abs: string): UnsafePathError {
  const rel = posix(path.relative(root, abs));
  return new UnsafePathError(`"${rel}" is not a folder.`, rel);
}

function linkError(root: string, abs: string): UnsafePathError {
  const rel = posix(path.relative(root, abs));
  return new UnsafePathError(`"${rel}" is a symbolic link; refusing to write through it.`, rel);
}

/**
 * Checks that `target` lies inside `root` and that no existing component below the root (the target
 * included) is a symbolic link. Components that do not exist yet are fine: they will be created by
 * the helpers below, which check again. Returns the absolute target.
 */
export async function assertInside(root: string, target: string): Promise<string> {
  const base = path.resolve(root);
  const abs = path.resolve(base, target);
  const rel = path.relative(base, abs);
  if (climbsOut(rel)) throw new UnsafePathError(`"${target}" is outside the workspace folder ${base}.`, posix(rel));
  let current = base;
  for (const part of rel === '' ? [] : rel.split(path.sep)) {
    current = path.join(current, part);
    const stat = await fs.lstat(current).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      if (e.code === 'ENOTDIR') throw notFolderError(base, path.dirname(current));
      throw e;
    });
    if (!stat) break;
    if (stat.isSymbolicLink()) throw linkError(base, current);
    if (current !== abs && !stat.isDirectory()) throw notFolderError(base, current);
  }
  return abs;
}

/** Creates `dir` (inside `root`) one component at a time, refusing any component that is a link. */
export async function mkdirInside(root: string, dir: string): Promise<void> {
  const base = path.resolve(root);
  const abs = await assertInside(base, dir);
  let current = base;
  for (const part of path.relative(base, abs).split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    await fs.mkdir(current).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    // Checked after the mkdir, so a link planted between the check above and now is still caught.
    const stat = await fs.lstat(current);
    if (stat.isSymbolicLink()) throw linkError(base, current);
    if (!stat.isDirectory())
      throw new UnsafePathError(`"${posix(path.relative(base, current))}" is not a folder.`, posix(path.relative(base, current)));
  }
}

export interface WriteOptions {
  /** Fail with EEXIST when the file exists (O_EXCL), instead of replacing its content. */
  exclusive?: boolean;
}

/**
 * Writes a file inside `root`, creating its folders. The final component is opened with O_NOFOLLOW
 * (and O_EXCL when exclusive, which never follows a link either).
 */
export async function writeFileInside(root: string, file: string, data: string, options: WriteOptions = {}): Promise<void> {
  const base = path.resolve(root);
  const abs = await assertInside(base, file);
  await mkdirInside(base, path.dirname(abs));
  const flags = constants.O_WRONLY | constants.O_CREAT | noFollow | (options.exclusive ? constants.O_EXCL : constants.O_TRUNC);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(abs, flags, 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(base, abs);
    throw e;
  }
  try {
    await handle.writeFile(data, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a file inside `root` atomically: a fresh temp file of a random name (O_EXCL, so a planted
 * link by that name cannot exist), then a rename over the target. A link at the target is refused
 * rather than replaced, so the learner hears about it.
 */
export async function atomicWriteInside(root: string, file: string, data: string): Promise<void> {
  const base = path.resolve(root);
  const abs = await assertInside(base, file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFileInside(base, tmp, data, { exclusive: true });
  try {
    await assertInside(base, abs);
    await fs.rename(tmp, abs);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export interface ReadOptions {
  /** Read at most this many bytes (a 100 MB file planted where a note should be is not read whole). */
  maxBytes?: number;
}

/**
 * Reads a file inside `root` without following a link anywhere on its path. Content and modification
 * time come from one open handle, so they describe the same file.
 */
export async function readFileWithStatInside(
  root: string,
  file: string,
  options: ReadOptions = {},
): Promise<{ text: string; mtimeMs: number }> {
  const base = path.resolve(root);
  const abs = await assertInside(base, file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(abs, constants.O_RDONLY | noFollow);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(base, abs);
    throw e;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UnsafePathError(`"${posix(path.relative(base, abs))}" is not a file.`, posix(path.relative(base, abs)));
    if (options.maxBytes === undefined) return { text: await handle.readFile('utf8'), mtimeMs: stat.mtimeMs };
    const buffer = Buffer.alloc(Math.min(options.maxBytes, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { text: buffer.subarray(0, bytesRead).toString('utf8'), mtimeMs: stat.mtimeMs };
  } finally {
    await handle.close();
  }
}

export async function readFileInside(root: string, file: string, options: ReadOptions = {}): Promise<string> {
  return (await readFileWithStatInside(root, file, options)).text;
}

/** Renames within `root`; neither side may pass through a link (rename itself never follows the last one). */
/** Names of the plain files directly in `dir` (inside `root`, no link on the way); links and folders are left out. */
export async function listFilesInside(root: string, dir: string): Promise<string[]> {
  const abs = await assertInside(path.resolve(root), dir);
  const entries = await fs.readdir(abs, { withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

export async function renameInside(root: string, from: string, to: string): Promise<void> {
  await assertInside(root, from);
  await assertInside(root, to);
  await fs.rename(path.resolve(root, from), path.resolve(root, to));
}

/** A name no earlier call in this process returned, for backups made within the same millisecond. */
let uniqueCounter = 0;
export function uniqueSuffix(now = new Date()): string {
  uniqueCounter = (uniqueCounter + 1) % 1_000_000;
  return `${now.toISOString().replace(/[:.]/g, '-')}-${uniqueCounter}-${randomBytes(3).toString('hex')}`;
}

/** Whether `file` is a regular file itself (a link, even to a file, is not): presence only, nothing read. */
export function isPlainFile(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

export interface CopyOptions {
  /** Names left out wherever they are (node_modules, .git). */
  skip?: readonly string[];
  /** Past this many files, or bytes in all, the copy stops with an Error: a folder that big is not an exercise. */
  maxFiles?: number;
  maxBytes?: number;
}

/**
 * Copies the plain files and folders of `root` into `to` (a new folder of our own). Links are left
 * out, never followed: each file is opened with no-follow and checked to be a file before it is read.
 */
export async function copyFolderInside(root: string, to: string, options: CopyOptions = {}): Promise<void> {
  const base = path.resolve(root);
  const skip = new Set(options.skip ?? []);
  const maxFiles = options.maxFiles ?? 10_000;
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  let files = 0;
  let bytes = 0;
  const walk = async (rel: string): Promise<void> => {
    await fs.mkdir(path.join(to, rel), { recursive: true });
    for (const entry of await fs.readdir(path.join(base, rel), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) {
        if (++files > maxFiles) throw new Error(`${base} holds more than ${maxFiles} files; not copying it`);
        let handle: fs.FileHandle;
        try {
          handle = await fs.open(path.join(base, child), constants.O_RDONLY | noFollow);
        } catch (e) {
          // Replaced by a link since the listing: left out like the links listed as such.
          if ((e as NodeJS.ErrnoException).code === 'ELOOP') continue;
          throw e;
        }
        try {
          const stat = await handle.stat();
          if (!stat.isFile()) continue;
          bytes += stat.size;
          if (bytes > maxBytes) throw new Error(`${base} holds more than ${maxBytes / 1024 / 1024} MB; not copying it`);
          await fs.writeFile(path.join(to, child), await handle.readFile(), { flag: 'wx' });
        } finally {
          await handle.close();
        }
      }
    }
  };
  await walk('');
}

export interface TreeLimits {
  /** A single file bigger than this is refused. */
  maxFileBytes: number;
  /** Files and folders in all; a bigger tree is refused. */
  maxEntries: number;
}

/**
 * Checks a folder from a workspace before code that reads it with plain `fs` (exercise manifests,
 * specs, templates): no symbolic link anywhere from `root` down through the whole tree, no file over
 * the size cap, no huge tree. Throws an UnsafePathError naming the first offender.
 */
export async function assertTreeInside(root: string, dir: string, limits: TreeLimits): Promise<void> {
  const base = path.resolve(root);
  const start = await assertInside(base, dir);
  const rel = (abs: string) => posix(path.relative(base, abs));
  let entries = 0;
  const stack = [start];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const stat = await fs.lstat(current);
    if (stat.isSymbolicLink())
      throw new UnsafePathError(`"${rel(current)}" is a symbolic link; refusing to read through it.`, rel(current));
    if (++entries > limits.maxEntries)
      throw new UnsafePathError(`"${rel(start)}" holds more than ${limits.maxEntries} files and folders; not read.`, rel(start));
    if (stat.isDirectory()) {
      for (const name of await fs.readdir(current)) stack.push(path.join(current, name));
    } else if (!stat.isFile()) {
      throw new UnsafePathError(`"${rel(current)}" is not a plain file or folder; not read.`, rel(current));
    } else if (stat.size > limits.maxFileBytes) {
      throw new UnsafePathError(`"${rel(current)}" is larger than ${Math.round(limits.maxFileBytes / 1024)} KB; not read.`, rel(current));
    }
  }
}
