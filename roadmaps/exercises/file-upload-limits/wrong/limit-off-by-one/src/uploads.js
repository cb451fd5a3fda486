// What the upload API accepts, and how files go back out. Read README.md first; it lists every rule
// the check tests.

const signatures = [
  { magic: '%PDF-', type: 'application/pdf' },
  { magic: 'GIF87a', type: 'image/gif' },
  { magic: 'GIF89a', type: 'image/gif' },
];

/**
 * The type of these bytes by their first bytes (their "magic number"), or undefined when it is not
 * an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
 */
function detectType(bytes) {
  const found = signatures.find(({ magic }) => bytes.subarray(0, magic.length).equals(Buffer.from(magic, 'latin1')));
  return found?.type;
}

/**
 * A name that is safe to show and to send back in Content-Disposition: the part after the last "/"
 * or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots removed;
 * "file" if nothing is left.
 */
function safeName(filename) {
  const base = String(filename ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return cleaned || 'file';
}

/**
 * Decides about one uploaded file: { name, type } to store it, or { status, error } to refuse it
 * (413 over maxBytes, 415 for a type detectType does not know). claimedType is what the client
 * said (the part's Content-Type): never trust it.
 */
function acceptUpload({ filename, bytes, maxBytes }) {
  // WRONG: a file of exactly maxBytes is refused.
  if (bytes.length >= maxBytes) return { status: 413, error: `The file is larger than ${maxBytes} bytes` };
  const type = detectType(bytes);
  if (!type) return { status: 415, error: 'Only PDF and GIF files are accepted' };
  return { name: safeName(filename), type };
}

/** The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff. */
function downloadHeaders({ name, type }) {
  return {
    'content-type': type,
    // safeName leaves no quote, backslash or control character that could break out of the quotes.
    'content-disposition': `attachment; filename="${name}"`,
    'x-content-type-options': 'nosniff',
  };
}

module.exports = { detectType, safeName, acceptUpload, downloadHeaders };
