// What the upload API accepts, and how files go back out. Read README.md first; it lists every rule
// the check tests.

export type AllowedType = 'application/pdf' | 'image/gif';

export interface StoredFile {
  id: string;
  name: string;
  type: AllowedType;
  size: number;
}

export interface UploadInput {
  /** The file name the client sent (may hold a path). */
  filename: string;
  /** The part's Content-Type, as the client claimed it: never trust it. */
  claimedType: string;
  bytes: Buffer;
  maxBytes: number;
}

export type Verdict = { name: string; type: AllowedType } | { status: 413 | 415; error: string };

const signatures: ReadonlyArray<readonly [Buffer, AllowedType]> = [
  [Buffer.from('%PDF-', 'latin1'), 'application/pdf'],
  [Buffer.from('GIF87a', 'latin1'), 'image/gif'],
  [Buffer.from('GIF89a', 'latin1'), 'image/gif'],
];

/**
 * The type of these bytes by their first bytes (their "magic number"), or undefined when it is not
 * an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
 */
export function detectType(bytes: Buffer): AllowedType | undefined {
  for (const [magic, type] of signatures) if (bytes.subarray(0, magic.length).equals(magic)) return type;
  return undefined;
}

/**
 * A name that is safe to show and to send back in Content-Disposition: the part after the last "/"
 * or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots removed;
 * "file" if nothing is left.
 */
export function safeName(filename: string): string {
  const last = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  return last.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'file';
}

/** Decides about one uploaded file: { name, type } to store it, or { status, error } to refuse it. */
export function acceptUpload({ filename, bytes, maxBytes }: UploadInput): Verdict {
  if (bytes.length > maxBytes) return { status: 413, error: `The file is larger than ${maxBytes} bytes` };
  const type = detectType(bytes);
  if (!type) return { status: 415, error: 'Only PDF and GIF files are accepted' };
  return { name: safeName(filename), type };
}

/** The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff. */
export function downloadHeaders({ name, type }: Pick<StoredFile, 'name' | 'type'>): Record<string, string> {
  return {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`, // safeName leaves no quote to escape
    'x-content-type-options': 'nosniff',
  };
}
