// What the upload API accepts, and how files go back out. Read README.md first; it lists every rule
// the check tests.
package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

var signatures = []struct {
	magic       []byte
	contentType string
}{
	{[]byte("%PDF-"), "application/pdf"},
	{[]byte("GIF87a"), "image/gif"},
	{[]byte("GIF89a"), "image/gif"},
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// detectType is the type of these bytes by their first bytes (their "magic number"), or "" when it
// is not an allowed type: "%PDF-" is application/pdf, "GIF87a" or "GIF89a" is image/gif.
func detectType(content []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(content, s.magic) {
			return s.contentType
		}
	}
	return ""
}

// safeName is a name that is safe to show and to send back in Content-Disposition: the part after
// the last "/" or "\", every character other than A-Z a-z 0-9 . _ - replaced by "_", leading dots
// removed; "file" if nothing is left.
func safeName(filename string) string {
	last := filename[strings.LastIndexAny(filename, `/\`)+1:]
	cleaned := strings.TrimLeft(unsafeChars.ReplaceAllString(last, "_"), ".")
	if cleaned == "" {
		return "file"
	}
	return cleaned
}

// acceptUpload decides about one uploaded file: its name and type with status 0 to store it, or a
// status (413, 415) and a message to refuse it. claimedType is what the client said: never trust it.
func acceptUpload(filename, claimedType string, content []byte, maxBytes int64) (name, contentType string, status int, message string) {
	if int64(len(content)) > maxBytes {
		return "", "", 413, fmt.Sprintf("The file is larger than %d bytes", maxBytes)
	}
	contentType = detectType(content)
	if contentType == "" {
		return "", "", 415, "Only PDF and GIF files are accepted"
	}
	return safeName(filename), contentType, 0, ""
}

// downloadHeaders are the headers of a download: Content-Type, Content-Disposition (attachment)
// and nosniff.
func downloadHeaders(name, contentType string) map[string]string {
	return map[string]string{
		"Content-Type":           contentType,
		"Content-Disposition":    `attachment; filename="` + name + `"`, // safeName leaves no quote
		"X-Content-Type-Options": "nosniff",
	}
}
