// What the upload API accepts, and how files go back out. Read README.md first; it lists every rule
// the check tests.

/**
 * The type of these bytes by their first bytes (their "magic number"), or undefined when it is not
 * an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
 */
function detectType(bytes) {
  // TODO 1: look at the first bytes only (bytes.subarray(0, 6).toString('latin1') …).
  return 'application/pdf';
}

/**
 * A name that is safe to show and to send back in Content-Disposition: the part after the last "/"
 * or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots removed;
 * "file" if nothing is left.
 */
function safeName(filename) {
  // TODO 2
  return String(filename);
}

/**
 * Decides about one uploaded file: { name, type } to store it, or { status, error } to refuse it
 * (413 over maxBytes, 415 for a type detectType does not know). claimedType is what the client
 * said (the part's Content-Type): never trust it.
 */
function acceptUpload({ filename, claimedType, bytes, maxBytes }) {
  // TODO 3: the size limit (bytes.length > maxBytes), then the type by magic bytes, then the name.
  return { name: safeName(filename), type: claimedType || detectType(bytes) };
}

/** The headers of a download: Content-Type, Content-Disposition (attachment) and nosniff. */
function downloadHeaders({ name, type }) {
  // TODO 4: Content-Type: the detected type; Content-Disposition: attachment; filename="<name>";
  //   X-Content-Type-Options: nosniff.
  return { 'content-type': type };
}

module.exports = { detectType, safeName, acceptUpload, downloadHeaders };
