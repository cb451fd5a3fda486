// What the upload API accepts, and how files go back out. Read README.md first; it lists every rule
// the check tests.
package main

// detectType is the type of these bytes by their first bytes (their "magic number"), or "" when it
// is not an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
func detectType(content []byte) string {
	// TODO 1: look at the first bytes only (bytes.HasPrefix).
	return "application/pdf"
}

// safeName is a name that is safe to show and to send back in Content-Disposition: the part after
// the last "/" or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots
// removed; "file" if nothing is left.
func safeName(filename string) string {
	// TODO 2
	return filename
}

// acceptUpload decides about one uploaded file: its name and type with status 0 to store it, or a
// status (413, 415) and a message to refuse it. claimedType is what the client said: never trust it.
func acceptUpload(filename, claimedType string, content []byte, maxBytes int64) (name, contentType string, status int, message string) {
	// TODO 3: the size limit (len(content) > maxBytes: 413), then the type by magic bytes (415),
	//   then the name.
	if claimedType == "" {
		claimedType = detectType(content)
	}
	return safeName(filename), claimedType, 0, ""
}

// downloadHeaders are the headers of a download: Content-Type, Content-Disposition (attachment)
// and nosniff.
func downloadHeaders(name, contentType string) map[string]string {
	// TODO 4: Content-Type: the detected type; Content-Disposition: attachment; filename="<name>";
	//   X-Content-Type-Options: nosniff.
	return map[string]string{"Content-Type": contentType}
}
