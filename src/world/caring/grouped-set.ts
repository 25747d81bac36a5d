/**
 * Sets of people split into groups (carers with room, by base or by school), each member in at
 * most one group, with O(1) add, remove and pick-by-index. Membership and position live in
 * typed arrays indexed by person, so national-scale pools cost a few bytes a person.
 */
import { NONE } from '../../engine/recorder.js';

export class GroupedSet {
  private groups: Int32Array[] = [];
  private sizes: number[] = [];
  private pos: Int32Array;
  private groupOf: Int32Array;

  constructor(capacity: number) {
    this.pos = new Int32Array(Math.max(16, capacity)).fill(NONE);
    this.groupOf = new Int32Array(Math.max(16, capacity)).fill(NONE);
  }

  /** Members of a group. */
  size(group: number): number {
    return this.sizes[group] ?? 0;
  }

  /** The i-th member of a group (0 ≤ i < size). */
  at(group: number, i: number): number {
    return this.groups[group]![i]!;
  }

  has(person: number): boolean {
    return person < this.groupOf.length && this.groupOf[person] !== NONE;
  }

  add(person: number, group: number): void {
    if (person >= this.pos.length) this.growPeople(person + 1);
    if (this.groupOf[person] !== NONE) return;
    while (this.groups.length <= group) {
      this.groups.push(new Int32Array(8));
      this.sizes.push(0);
    }
    let arr = this.groups[group]!;
    const n = this.sizes[group]!;
    if (n === arr.length) {
      const grown = new Int32Array(arr.length * 2);
      grown.set(arr);
      arr = grown;
      this.groups[group] = arr;
    }
    arr[n] = person;
    this.pos[person] = n;
    this.groupOf[person] = group;
    this.sizes[group] = n + 1;
  }

  remove(person: number): void {
    if (person >= this.groupOf.length) return;
    const group = this.groupOf[person]!;
    if (group === NONE) return;
    const arr = this.groups[group]!;
    const i = this.pos[person]!;
    const last = this.sizes[group]! - 1;
    const moved = arr[last]!;
    arr[i] = moved;
    this.pos[moved] = i;
    this.sizes[group] = last;
    this.pos[person] = NONE;
    this.groupOf[person] = NONE;
  }

  private growPeople(atLeast: number): void {
    const size = Math.max(atLeast, this.pos.length * 2);
    const pos = new Int32Array(size).fill(NONE);
    pos.set(this.pos);
    this.pos = pos;
    const g = new Int32Array(size).fill(NONE);
    g.set(this.groupOf);
    this.groupOf = g;
  }
}
