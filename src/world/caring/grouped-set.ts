/**
 * Sets of people split into groups (carers with room, by base or by school and year), each
 * member in at most one group, with O(1) add, remove and pick-by-index. A member's group and
 * position are two words of a row the owner keeps for each person (`rows[person * stride +
 * offset]` and the word after), so the pool's indexes live beside the rest of a carer's state
 * and an add or a remove touches the row already in cache. Each member carries a number of
 * the owner's choosing (a tag) beside it, so a search can test members without reading rows.
 */
import { NONE } from '../../engine/recorder.js';

export class GroupedSet {
  private groups: Int32Array[] = [];
  private sizes: Int32Array = new Int32Array(0);

  /**
   * @param rows the owner's rows; the two words at `offset` must start as NONE
   * @param stride words per person in `rows`
   * @param offset where this set's [group, position] pair sits in a row
   */
  constructor(
    private rows: Int32Array,
    private readonly stride: number,
    private readonly offset: number,
  ) {}

  /** Points the set at the owner's rows after they grew (the contents carried over). */
  rebind(rows: Int32Array): void {
    this.rows = rows;
  }

  /** Members of a group. */
  size(group: number): number {
    return group < this.sizes.length ? this.sizes[group]! : 0;
  }

  /** The i-th member of a group (0 ≤ i < size). */
  at(group: number, i: number): number {
    return this.groups[group]![2 * i]!;
  }

  /** The tag the i-th member of a group was added with. */
  tagAt(group: number, i: number): number {
    return this.groups[group]![2 * i + 1]!;
  }

  has(person: number): boolean {
    return this.rows[person * this.stride + this.offset] !== NONE;
  }

  add(person: number, group: number, tag = 0): void {
    const w = person * this.stride + this.offset;
    const rows = this.rows;
    if (rows[w] !== NONE) return;
    if (group >= this.sizes.length) this.growGroups(group + 1);
    let arr = this.groups[group]!;
    const n = this.sizes[group]!;
    if (2 * n === arr.length) {
      const grown = new Int32Array(arr.length * 2);
      grown.set(arr);
      arr = grown;
      this.groups[group] = arr;
    }
    arr[2 * n] = person;
    arr[2 * n + 1] = tag;
    rows[w] = group;
    rows[w + 1] = n;
    this.sizes[group] = n + 1;
  }

  remove(person: number): void {
    const w = person * this.stride + this.offset;
    const rows = this.rows;
    const group = rows[w]!;
    if (group === NONE) return;
    const arr = this.groups[group]!;
    const i = rows[w + 1]!;
    const last = this.sizes[group]! - 1;
    const moved = arr[2 * last]!;
    arr[2 * i] = moved;
    arr[2 * i + 1] = arr[2 * last + 1]!;
    rows[moved * this.stride + this.offset + 1] = i;
    this.sizes[group] = last;
    rows[w] = NONE;
  }

  private growGroups(atLeast: number): void {
    const sizes = new Int32Array(Math.max(atLeast, this.sizes.length * 2));
    sizes.set(this.sizes);
    this.sizes = sizes;
    while (this.groups.length < sizes.length) this.groups.push(new Int32Array(4));
  }
}
