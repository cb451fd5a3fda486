// A TCP echo server with line framing. The protocol is in echo.go; this file (done for you)
// listens and hands every connection to handle.
package main

import (
	"errors"
	"log"
	"net"
	"os"
)

func main() {
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "7000"))
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("Echo server on %s; try it: nc %s %s", addr, getenv("HOST", "127.0.0.1"), getenv("PORT", "7000"))
	for {
		conn, err := listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Print(err)
			continue
		}
		// Each connection in its own goroutine: without `go`, the loop would not accept the next
		// client until this one has left.
		go handle(conn)
	}
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
