package main

import (
	"net"
	"strings"
)

// maxHeadBytes is the longest request head accepted, in bytes, up to and including its blank line.
const maxHeadBytes = 8192

// greeting is the body of GET /hello. Count its bytes for Content-Length.
const greeting = "Hello, world! 👋\n"

var reasons = map[int]string{
	200: "OK",
	400: "Bad Request",
	404: "Not Found",
	405: "Method Not Allowed",
	431: "Request Header Fields Too Large",
}

// request is a parsed request head.
type request struct {
	method  string
	target  string            // the path and, after "?", the query: /hello?name=ada
	version string            // "HTTP/1.1" or "HTTP/1.0"
	headers map[string]string // lower-case names; a repeated header's values joined with ", "
}

// isToken reports whether s is a method or header name: one or more of RFC 9110's "tchar".
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return true
}

// parseHead parses the request line and header lines (each without its "\r\n"); ok is false when
// the head is malformed.
func parseHead(lines []string) (req request, ok bool) {
	// TODO 1: the request line (lines[0]) is exactly three parts separated by single spaces: a
	//         token method, a target starting with "/", and HTTP/1.1 or HTTP/1.0.
	// TODO 2: every other line is "Name: value": a token name right before the colon (no space),
	//         the value is the rest without spaces or tabs around it (strings.Trim(v, " \t")).
	//         Store it under strings.ToLower(name).
	// TODO 3: HTTP/1.1 without a Host header, or a Content-Length that is not digits only: not ok.
	return request{}, false
}

// route is what to answer to a well-formed request: status, extra headers and body.
func route(req request) (status int, headers map[string]string, body string) {
	// TODO 4: the path is the target before any "?". /hello: GET gets 200 and greeting; any other
	//         method gets 405 with the header Allow: GET. Any other path gets 404.
	return 404, nil, "Not Found\n"
}

// keepAlive reports whether the connection stays open after answering req.
func keepAlive(req request) bool {
	// TODO 5: read the Connection header as a comma-separated list, without regard to case.
	//         HTTP/1.1: open unless it lists "close". HTTP/1.0: closed unless it lists "keep-alive".
	return false
}

// serializeResponse is the bytes of a response: status line, headers (Date, Content-Type and
// Content-Length added), body.
func serializeResponse(status int, headers map[string]string, body string) []byte {
	// TODO 6: "HTTP/1.1 <status> <reason>\r\n", then "Name: value\r\n" for Date
	//         (time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")), Content-Type
	//         (text/plain; charset=utf-8), Content-Length (len(body): Go strings are bytes) and
	//         each of headers, then "\r\n", then the body.
	return []byte("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
}

// handle serves one connection: one request after another until one of them ends it.
func handle(conn net.Conn) {
	// Closes the connection however the session ends; what was written is sent first.
	defer conn.Close()

	// TODO 7: wrap conn in bufio.NewReaderSize(conn, maxHeadBytes) and read the head line by line
	//         with reader.ReadSlice('\n'), until an empty line ("\r\n"). Count the bytes: over
	//         maxHeadBytes (or bufio.ErrBufferFull) is a 431. A line that does not end in "\r\n"
	//         is a 400. Any other error: the client left, return.
	// TODO 8: parse the head (not ok: 400). Skip the body: io.CopyN(io.Discard, reader, n) for
	//         Content-Length: n. Write route's response; when keepAlive is false, add
	//         Connection: close and return after writing. An HTTP/1.0 request that stays open gets
	//         Connection: keep-alive. A 400 or 431 always gets Connection: close.
	buf := make([]byte, 65536)
	if _, err := conn.Read(buf); err != nil {
		return
	}
	conn.Write(serializeResponse(501, nil, ""))
}
