import { describe, expect, it } from 'vitest';
import { ART_STYLES, poemLines, renderArtwork, svgToPng, type ArtworkSpec } from './index.js';
import { handOf, Sketch, type Pt } from './picture.js';

const base: ArtworkSpec = {
  id: 7,
  seed: 1968,
  medium: 'picture',
  style: 'animals',
  skill: 0.8,
  originality: 0.6,
  temperament: 0.4,
  hue: 30,
  makerAge: 16,
  title: 'Creatures',
  maker: 'Tommy D.',
};

/**
 * A small well-formedness check: every tag closes in order, every attribute is `name="value"`,
 * no text or attribute holds a raw `<` or `&` that is not an entity, and no number went wrong.
 */
function wellFormed(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) problems.push(`bare & in text near ${i}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${svg.slice(lt, lt + 60)}`);
      break;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!selfClose) {
      stack.push(name!);
    }
    i = tag.lastIndex;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (/NaN|undefined|Infinity/.test(svg)) problems.push('a number went wrong (NaN, undefined or Infinity)');
  return problems;
}

const every: ArtworkSpec[] = [
  ...ART_STYLES.map((style, k) => ({ ...base, id: 100 + k, style })),
  { ...base, id: 200, medium: 'poem', title: 'The Pond' },
  { ...base, id: 201, medium: 'poem', makerAge: 7, title: 'Rain' },
  { ...base, id: 202, medium: 'sculpture' },
];

describe('renderArtwork()', () => {
  it('gives byte-identical SVG for the same spec', () => {
    for (const spec of every) expect(renderArtwork(spec)).toBe(renderArtwork({ ...spec }));
  });

  it('gives a different picture for a different id', () => {
    expect(renderArtwork({ ...base, id: 8 })).not.toBe(renderArtwork(base));
    expect(renderArtwork({ ...base, seed: 1969 })).not.toBe(renderArtwork(base));
  });

  it('renders every style, poems and sculptures as well-formed standalone SVG', () => {
    for (const spec of every) {
      const svg = renderArtwork(spec);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).toContain('viewBox="0 0 480 480"');
      expect(wellFormed(svg), `${spec.medium} ${spec.style}`).toEqual([]);
    }
  });

  it('sets the pixel size without changing the drawing', () => {
    const svg = renderArtwork(base, 240);
    expect(svg).toContain('width="240" height="240" viewBox="0 0 480 480"');
    expect(svg.replace('width="240" height="240"', '')).toBe(
      renderArtwork(base).replace('width="480" height="480"', ''),
    );
  });

  it('escapes titles and names', () => {
    const svg = renderArtwork({ ...base, title: 'Cats & <dogs> "mostly"', maker: "O'Neill" });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).toContain('Cats &amp; &lt;dogs&gt; &quot;mostly&quot;');
  });

  it('keeps ids unique to the work, so many pictures can share a page', () => {
    const a = renderArtwork({ ...base, style: 'landscape' });
    const b = renderArtwork({ ...base, style: 'landscape', id: 8 });
    const ids = (svg: string): string[] => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const shared = ids(a).filter((x) => ids(b).includes(x));
    expect(ids(a).length).toBeGreaterThan(0);
    expect(shared).toEqual([]);
  });

  it('stays under 150 KB across makers and styles', () => {
    let largest = 0;
    for (let id = 1; id <= 12; id++) {
      for (const style of ART_STYLES) {
        const spec: ArtworkSpec = {
          ...base,
          id,
          style,
          skill: (id * 0.37) % 1,
          temperament: (id * 0.61) % 1,
          originality: (id * 0.23) % 1,
          makerAge: 6 + (id % 11),
          hue: (id * 47) % 360,
        };
        largest = Math.max(largest, renderArtwork(spec).length);
      }
    }
    expect(largest).toBeLessThan(150 * 1024);
  });

  it('draws lines that wobble less the more skilled the maker', () => {
    // The same straight 300-px line, traced by an unskilled and a skilled hand: measure how far
    // the traced points stray from the true line.
    const stray = (skill: number): number => {
      let sum = 0;
      let n = 0;
      for (let id = 1; id <= 20; id++) {
        const sk = new Sketch({ ...base, id, skill, temperament: 0.3 });
        const line: Pt[] = [
          [90, 200],
          [390, 200],
        ];
        for (const [, y] of sk.tremble(line)) {
          sum += (y - 200) ** 2;
          n++;
        }
      }
      return Math.sqrt(sum / n);
    };
    const clumsy = stray(0.1);
    const steady = stray(0.9);
    expect(steady).toBeGreaterThan(0);
    expect(steady).toBeLessThan(clumsy * 0.4);
  });

  it('lets skill steady the hand, youth make it naive and temper make it heavy', () => {
    const hand = (o: Partial<ArtworkSpec>): ReturnType<typeof handOf> => handOf({ ...base, ...o });
    expect(hand({ skill: 0.9 }).wobble).toBeLessThan(hand({ skill: 0.2 }).wobble);
    expect(hand({ skill: 0.9 }).detail).toBeGreaterThan(hand({ skill: 0.2 }).detail);
    expect(hand({ makerAge: 7 }).naivety).toBeGreaterThan(hand({ makerAge: 16 }).naivety);
    expect(hand({ makerAge: 7 }).wobble).toBeGreaterThan(hand({ makerAge: 16 }).wobble);
    expect(hand({ temperament: 0.9 }).weight).toBeGreaterThan(hand({ temperament: 0.1 }).weight);
  });
});

describe('poemLines()', () => {
  it('is deterministic and has something to say', () => {
    const spec: ArtworkSpec = { ...base, medium: 'poem', title: 'The Pond' };
    const lines = poemLines(spec);
    expect(lines).toEqual(poemLines({ ...spec }));
    expect(lines.filter((l) => l.trim()).length).toBeGreaterThanOrEqual(4);
    expect(lines.join(' ')).not.toMatch(/[{}]/);
  });

  it('writes rhyming couplets for young makers', () => {
    const lines = poemLines({ ...base, medium: 'poem', makerAge: 7, title: 'Rain' });
    expect(lines.length % 2).toBe(0);
    expect(lines.every((l) => l.length > 0)).toBe(true);
  });

  it('writes the lines it returns into the picture', () => {
    const spec: ArtworkSpec = { ...base, id: 3, medium: 'poem', title: 'Fields' };
    const svg = renderArtwork(spec);
    const first = poemLines(spec)[0]!.split(' ')[0]!;
    expect(svg).toContain(`>${first} <`);
  });
});

describe('svgToPng()', () => {
  it('renders each medium to a non-empty PNG', () => {
    for (const spec of [every[0]!, every[every.length - 3]!, every[every.length - 1]!]) {
      const png = svgToPng(renderArtwork(spec), 200);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeGreaterThan(2000);
      expect(png.readUInt32BE(16)).toBe(200);
    }
  });
});
