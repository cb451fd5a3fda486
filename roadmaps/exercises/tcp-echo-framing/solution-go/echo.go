package main

import (
	"bufio"
	"bytes"
	"errors"
	"net"
)

// maxLineBytes is the longest line accepted, in bytes, before its "\n" (a "\r" before the "\n"
// counts).
const maxLineBytes = 1024

// reply is what the server answers to one complete line (its text without the line ending): the
// answer, without its "\n", and whether to close the connection once it is sent.
func reply(line string) (answer string, closeAfter bool) {
	if line == "QUIT" {
		return "BYE", true
	}
	return "ECHO " + line, false
}

// handle serves one connection until QUIT, a line that is too long, or the client going away.
func handle(conn net.Conn) {
	// Closes the connection however the session ends; what was written is sent first.
	defer conn.Close()

	// Room for the longest line and its "\n": a line that does not fit is too long.
	reader := bufio.NewReaderSize(conn, maxLineBytes+1)
	for {
		raw, err := reader.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			conn.Write([]byte("ERR line too long\n"))
			return
		}
		if err != nil {
			return // io.EOF or a reset: the client left; an unfinished line needs no answer.
		}
		// Go strings are bytes: a "é" split between two packets is whole again by now.
		line := string(bytes.TrimSuffix(raw[:len(raw)-1], []byte("\r")))
		answer, closeAfter := reply(line)
		if _, err := conn.Write([]byte(answer + "\n")); err != nil || closeAfter {
			return
		}
	}
}
