"""One client's session: read lines, answer each, close on QUIT. Your code goes here."""

import asyncio

# The longest line accepted, in bytes, before its "\n" (a "\r" before the "\n" counts).
MAX_LINE_BYTES = 1024


def reply(line: str) -> tuple[str, bool]:
    """What the server answers to one complete line (its text without the line ending).

    Returns the answer (without its "\n") and whether to close the connection once it is sent.
    """
    # TODO 1: exactly "QUIT" -> ("BYE", True).
    #         Anything else (an empty line too) -> (f"ECHO {line}", False).
    return ("ERR not implemented yet: see the TODOs in echo.py", False)


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serves one connection until QUIT, a line that is too long, or the client going away."""
    try:
        while True:
            # TODO 2: read one line: everything up to and including b"\n". A single read() may
            #         return several lines, part of one, or both (TCP keeps no message boundaries).
            #         `await reader.readuntil(b"\n")` waits for a whole line and leaves the rest
            #         in the reader for next time.
            #         - The client closed before a whole line: asyncio.IncompleteReadError. Stop.
            #         - More than MAX_LINE_BYTES before the "\n" (main.py sets the reader's limit):
            #           asyncio.LimitOverrunError. Answer b"ERR line too long\n" and stop.
            # TODO 3: drop the b"\n" and one b"\r" before it, decode the rest as UTF-8 (a whole line
            #         only: a character's bytes may arrive in two pieces), and write
            #         reply(line)[0] + "\n" as UTF-8. When reply says close, stop after writing.
            chunk = await reader.read(4096)
            if not chunk:
                return
            writer.write((reply("")[0] + "\n").encode())
            await writer.drain()
    except ConnectionError:
        # The client vanished (a reset): this connection is over, the server carries on.
        pass
    finally:
        # Sends what is still buffered, then closes the connection.
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionError:
            pass
