/**
 * WCAG 2 colour maths, written once for the browser checks (run.js) and the accessibility suite (a11y.js).
 * `colourMaths` runs in the page (`page.evaluate(`(${colourMaths})()`)`) and installs `window.__colour`:
 * - `parse("rgb(…)" | "rgba(…)")` → `{ r, g, b, a }` (null for "none" and the like);
 * - `blend(fg, bg, alpha)` → fg composited over bg;
 * - `ratio(a, b)` → contrast ratio of two opaque colours (1–21).
 */
export function colourMaths() {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c ?? "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const blend = (fg, bg, a) => ({ r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a) });
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.__colour = { parse, blend, ratio };
}
