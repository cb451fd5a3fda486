"""The server (done for you): an asyncio TCP server that hands every connection to raw_http.py.

No HTTP library here: http.server, aiohttp and friends would do the very work this exercise is
about. Run it with `python main.py`: it listens on the port in the PORT environment variable (8080
if unset), on 127.0.0.1 unless HOST says otherwise. Try it with `curl -v http://127.0.0.1:8080/hello`.
"""

import asyncio
import os

import raw_http


async def main() -> None:
    server = await asyncio.start_server(
        # Called once per connection, each in its own task: many clients are served at once.
        raw_http.handle_client,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8080")),
        # The reader's buffer limit: readuntil() refuses more than this many bytes before the
        # separator with asyncio.LimitOverrunError.
        limit=raw_http.READ_LIMIT,
    )
    addresses = ", ".join(str(s.getsockname()[:2]) for s in server.sockets)
    print(f"HTTP server on {addresses}; try: curl -v http://127.0.0.1:{os.environ.get('PORT', '8080')}/hello", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
