"""One client's session: read lines, answer each, close on QUIT."""

import asyncio

# The longest line accepted, in bytes, before its "\n" (a "\r" before the "\n" counts).
MAX_LINE_BYTES = 1024


def reply(line: str) -> tuple[str, bool]:
    """What the server answers to one complete line (its text without the line ending).

    Returns the answer (without its "\n") and whether to close the connection once it is sent.
    """
    if line == "QUIT":
        return ("BYE", True)
    return (f"ECHO {line}", False)


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Serves one connection until QUIT, a line that is too long, or the client going away."""
    try:
        while True:
            try:
                # Waits for a whole line, however the bytes were split into packets, and leaves
                # whatever follows it in the reader for the next turn of the loop.
                raw = await reader.readuntil(b"\n")
            except asyncio.IncompleteReadError:
                return  # The client closed its side; an unfinished line needs no answer.
            except asyncio.LimitOverrunError:
                writer.write(b"ERR line too long\n")
                return
            line = raw[:-1].removesuffix(b"\r").decode("utf-8", errors="replace")
            answer, close = reply(line)
            writer.write(f"{answer}\n".encode())
            if close:
                return
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
