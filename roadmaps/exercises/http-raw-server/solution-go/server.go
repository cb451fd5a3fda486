package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
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

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseHead parses the request line and header lines (each without its "\r\n"); ok is false when
// the head is malformed.
func parseHead(lines []string) (req request, ok bool) {
	if len(lines) == 0 {
		return request{}, false
	}
	parts := strings.Split(lines[0], " ")
	if len(parts) != 3 || !isToken(parts[0]) || !strings.HasPrefix(parts[1], "/") ||
		(parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0") {
		return request{}, false
	}
	req = request{method: parts[0], target: parts[1], version: parts[2], headers: map[string]string{}}
	for _, line := range lines[1:] {
		name, value, found := strings.Cut(line, ":")
		if !found || !isToken(name) {
			return request{}, false
		}
		key := strings.ToLower(name)
		value = strings.Trim(value, " \t")
		if earlier, seen := req.headers[key]; seen {
			value = earlier + ", " + value
		}
		req.headers[key] = value
	}
	if _, hasHost := req.headers["host"]; req.version == "HTTP/1.1" && !hasHost {
		return request{}, false
	}
	if length, has := req.headers["content-length"]; has && !isDigits(length) {
		return request{}, false
	}
	return req, true
}

// route is what to answer to a well-formed request: status, extra headers and body.
func route(req request) (status int, headers map[string]string, body string) {
	path, _, _ := strings.Cut(req.target, "?")
	switch {
	case path != "/hello":
		return 404, map[string]string{}, "Not Found\n"
	case req.method != "GET":
		return 405, map[string]string{"Allow": "GET"}, "Method Not Allowed\n"
	default:
		return 200, map[string]string{}, greeting
	}
}

// keepAlive reports whether the connection stays open after answering req.
func keepAlive(req request) bool {
	options := map[string]bool{}
	for _, option := range strings.Split(req.headers["connection"], ",") {
		options[strings.ToLower(strings.TrimSpace(option))] = true
	}
	if req.version == "HTTP/1.0" {
		return options["keep-alive"]
	}
	return !options["close"]
}

// serializeResponse is the bytes of a response: status line, headers (Date, Content-Type and
// Content-Length added), body.
func serializeResponse(status int, headers map[string]string, body string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, reasons[status])
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	// len counts bytes: exactly what Content-Length means.
	fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	for name, value := range headers {
		fmt.Fprintf(&b, "%s: %s\r\n", name, value)
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return []byte(b.String())
}

// errHeadTooLarge and errMalformed end a connection with 431 and 400.
var (
	errHeadTooLarge = errors.New("head too large")
	errMalformed    = errors.New("malformed head")
)

// readHead reads header lines up to the blank line; the lines come without their "\r\n".
func readHead(reader *bufio.Reader) ([]string, error) {
	var lines []string
	size := 0
	for {
		line, err := reader.ReadSlice('\n')
		size += len(line)
		if errors.Is(err, bufio.ErrBufferFull) || size > maxHeadBytes {
			return nil, errHeadTooLarge
		}
		if err != nil {
			return nil, err // the client left
		}
		if !strings.HasSuffix(string(line), "\r\n") {
			return nil, errMalformed
		}
		text := string(line[:len(line)-2])
		if text == "" {
			return lines, nil
		}
		lines = append(lines, text)
	}
}

// handle serves one connection: one request after another until one of them ends it.
func handle(conn net.Conn) {
	// Closes the connection however the session ends; what was written is sent first.
	defer conn.Close()
	refuse := func(status int) {
		conn.Write(serializeResponse(status, map[string]string{"Connection": "close"}, reasons[status]+"\n"))
	}

	reader := bufio.NewReaderSize(conn, maxHeadBytes)
	for {
		lines, err := readHead(reader)
		switch {
		case errors.Is(err, errHeadTooLarge):
			refuse(431)
			return
		case errors.Is(err, errMalformed):
			refuse(400)
			return
		case err != nil:
			return
		}
		req, ok := parseHead(lines)
		if !ok {
			refuse(400)
			return
		}
		// The body is not used, but its bytes must go, or they would be read as the next request.
		if length, has := req.headers["content-length"]; has {
			n, err := strconv.ParseInt(length, 10, 64)
			if err != nil {
				refuse(400)
				return
			}
			if _, err := io.CopyN(io.Discard, reader, n); err != nil {
				return
			}
		}
		status, headers, body := route(req)
		stay := keepAlive(req)
		if !stay {
			headers["Connection"] = "close"
		} else if req.version == "HTTP/1.0" {
			headers["Connection"] = "keep-alive"
		}
		if _, err := conn.Write(serializeResponse(status, headers, body)); err != nil || !stay {
			return
		}
	}
}
