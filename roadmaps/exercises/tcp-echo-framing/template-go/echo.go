package main

import (
	"net"
)

// maxLineBytes is the longest line accepted, in bytes, before its "\n" (a "\r" before the "\n"
// counts).
const maxLineBytes = 1024

// reply is what the server answers to one complete line (its text without the line ending): the
// answer, without its "\n", and whether to close the connection once it is sent.
func reply(line string) (answer string, closeAfter bool) {
	// TODO 1: exactly "QUIT" -> "BYE", true.
	//         Anything else (an empty line too) -> "ECHO " + line, false.
	return "ERR not implemented yet: see the TODOs in echo.go", false
}

// handle serves one connection until QUIT, a line that is too long, or the client going away.
func handle(conn net.Conn) {
	// Closes the connection however the session ends; what was written is sent first.
	defer conn.Close()

	// TODO 2: read line by line. One Read may return several lines, part of one, or both: TCP
	//         keeps no message boundaries. A bufio.Reader of maxLineBytes+1 bytes does the
	//         buffering: reader.ReadSlice('\n') returns a whole line with its "\n", or
	//         bufio.ErrBufferFull when that many bytes came without one (too long), or an error
	//         such as io.EOF when the client left (stop; an unfinished line needs no answer).
	// TODO 3: too long: write "ERR line too long\n" and return.
	//         Otherwise drop the "\n" and one "\r" before it, and write reply(line) plus "\n" as a
	//         single write. When reply says close, return after writing.
	buf := make([]byte, 4096)
	for {
		if _, err := conn.Read(buf); err != nil {
			return // The client left, or reset the connection: this session is over.
		}
		answer, _ := reply("")
		if _, err := conn.Write([]byte(answer + "\n")); err != nil {
			return
		}
	}
}
