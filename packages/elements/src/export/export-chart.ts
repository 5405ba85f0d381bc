import type { Lang } from '../i18n/messages.ts';
import { captionLines, type ExportMeta } from './export-scope.ts';

/**
 * A chart as a standalone SVG file: the shadow-DOM styles do not travel with the markup, so the
 * presentational properties that matter are copied onto each element first.
 */
const PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'font-size',
  'font-family',
  'font-weight',
  'opacity',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

function styledClone(svg: SVGSVGElement, title: string): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const out = target[i];
    if (!out) return;
    for (const p of PROPS) out.setAttribute(p, style.getPropertyValue(p));
  });
  clone.setAttribute('xmlns', SVG_NS);
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = title;
  clone.prepend(t);
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  return clone;
}

const serialise = (svg: SVGSVGElement) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;

const TITLE_SIZE = 15;
const LINE_SIZE = 11;
const PAD = 8;

/**
 * The chart with what it is drawn into the picture, so a copy pasted into a slide still says it: the title
 * above, the as-of day, the filter scope and the source below (long lines wrapped to the chart's width).
 */
export function captionedSvg(
  svg: SVGSVGElement,
  meta: ExportMeta,
  lang: Lang,
): { text: string; width: number; height: number } {
  const clone = styledClone(svg, meta.title);
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth || 600;
  const height = box?.height || svg.clientHeight || 300;
  const [title = '', ...notes] = captionLines(meta, lang);
  const titleLines = wrap(title, width - 2 * PAD, TITLE_SIZE);
  const noteLines = notes.flatMap((n) => wrap(n, width - 2 * PAD, LINE_SIZE));
  const top = PAD + titleLines.length * TITLE_SIZE * 1.3 + PAD;
  const bottom = PAD + noteLines.length * LINE_SIZE * 1.4 + PAD;
  // The chart's own drawing moves down under the title; the caption lines go under it.
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(${-(box?.x ?? 0)} ${top - (box?.y ?? 0)})`);
  for (const child of [...clone.childNodes]) if (child.nodeName !== 'title') body.append(child);
  const caption = document.createElementNS(SVG_NS, 'g');
  caption.setAttribute('class', 'export-caption');
  caption.setAttribute('font-family', 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif');
  caption.setAttribute('fill', '#1b1b1b');
  const line = (text: string, y: number, size: number, weight = 'normal') => {
    const el = document.createElementNS(SVG_NS, 'text');
    el.setAttribute('x', String(PAD));
    el.setAttribute('y', String(y));
    el.setAttribute('font-size', String(size));
    el.setAttribute('font-weight', weight);
    el.textContent = text;
    caption.append(el);
  };
  for (const [i, text] of titleLines.entries())
    line(text, PAD + (i + 1) * TITLE_SIZE * 1.3 - 4, TITLE_SIZE, 'bold');
  for (const [i, text] of noteLines.entries())
    line(text, top + height + PAD + (i + 1) * LINE_SIZE * 1.4 - 3, LINE_SIZE);
  const total = top + height + bottom;
  clone.setAttribute('viewBox', `0 0 ${width} ${total}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(total));
  clone.append(body, caption);
  return { text: serialise(clone), width, height: total };
}

/** Lines of at most `width` px, measured roughly (a CJK character one em, another half an em). */
function wrap(text: string, width: number, size: number): string[] {
  const out: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of text) {
    const w = /[\u2e80-\uffff]/.test(ch) ? size : size * 0.55;
    if (used + w > width && current) {
      out.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += w;
  }
  if (current) out.push(current);
  return out;
}

/** The same chart as a PNG at twice its size, on a white background (for slides and documents). */
export async function chartPng(svgText: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
