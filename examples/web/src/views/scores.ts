/**
 * Integration score trend: a protocol's IES or EIS scores by days after the dose, drawn as
 * a line. Another site's protocol has no scores here: RLS decides.
 */
import type { IntegrationScore, ScaleType } from '@ppn/sdk';
import { h, r1, s } from '../dom.js';
import { run, type View, type ViewContext } from './view.js';

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 48;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 40;

const SCALES: Record<ScaleType, string> = {
  IES: 'IES (lower is better)',
  EIS: 'EIS (higher is better)',
};

export function scoresView(section: HTMLElement): View {
  const heading = h('h2', {}, 'Integration score trend');
  const scale = h(
    'select',
    { 'data-testid': 'scale-select', 'aria-label': 'Scale' },
    ...(Object.keys(SCALES) as ScaleType[]).map((k) => h('option', { value: k }, k)),
  );
  const caption = h('p', { class: 'muted', 'data-testid': 'scores-caption' });
  const body = h('div', { class: 'chart' });
  section.replaceChildren(heading, h('label', { class: 'inline' }, 'Scale ', scale), caption, body);

  let latest: ViewContext | undefined;
  async function draw(ctx: ViewContext): Promise<void> {
    const scaleType = scale.value as ScaleType;
    const { data: scores } = await ctx.ppn.integrationScores.trend({ protocol_id: ctx.protocolId, scale_type: scaleType });
    if (!ctx.current() || scale.value !== scaleType) return;
    heading.textContent = `Integration score trend · protocol ${ctx.protocolId}`;
    if (scores.length === 0) {
      caption.textContent = '';
      body.replaceChildren(
        h(
          'p',
          { class: 'empty', 'data-testid': 'scores-empty' },
          `No ${scaleType} scores for protocol ${ctx.protocolId} are visible to ${ctx.persona}. `,
          h('span', { class: 'fine' }, 'What a persona may not see is simply absent.'),
        ),
      );
      return;
    }
    caption.textContent = `${SCALES[scaleType]} — ${scores.length} measurement${scores.length === 1 ? '' : 's'}`;
    body.replaceChildren(chart(scores, scaleType));
  }

  scale.addEventListener('change', () => {
    const ctx = latest;
    if (ctx) void run(section, ctx, () => draw(ctx));
  });

  return {
    followsProtocol: true,
    load: (ctx) =>
      run(section, ctx, async () => {
        latest = ctx;
        await draw(ctx);
      }),
  };
}

function chart(scores: IntegrationScore[], scaleType: ScaleType): SVGSVGElement {
  const first = Date.parse(scores[0]!.measured_at);
  const day = (sc: IntegrationScore) => sc.days_post_dose ?? Math.round((Date.parse(sc.measured_at) - first) / 86_400_000);
  const days = scores.map(day);
  const maxDay = Math.max(7, ...days);
  const maxValue = Math.max(10, Math.ceil((Math.max(...scores.map((sc) => Number(sc.score_value))) * 1.15) / 10) * 10);
  const x = (d: number) => LEFT + (d / maxDay) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => HEIGHT - BOTTOM - (v / maxValue) * (HEIGHT - TOP - BOTTOM);
  const color = scaleType === 'IES' ? '#6366f1' : '#0d9488';

  const svg = s('svg', { 'data-testid': 'scores-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-label': `${scaleType} trend` });
  for (let v = 0; v <= maxValue; v += maxValue / 5) {
    svg.append(
      s('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: r1(y(v)), y2: r1(y(v)), class: 'gridline' }),
      s('text', { x: LEFT - 8, y: r1(y(v)) + 4, 'text-anchor': 'end', class: 'tick' }, String(Math.round(v))),
    );
  }
  const step = maxDay <= 14 ? 1 : maxDay <= 60 ? 7 : 30;
  for (let d = 0; d <= maxDay; d += step) {
    svg.append(s('text', { x: r1(x(d)), y: HEIGHT - BOTTOM + 18, 'text-anchor': 'middle', class: 'tick', 'data-testid': 'scores-tick' }, `d${d}`));
  }
  svg.append(s('text', { x: (LEFT + WIDTH - RIGHT) / 2, y: HEIGHT - 4, 'text-anchor': 'middle', class: 'axis-label' }, 'days after the dose'));
  const points = scores.map((sc, i) => [r1(x(days[i]!)), r1(y(Number(sc.score_value)))] as const);
  svg.append(
    s('polyline', {
      'data-testid': 'score-line',
      'data-scale': scaleType,
      points: points.map(([px, py]) => `${px},${py}`).join(' '),
      fill: 'none',
      stroke: color,
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
  );
  scores.forEach((sc, i) => {
    const [px, py] = points[i]!;
    svg.append(
      s('circle', { cx: px, cy: py, r: 5, fill: '#fff', stroke: color, 'stroke-width': 2.5, 'data-testid': 'score-point', 'data-value': Number(sc.score_value), 'data-day': days[i]! },
        s('title', {}, `${scaleType} ${sc.score_value} on day ${days[i]} (${sc.measured_at.slice(0, 10)})`)),
      s('text', { x: px, y: py - 10, 'text-anchor': 'middle', class: 'point-label' }, String(Number(sc.score_value))),
    );
  });
  return svg;
}
