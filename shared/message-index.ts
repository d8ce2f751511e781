// Pixel message ids to numbers 0, 1, 2... in the order first seen, for grouping an account's log.
// A Map would do, but in V8 a fresh Map grown to one entry per tracked mail (70,000 on a large
// account) costs more than all the rest of grouping: inserting 70,000 keys takes ten times as long
// as inserting 7,000, where here the table only doubles now and then and its rehash reads no string.
export class MessageIndex {
  private table = new Int32Array(1024); // by hash position: the id's number + 1, or 0 when free
  private hashes = new Int32Array(1024);
  private readonly ids: string[] = [];

  /** The number of `id`, or -1 when it was never added. */
  find(id: string): number {
    const hash = hashString(id);
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) return -1;
      if (this.hashes[at] === hash && this.ids[entry - 1] === id) return entry - 1;
    }
  }

  /** The number of `id`: the next one (`size` before the call) when it is new. */
  add(id: string): number {
    const hash = hashString(id);
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) {
        this.table[at] = this.ids.push(id);
        this.hashes[at] = hash;
        if (this.ids.length * 2 > this.table.length) this.grow();
        return this.ids.length - 1;
      }
      if (this.hashes[at] === hash && this.ids[entry - 1] === id) return entry - 1;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  private grow(): void {
    const { table, hashes } = this;
    this.table = new Int32Array(table.length * 2);
    this.hashes = new Int32Array(table.length * 2);
    const mask = this.table.length - 1;
    for (let old = 0; old < table.length; old++) {
      if (table[old] === 0) continue;
      let at = hashes[old]! & mask;
      while (this.table[at] !== 0) at = (at + 1) & mask;
      this.table[at] = table[old]!;
      this.hashes[at] = hashes[old]!;
    }
  }
}

/**
 * FNV-1a over every character, then mixed so that the low bits can place it. Every character:
 * ids that differ in one place only (test fixtures, padded ids) must not pile up in one spot.
 */
function hashString(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 16777619);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
