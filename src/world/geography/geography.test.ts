import { describe, expect, it } from 'vitest';
import {
  CANON_PLACES,
  ENGLAND_BOUNDS,
  ENGLAND_OUTLINE,
  REGIONS,
  ROAD_DETOUR_FACTOR,
  TOWNS,
  canonPlace,
  greatCircleKm,
  insideEngland,
  nearest,
  placeAround,
  roadKm,
  type CanonPlaceId,
  type LatLon,
} from './index.js';

const dover = { lat: 51.128, lon: 1.313 };
const cromer = { lat: 52.931, lon: 1.302 };

function town(name: string): LatLon {
  const t = TOWNS.find((x) => x.name === name);
  if (t === undefined) throw new Error(`test: no town '${name}'`);
  return t;
}

/** On land, or a coastal point with land within 5 km (the outline is simplified to a km or two). */
function onLandOrNearby(lat: number, lon: number): boolean {
  if (insideEngland(lat, lon)) return true;
  for (const km of [1, 2.5, 5]) {
    for (let i = 0; i < 16; i++) {
      const bearing = (i / 16) * 2 * Math.PI;
      const dLat = (km / 111.2) * Math.cos(bearing);
      const dLon = ((km / 111.2) * Math.sin(bearing)) / Math.cos((lat * Math.PI) / 180);
      if (insideEngland(lat + dLat, lon + dLon)) return true;
    }
  }
  return false;
}

function segmentsCross(
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
  [cx, cy]: readonly [number, number],
  [dx, dy]: readonly [number, number],
): boolean {
  const orient = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): number =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return (
    orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 &&
    orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0
  );
}

describe('towns', () => {
  it('has about 120 towns with unique names', () => {
    expect(TOWNS.length).toBeGreaterThanOrEqual(110);
    expect(TOWNS.length).toBeLessThanOrEqual(140);
    expect(new Set(TOWNS.map((t) => t.name)).size).toBe(TOWNS.length);
  });

  it('covers every region with at least five towns', () => {
    for (const region of REGIONS) {
      expect(TOWNS.filter((t) => t.region === region).length, region).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(TOWNS.map((t) => t.region))).toEqual(new Set(REGIONS));
  });

  it("every town lies inside England's bounds", () => {
    for (const t of TOWNS) {
      expect(t.lat, t.name).toBeGreaterThanOrEqual(ENGLAND_BOUNDS.minLat);
      expect(t.lat, t.name).toBeLessThanOrEqual(ENGLAND_BOUNDS.maxLat);
      expect(t.lon, t.name).toBeGreaterThanOrEqual(ENGLAND_BOUNDS.minLon);
      expect(t.lon, t.name).toBeLessThanOrEqual(ENGLAND_BOUNDS.maxLon);
    }
  });

  it('every town lies inside the outline, or within 5 km of it on the coast', () => {
    const outside = TOWNS.filter((t) => !onLandOrNearby(t.lat, t.lon)).map((t) => t.name);
    expect(outside).toEqual([]);
  });

  it('leaves out the real town of Hailsham, whose name belongs to the school', () => {
    expect(TOWNS.some((t) => t.name === 'Hailsham')).toBe(false);
  });
});

