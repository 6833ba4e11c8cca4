import { describe, expect, it } from "vitest";
import { hitIndex, nearestArea, type HitArea } from "../../src/charts/pointer.js";

const box = (id: string, x: number, y: number, w: number, h: number): HitArea => ({ id, x, y, hw: w / 2, hh: h / 2 });

describe("pointer: the nearest mark's hit area (issue 12)", () => {
  // The seed timeline at 800 px: the 12 August call and the 15 August summit, 44 px targets 2.67 px apart.
  const call = box("putin-kim-call", 670.57, 557, 44, 44);
  const summit = box("trump-putin-summit", 673.24, 557, 44, 44);
  const label = box("trump-putin-summit", 599.6, 61.5, 151.19, 65);
  const index = hitIndex([call, summit, label]);

  it("overlapping symbols: each centre opens its own mark, the summit drawn on top notwithstanding", () => {
    expect(nearestArea(index, 670.57, 557, 8)?.id).toBe("putin-kim-call");
    expect(nearestArea(index, 673.24, 557, 8)?.id).toBe("trump-putin-summit");
    expect(nearestArea(index, 660, 540, 8)?.id).toBe("putin-kim-call");
    expect(nearestArea(index, 690, 570, 8)?.id).toBe("trump-putin-summit");
  });
  it("a point inside a long label's area means that label's mark; near nothing means no mark", () => {
    expect(nearestArea(index, 530, 40, 8)?.id).toBe("trump-putin-summit");
    expect(nearestArea(index, 400, 300, 8)).toBeUndefined();
    // Within the slop of an area, outside it.
    expect(nearestArea(index, 700, 557, 8)?.id).toBe("trump-putin-summit");
    expect(nearestArea(index, 710, 557, 8)).toBeUndefined();
  });
  it("inside an area beats a nearer centre outside", () => {
    const big = box("big", 100, 100, 200, 40);
    const small = box("small", 205, 125, 10, 10);
    const i = hitIndex([big, small]);
    // (195, 119): inside big (right edge 200), 1 px outside small (left edge 200, top 120); small's centre is nearer.
    expect(nearestArea(i, 195, 119, 8)?.id).toBe("big");
  });
  it("agrees with a scan over every area, for many areas", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const areas = Array.from({ length: 2000 }, (_, k) => box(`m${k}`, rnd() * 1200, rnd() * 800, 20 + rnd() * 150, 20 + rnd() * 60));
    const i = hitIndex(areas);
    const scan = (x: number, y: number, slop: number) => {
      let best: HitArea | undefined;
      let bo = Infinity;
      let bc = Infinity;
      for (const a of areas) {
        const dx = Math.abs(x - a.x);
        const dy = Math.abs(y - a.y);
        const o = Math.hypot(Math.max(0, dx - a.hw), Math.max(0, dy - a.hh));
        const c = dx * dx + dy * dy;
        if (o <= slop && (o < bo || (o === bo && c < bc))) [best, bo, bc] = [a, o, c];
      }
      return best?.id;
    };
    for (let k = 0; k < 500; k++) {
      const x = rnd() * 1300 - 50;
      const y = rnd() * 900 - 50;
      expect(nearestArea(i, x, y, 8)?.id).toBe(scan(x, y, 8));
    }
  });
});
