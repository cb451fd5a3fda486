"""The server (done for you): an asyncio TCP server that hands every connection to echo.py.

Run it with `python main.py`: it listens on the port in the PORT environment variable (7000 if
unset), on 127.0.0.1 unless HOST says otherwise. Try it with `nc 127.0.0.1 7000`, type a line, and
end with QUIT.
"""

import asyncio
import os

import echo


async def main() -> None:
    server = await asyncio.start_server(
        # Called once per connection, each in its own task: many clients are served at once.
        echo.handle_client,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "7000")),
        # The reader's buffer limit: readuntil() refuses a line longer than this many bytes
        # (before the separator) with asyncio.LimitOverrunError.
        limit=echo.MAX_LINE_BYTES,
    )
    addresses = ", ".join(str(s.getsockname()[:2]) for s in server.sockets)
    print(f"Echo server on {addresses}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
