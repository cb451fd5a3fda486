// FNV-1a over Node's Buffer instead of TextEncoder, with the xor folded into the multiplication.
function fnv1a32(text) {
  const bytes = Buffer.from(String(text), 'utf8');
  let hash = 2166136261;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 16777619);
  return hash >>> 0;
}

module.exports = { fnv1a32 };