describe('canon places', () => {
  it('have unique ids and are all found by canonPlace()', () => {
    expect(new Set(CANON_PLACES.map((p) => p.id)).size).toBe(CANON_PLACES.length);
    for (const p of CANON_PLACES) expect(canonPlace(p.id)).toBe(p);
  });

  it('canonPlace() names an unknown id in its error', () => {
    expect(() => canonPlace('gallery' as CanonPlaceId)).toThrow(/'gallery'/);
  });

  it('mark the invented places fictional and the real towns not', () => {
    const fictional = CANON_PLACES.filter((p) => p.fictional).map((p) => p.id);
    expect(fictional.sort()).toEqual(['hailsham', 'kingsfield', 'stranded-boat', 'the-cottages']);
  });

  it('all lie on land in England and carry a note', () => {
    for (const p of CANON_PLACES) {
      expect(onLandOrNearby(p.lat, p.lon), p.id).toBe(true);
      expect(p.note.length, p.id).toBeGreaterThan(40);
    }
  });

  it('put the real towns where the towns table has them', () => {
    expect(greatCircleKm(canonPlace('cromer'), town('Cromer'))).toBeLessThan(1);
    expect(greatCircleKm(canonPlace('dover-centre'), town('Dover'))).toBeLessThan(2);
    expect(greatCircleKm(canonPlace('madame-littlehampton'), town('Littlehampton'))).toBeLessThan(2);
  });

  it('do not put the school at the real East Sussex town of Hailsham', () => {
    expect(greatCircleKm(canonPlace('hailsham'), { lat: 50.863, lon: 0.258 })).toBeGreaterThan(20);
  });

  it('keep Kingsfield within an easy drive of Dover and the boat near Kingsfield', () => {
    expect(roadKm(canonPlace('dover-centre'), canonPlace('kingsfield'))).toBeLessThan(80);
    expect(roadKm(canonPlace('kingsfield'), canonPlace('stranded-boat'))).toBeLessThan(20);
  });
});

describe('distance', () => {
  it('greatCircleKm() from Dover to Cromer is about 200 km', () => {
    expect(greatCircleKm(dover, cromer)).toBeCloseTo(200.49, 1);
  });

  it('greatCircleKm() is symmetric and zero from a point to itself', () => {
    expect(greatCircleKm(dover, cromer)).toBe(greatCircleKm(cromer, dover));
    expect(greatCircleKm(dover, dover)).toBe(0);
  });

  it('roadKm() from Dover to Cromer is about 1.25 × the great-circle distance', () => {
    expect(ROAD_DETOUR_FACTOR).toBe(1.25);
    expect(roadKm(dover, cromer)).toBeCloseTo(1.25 * greatCircleKm(dover, cromer), 1);
    expect(roadKm(dover, cromer)).toBe(250.6);
  });

  it('roadKm() is rounded to 0.1 km', () => {
    for (const t of TOWNS.slice(0, 20)) {
      const km = roadKm(t, cromer);
      expect(Math.round(km * 10) / 10).toBe(km);
    }
  });

  it('nearest() finds the nearest town', () => {
    expect(TOWNS[nearest(TOWNS, { lat: 51.2, lon: 1.3 })]?.name).toBe('Dover');
    expect(TOWNS[nearest(TOWNS, canonPlace('the-cottages'))]?.name).toBe('Hereford');
  });

  it('nearest() is deterministic on ties', () => {
    const target = { lat: 52, lon: 0 };
    const east = { lat: 52, lon: 0.1 };
    const west = { lat: 52, lon: -0.1 };
    expect(nearest([east, west], target)).toBe(0);
    expect(nearest([west, east], target)).toBe(0);
    expect(nearest([cromer, dover, dover], { lat: 51, lon: 1.3 })).toBe(1);
  });

  it('nearest() rejects an empty list', () => {
    expect(() => nearest([], dover)).toThrow(/empty/);
  });

  it('placeAround() is deterministic and stays within k km of the town', () => {
    const norwich = town('Norwich');
    expect(placeAround(norwich, 5, 0.3, 0.7)).toEqual(placeAround(norwich, 5, 0.3, 0.7));
    expect(placeAround(norwich, 5, 0, 0.7)).toEqual({ lat: norwich.lat, lon: norwich.lon });
    const south = placeAround(norwich, 5, 0.25, 0.5);
    expect(greatCircleKm(norwich, south)).toBeCloseTo(2.5, 6);
    expect(south.lat).toBeLessThan(norwich.lat);
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        const p = placeAround(norwich, 8, i / 10, j / 10);
        expect(greatCircleKm(norwich, p)).toBeLessThanOrEqual(8 + 1e-9);
      }
    }
  });

  it('placeAround() keeps points around coastal towns on land and inside the bounds', () => {
    for (const name of ['Cromer', 'Dover', 'Penzance', 'Whitehaven', 'Berwick-upon-Tweed', 'Brighton']) {
      const t = town(name);
      for (let i = 0; i < 8; i++) {
        for (let j = 0; j < 8; j++) {
          const p = placeAround(t, 10, i / 8, j / 8);
          expect(onLandOrNearby(p.lat, p.lon), `${name} ${i} ${j}`).toBe(true);
          expect(p.lat).toBeGreaterThanOrEqual(ENGLAND_BOUNDS.minLat);
          expect(p.lon).toBeLessThanOrEqual(ENGLAND_BOUNDS.maxLon);
        }
      }
    }
  });

  it('placeAround() rejects draws outside [0, 1) and negative radii', () => {
    expect(() => placeAround(dover, 5, 1, 0.5)).toThrow(/u1/);
    expect(() => placeAround(dover, 5, 0.5, -0.1)).toThrow(/u2/);
    expect(() => placeAround(dover, -1, 0.5, 0.5)).toThrow(/radius/);
    expect(() => placeAround(dover, 5, Number.NaN, 0.5)).toThrow(/u1/);
  });
});

