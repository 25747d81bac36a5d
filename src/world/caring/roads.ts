/**
 * The roads a carer drives: distances between recovery centres (computed once, as a table) and
 * the price of a round, base → each donor's centre, nearest next → base. The caring pool asks
 * here every time a carer's donors change, so the tour is priced without allocating.
 */
import { NONE } from '../../engine/recorder.js';
import { roadKm } from '../geography/distance.js';
import type { Place } from '../places.js';

export class RoadMap {
  /** The recovery centres' place ids, in the scenario's order. */
  readonly centreIds: readonly number[];
  private readonly centreIndex: Int32Array;
  private readonly centreKm: Float32Array;
  private readonly nCentres: number;

  /**
   * @param localKm the drive from a carer's bedsit to their own base and back
   */
  constructor(
    private readonly places: readonly Place[],
    centres: readonly Place[],
    private readonly localKm: number,
  ) {
    this.centreIndex = new Int32Array(places.length).fill(NONE);
    centres.forEach((c, i) => (this.centreIndex[c.id] = i));
    this.nCentres = centres.length;
    this.centreIds = centres.map((c) => c.id);
    this.centreKm = new Float32Array(this.nCentres * this.nCentres);
    for (let i = 0; i < this.nCentres; i++) {
      for (let j = 0; j < this.nCentres; j++)
        this.centreKm[i * this.nCentres + j] = roadKm(centres[i]!, centres[j]!);
    }
  }

  /** Road km between two places (from a carer's base to itself is the drive from their bedsit). */
  distance(a: number, b: number): number {
    if (a === b) return this.localKm;
    const i = this.centreIndex[a]!;
    const j = this.centreIndex[b]!;
    if (i === NONE || j === NONE) return roadKm(this.places[a]!, this.places[b]!);
    return this.centreKm[i * this.nCentres + j]!;
  }

  /**
   * Km of the nearest-next tour from `base` through `stops[0..n)` and back (ties to the lower
   * place id). Reorders `stops`.
   */
  tourKm(stops: Int32Array, n: number, base: number): number {
    let km = 0;
    let here = base;
    let left = n;
    while (left > 0) {
      let best = 0;
      let bestKm = Infinity;
      for (let i = 0; i < left; i++) {
        const k = this.distance(here, stops[i]!);
        if (k < bestKm || (k === bestKm && stops[i]! < stops[best]!)) {
          best = i;
          bestKm = k;
        }
      }
      km += bestKm;
      here = stops[best]!;
      stops[best] = stops[--left]!;
    }
    if (n > 0) km += this.distance(here, base);
    return km;
  }

  /** The legs of one round from `home` through `stops` (sorted, distinct), nearest next. */
  legs(stops: readonly number[], home: number): [number, number, number][] {
    const legs: [number, number, number][] = [];
    let here = home;
    const left = stops.slice();
    while (left.length > 0) {
      let best = 0;
      for (let i = 1; i < left.length; i++)
        if (this.distance(here, left[i]!) < this.distance(here, left[best]!)) best = i;
      const next = left.splice(best, 1)[0]!;
      legs.push([here, next, this.distance(here, next)]);
      here = next;
    }
    if (legs.length > 0) legs.push([here, home, this.distance(here, home)]);
    return legs;
  }
}
