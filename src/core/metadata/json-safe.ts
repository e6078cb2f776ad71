/**
 * Making parser output safe to store as JSON: byte values become hex strings (`hex:0a1b…`; long ones are replaced
 * by their length), typed arrays plain arrays, Dates ISO strings, non-finite numbers null, Maps objects. Bounded in
 * depth and in the number of values, so a hostile file cannot make the stored JSON explode.
 */

/** Byte values longer than this are not kept, only their length (thumbnails, padding, maker notes). */
export const MAX_HEX_BYTES = 1024;
const MAX_DEPTH = 16;
const MAX_ENTRIES = 20_000;
const MAX_STRING = 256 * 1024;

export function bytesToJson(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_HEX_BYTES) return `binary:${bytes.byteLength} bytes`;
  return `hex:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

export function toJsonSafe(value: unknown): unknown {
  let budget = MAX_ENTRIES;
  const walk = (v: unknown, depth: number): unknown => {
    if (--budget < 0) return undefined;
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Uint8Array) return bytesToJson(v);
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (ArrayBuffer.isView(v)) {
      const items = Array.from(v as unknown as ArrayLike<number | bigint>);
      return walk(items, depth);
    }
    if (v instanceof ArrayBuffer) return bytesToJson(new Uint8Array(v));
    if (depth >= MAX_DEPTH || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v) {
        if (budget < 0) break;
        const safe = walk(item, depth + 1);
        out.push(safe === undefined ? null : safe);
      }
      return out;
    }
    const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      if (budget < 0) break;
      const safe = walk(item, depth + 1);
      if (safe !== undefined) out[String(key)] = safe;
    }
    return out;
  };
  return walk(value, 0);
}

/** `toJsonSafe` for a value that should be an object; anything else gives an empty object. */
export function toJsonSafeObject(value: unknown): Record<string, unknown> {
  const safe = toJsonSafe(value);
  return safe !== null && typeof safe === 'object' && !Array.isArray(safe) ? (safe as Record<string, unknown>) : {};
}
