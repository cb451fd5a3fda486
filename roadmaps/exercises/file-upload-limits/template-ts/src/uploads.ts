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

/**
 * The type of these bytes by their first bytes (their "magic number"), or undefined when it is not
 * an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
 */
export function detectType(bytes: Buffer): AllowedType | undefined {
  // TODO 1: look at the first bytes only (bytes.subarray(0, 6).toString('latin1') …).
  void bytes;
  return 'application/pdf';
}

/**
 * A name that is safe to show and to send back in Content-Disposition: the part after the last "/"
 * or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots removed;
 * "file" if nothing is left.
 */
export function safeName(filename: string): string {
  // TODO 2
  return filename;
}

/** Decides about one uploaded file: { name, type } to store it, or { status, error } to refuse it. */
export function acceptUpload({ filename, claimedType, bytes, maxBytes }: UploadInput): Verdict {
  // TODO 3: the size limit (bytes.length > maxBytes: 413), then the type by magic bytes (415), then the name.
  void maxBytes;
  const type = claimedType === 'image/gif' ? 'image/gif' : detectType(bytes) ?? 'application/pdf';
  return { name: safeName(filename), type };
}

/** The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff. */
export function downloadHeaders({ name, type }: Pick<StoredFile, 'name' | 'type'>): Record<string, string> {
  // TODO 4: Content-Type: the detected type; Content-Disposition: attachment; filename="<name>";
  //   X-Content-Type-Options: nosniff.
  void name;
  return { 'content-type': type };
}
