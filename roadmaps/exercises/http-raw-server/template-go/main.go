// An HTTP/1.1 server on a bare TCP listener: no net/http, which would do the very work this
// exercise is about. The protocol is in server.go; this file (done for you) listens and hands
// every connection to handle.
package main

import (
	"errors"
	"log"
	"net"
	"os"
)

func main() {
	// The checks start the program with PORT (and HOST) set, then wait until it listens there.
	addr := net.JoinHostPort(getenv("HOST", "127.0.0.1"), getenv("PORT", "8080"))
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("HTTP server on http://%s/hello; try: curl -v http://%s/hello", addr, addr)
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
