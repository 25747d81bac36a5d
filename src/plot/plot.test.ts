import { describe, expect, it } from 'vitest';
import { bandChart, boxPlot, forestPlot, histogram } from './charts.js';
import { bands, Rows, survivalByDonation } from './figures.js';
import { svgToPng } from './png.js';
import { esc, n2 } from './svg.js';

function wellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  const opened = (svg.match(/<(text|path|title)\b/g) ?? []).length;
  const closed = (svg.match(/<\/(text|title)>|<path [^>]*\/>/g) ?? []).length;
  expect(closed).toBe(opened);
}

describe('svg helpers', () => {
  it('n2() and esc() behave', () => {
    expect(n2(1 / 3)).toBe('0.33');
    expect(n2(-0.001)).toBe('0');
    expect(esc('Tommy & "Ruth" <3')).toBe('Tommy &amp; &quot;Ruth&quot; &lt;3');
  });
});

describe('charts', () => {
  const values = Array.from({ length: 200 }, (_, i) => 27 + ((i * 37) % 100) / 60);

  it('histogram() is deterministic and well formed', () => {
    const a = histogram({ values, title: 'Years lived', xLabel: 'years' });
    expect(histogram({ values, title: 'Years lived', xLabel: 'years' })).toBe(a);
    wellFormed(a);
    expect(a).toContain('>Years lived</text>');
    expect(a).toContain('mean 27.8');
    // Plot draws the axes: their titles and whole-number count ticks are in the picture.
    expect(a).toContain('>years</text>');
    expect(a).toContain('>runs (seeds)</text>');
    // No generated class names or style sheets: the same data gives the same bytes.
    expect(a).not.toMatch(/class="plot-|<style/);
  });

  it('boxPlot(), bandChart() and forestPlot() are well formed', () => {
    wellFormed(
      boxPlot({
        title: 'b',
        categories: ['1', '2', '3'],
        series: [{ label: 'x', values: [values, values.map((v) => v + 1), [1]] }],
        xLabel: 'x',
        yLabel: 'y',
      }),
    );
    wellFormed(
      bandChart({
        title: 'c',
        series: [
          {
            label: 's',
            points: [0, 1, 2].map((x) => ({ x, mid: 1 - x / 3, low: 0.9 - x / 3, high: 1 - x / 4 })),
          },
        ],
        xLabel: 'x',
        yLabel: 'y',
        step: true,
        yDomain: [0, 1],
      }),
    );
    const forest = forestPlot({
      title: 'd',
      rows: [
        { label: 'small change', mean: -3, low: -4, high: -2, detail: '−3' },
        { label: 'huge change', mean: 1500, low: 1400, high: 1600 },
        { label: 'one seed', mean: 2, low: NaN, high: NaN },
      ],
      xLabel: '%',
      limit: 100,
    });
    wellFormed(forest);
    // The huge change is drawn as an arrow at the edge, not stretching the axis.
    expect(forest).toContain('<path d="M');
    expect(forest).not.toContain('>1,500');
  });

  it('svgToPng() renders a PNG', () => {
    const png = svgToPng(histogram({ values, title: 'png', xLabel: 'x' }), 1);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(860);
  });
});

describe('survival by donation number', () => {
  const rows = new Rows(
    ['seed', 'completed_at_1', 'completed_at_2', 'gave_1', 'gave_2'],
    [
      [1, 10, 45, 100, 90],
      [2, 20, 40, 100, 80],
    ],
  );

  it('survivalByDonation() multiplies the chances of coming through each donation', () => {
    const s = survivalByDonation(rows);
    expect(s[0]).toEqual([1, 0.9, 0.45]);
    expect(s[1]).toEqual([1, 0.8, 0.4]);
  });

  it('bands() gives the median and spread at each donation, and stops where no one gave it', () => {
    const b = bands([
      [1, 0.9, 0.45],
      [1, 0.8, 0.4],
      [1, 0.7],
    ]);
    expect(b.map((p) => p.mid)).toEqual([1, 0.8, expect.closeTo(0.425, 12)]);
    expect(bands([[1, 0.5], [1]]).length).toBe(1);
  });
});