describe('england outline', () => {
  it('is the mainland plus the Isle of Wight, with 150 to 300 mainland points', () => {
    expect(ENGLAND_OUTLINE.length).toBe(2);
    const [mainland, wight] = ENGLAND_OUTLINE;
    expect(mainland?.length).toBeGreaterThanOrEqual(150);
    expect(mainland?.length).toBeLessThanOrEqual(300);
    expect(wight?.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps every point inside the bounds', () => {
    for (const ring of ENGLAND_OUTLINE) {
      for (const [lon, lat] of ring) {
        expect(lat).toBeGreaterThanOrEqual(ENGLAND_BOUNDS.minLat);
        expect(lat).toBeLessThanOrEqual(ENGLAND_BOUNDS.maxLat);
        expect(lon).toBeGreaterThanOrEqual(ENGLAND_BOUNDS.minLon);
        expect(lon).toBeLessThanOrEqual(ENGLAND_BOUNDS.maxLon);
      }
    }
  });

  it('has rings that never cross themselves', () => {
    for (const ring of ENGLAND_OUTLINE) {
      const n = ring.length;
      const edge = (i: number) => [ring[i % n] ?? [0, 0], ring[(i + 1) % n] ?? [0, 0]] as const;
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (i === 0 && j === n - 1) continue;
          const [a, b] = edge(i);
          const [c, d] = edge(j);
          expect(segmentsCross(a, b, c, d), `edges ${i} and ${j}`).toBe(false);
        }
      }
    }
  });

  it('insideEngland() accepts English cities and the Isle of Wight', () => {
    expect(insideEngland(52.486, -1.89)).toBe(true); // Birmingham
    expect(insideEngland(51.507, -0.128)).toBe(true); // London
    expect(insideEngland(54.978, -1.618)).toBe(true); // Newcastle
    expect(insideEngland(50.701, -1.292)).toBe(true); // Newport, Isle of Wight
  });

  it('insideEngland() rejects the sea, Wales, Scotland and France', () => {
    const abroad: [string, number, number][] = [
      ['North Sea', 53, 2.5],
      ['Irish Sea', 54, -4],
      ['the Solent', 50.77, -1.36],
      ['the Wash', 52.9, 0.3],
      ['Cardiff', 51.481, -3.179],
      ['Newport (Wales)', 51.584, -2.998],
      ['Abergavenny', 51.824, -3.017],
      ['Welshpool', 52.66, -3.147],
      ['Wrexham', 53.046, -2.993],
      ['Kelso', 55.598, -2.433],
      ['Hawick', 55.422, -2.787],
      ['Dumfries', 55.07, -3.61],
      ['Douglas, Isle of Man', 54.15, -4.48],
      ['Calais', 50.95, 1.86],
    ];
    for (const [name, lat, lon] of abroad) expect(insideEngland(lat, lon), name).toBe(false);
  });
});
