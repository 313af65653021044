/**
 * Session timeline: a protocol's session events over the hours of the session, one lane per
 * event type, each event a mark in its type's color (`ref_event_types.color_code`), larger
 * for higher intensity. Another site's protocol reads as an empty timeline: RLS decides.
 */
import { allRows, type TimelineEvent } from '@ppn/sdk';
import { h, r1, s } from '../dom.js';
import { clock, run, type View } from './view.js';

const WIDTH = 760;
const LEFT = 150;
const RIGHT = 24;
const TOP = 16;
const LANE = 34;
const BOTTOM = 34;

export function timelineView(section: HTMLElement): View {
  const heading = h('h2', {}, 'Session timeline');
  const caption = h('p', { class: 'muted', 'data-testid': 'timeline-caption' });
  const body = h('div', { class: 'chart' });
  section.replaceChildren(heading, caption, body);

  return {
    followsProtocol: true,
    load: (ctx) =>
      run(section, ctx, async () => {
        const events: TimelineEvent[] = [];
        for await (const event of allRows(ctx.ppn.sessionEvents.timeline, { protocol_id: ctx.protocolId, limit: 500 })) events.push(event);
        if (!ctx.current()) return;
        heading.textContent = `Session timeline · protocol ${ctx.protocolId}`;
        if (events.length === 0) {
          caption.textContent = '';
          body.replaceChildren(
            h(
              'p',
              { class: 'empty', 'data-testid': 'timeline-empty' },
              `No session events for protocol ${ctx.protocolId} are visible to ${ctx.persona}. `,
              h('span', { class: 'fine' }, 'What a persona may not see is simply absent: the database (RLS) decides, the page does not filter.'),
            ),
          );
          return;
        }
        const p = ctx.protocol;
        const start = Date.parse(events[0]!.event_timestamp);
        const minutes = (e: TimelineEvent) => (Date.parse(e.event_timestamp) - start) / 60_000;
        const hours = Math.max(1, Math.ceil(minutes(events.at(-1)!) / 60));
        caption.textContent = [
          p ? `${p.patient_reference ?? 'no reference'} · ${p.substance ?? ''} · ${p.sites?.site_name ?? `site ${p.site_id}`} · session ${p.session_date ?? ''}` : null,
          `${events.length} events over ${hours} hours, from ${new Date(start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}`,
        ]
          .filter(Boolean)
          .join(' — ');
        body.replaceChildren(chart(events, start, hours, minutes));
      }),
  };
}

function chart(events: TimelineEvent[], start: number, hours: number, minutes: (e: TimelineEvent) => number): SVGSVGElement {
  // One lane per event type, in the order the types first occur.
  const lanes: Array<{ name: string; color: string }> = [];
  for (const e of events) {
    const name = e.ref_event_types?.event_name ?? 'Unknown';
    if (!lanes.some((l) => l.name === name)) lanes.push({ name, color: e.ref_event_types?.color_code ?? '#94a3b8' });
  }
  const height = TOP + lanes.length * LANE + BOTTOM;
  const x = (m: number) => LEFT + (m / (hours * 60)) * (WIDTH - LEFT - RIGHT);
  const y = (name: string) => TOP + lanes.findIndex((l) => l.name === name) * LANE + LANE / 2;

  const svg = s('svg', {
    'data-testid': 'timeline-chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': `Session timeline: ${events.length} events over ${hours} hours`,
  });
  lanes.forEach((lane, i) => {
    const top = TOP + i * LANE;
    svg.append(
      s('rect', { x: LEFT, y: top, width: WIDTH - LEFT - RIGHT, height: LANE, fill: i % 2 ? '#f8fafc' : '#ffffff' }),
      s('circle', { cx: 12, cy: top + LANE / 2, r: 5, fill: lane.color }),
      s('text', { x: 24, y: top + LANE / 2 + 4, class: 'lane-label', 'data-testid': 'timeline-lane' }, lane.name),
    );
  });
  for (let hour = 0; hour <= hours; hour++) {
    const tx = r1(x(hour * 60));
    svg.append(
      s('line', { x1: tx, x2: tx, y1: TOP, y2: height - BOTTOM + 6, class: 'gridline' }),
      s('text', { x: tx, y: height - BOTTOM + 22, 'text-anchor': 'middle', class: 'tick', 'data-testid': 'timeline-tick' }, `${hour}h`),
    );
  }
  for (const e of events) {
    const name = e.ref_event_types?.event_name ?? 'Unknown';
    const color = e.ref_event_types?.color_code ?? '#94a3b8';
    const m = minutes(e);
    const radius = e.intensity_level ? 5 + e.intensity_level * 0.7 : 6;
    const when = new Date(start + m * 60_000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    svg.append(
      s(
        'circle',
        {
          cx: r1(x(m)),
          cy: y(name),
          r: r1(radius),
          fill: color,
          'fill-opacity': 0.85,
          stroke: '#0f172a',
          'stroke-opacity': 0.25,
          'data-testid': 'timeline-mark',
          'data-event-type': name,
          'data-color': color,
          'data-minutes': Math.round(m),
        },
        s('title', {}, `${name} at +${clock(m)} (${when})${e.intensity_level ? `, intensity ${e.intensity_level}/10` : ''}${e.notes ? `: ${e.notes}` : ''}`),
      ),
    );
  }
  return svg;
}
