const net = require('node:net');

/** The longest request head accepted, in bytes, up to and including its blank line. */
const MAX_HEAD_BYTES = 8192;
/** The body of GET /hello. Count its bytes for Content-Length, not its characters. */
const GREETING = 'Hello, world! 👋\n';
const REASONS = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  431: 'Request Header Fields Too Large',
};
/** A method or a header name: one or more of these characters (RFC 9110's "token"). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a request head: the request line and the header lines, without the blank line that ends
 * them. Returns { method, target, version, headers } (headers: a Map from lower-case name to value),
 * or null when the head is malformed.
 */
function parseHead(head) {
  // TODO 1: split the head into lines at "\r\n". The first is the request line: exactly three parts
  //         separated by single spaces. The method is a TOKEN, the target starts with "/", the
  //         version is HTTP/1.1 or HTTP/1.0. Anything else: return null.
  // TODO 2: every other line is "Name: value": the name is a TOKEN right before the colon (no
  //         space), the value is the rest without spaces or tabs around it. Store it under the
  //         lower-case name. A line without that shape: return null.
  // TODO 3: HTTP/1.1 without a Host header, or a Content-Length that is not digits only: null.
  return null;
}

/** What to answer to a well-formed request: { status, headers, body }. */
function route(request) {
  // TODO 4: the path is the target before any "?". /hello: GET gets 200 and GREETING; any other
  //         method gets 405 with the header Allow: GET. Any other path gets 404.
  //         Error bodies are short texts of your choice, such as 'Not Found\n'.
  return { status: 404, headers: {}, body: 'Not Found\n' };
}

/** Whether the connection stays open after answering this request. */
function keepAlive(request) {
  // TODO 5: read the Connection header as a comma-separated list, without regard to case.
  //         HTTP/1.1: open unless it lists "close". HTTP/1.0: closed unless it lists "keep-alive".
  return false;
}

/** The bytes of a response: status line, headers (Date, Content-Type and Content-Length added), body. */
function serializeResponse(status, headers, body) {
  // TODO 6: "HTTP/1.1 <status> <reason>\r\n", then "Name: value\r\n" for Date (new Date().toUTCString()),
  //         Content-Type (text/plain; charset=utf-8), Content-Length and each of `headers`, then
  //         "\r\n", then the body. Content-Length is the number of BYTES of the body in UTF-8.
  return Buffer.from(`HTTP/1.1 ${status} ${REASONS[status]}\r\n\r\n${body}`);
}

/** An HTTP/1.1 server on a bare TCP socket. Call .listen(port, host) on it. */
function createHttpServer() {
  return net.createServer((socket) => {
    // A client that vanishes makes its socket emit 'error'. Without a listener, that error would
    // crash the whole server, and every other client with it.
    socket.on('error', () => {});

    // TODO 7: keep this connection's unread bytes here. TCP delivers a stream of bytes: one chunk
    //         may hold part of a request, a whole one, or several.

    socket.on('data', () => {
      // TODO 8: append the chunk, then loop:
      //         - find the blank line that ends a head (pending.indexOf('\r\n\r\n')). Not there yet:
      //           if more than MAX_HEAD_BYTES have arrived, answer 431 and close; else wait.
      //         - parse the head (decode it with 'latin1'); null: answer 400 and close.
      //         - remove the head and Content-Length bytes of body from the buffer (the body may
      //           not have arrived yet: throw away what comes, up to that many bytes).
      //         - answer route(request). When keepAlive(request) is false, add Connection: close,
      //           and close after the response with socket.end(); an HTTP/1.0 request that stays
      //           open gets Connection: keep-alive.
      //         A 400 or 431 always gets Connection: close, then socket.end().
      socket.end('HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
}

module.exports = { createHttpServer, parseHead, route, keepAlive, serializeResponse, GREETING, MAX_HEAD_BYTES };
