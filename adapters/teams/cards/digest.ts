import { confirmationStateLabel } from '../../../src/views/labels.js';
import type { DigestServiceLine, DigestView, OccurrenceView } from '../../../src/views/types.js';
import type { RenderContext } from './context.js';
import { bullets, type CardElement, card, container, heading, type RenderedCard, subtle, text } from './elements.js';

const STATUS_COLOR: Record<DigestServiceLine['status'], string> = { ok: 'Good', due: 'Warning', overdue: 'Attention' };

export function occurrenceLine(occ: OccurrenceView, ctx: RenderContext, plain = false): string {
  const l = ctx.labels;
  const owners =
    occ.ownerIds.length === 0
      ? l.noOwner
      : plain
        ? occ.ownerIds.map((id) => ctx.plain(`{{user:${id}}}`)).join(', ')
        : ctx.users(occ.ownerIds);
  const due = plain ? ctx.plainWhen(occ.dueAt) : ctx.when(occ.dueAt, false);
  return `**${occ.duty.title}** · ${occ.duty.serviceName} · ${occ.periodLabel} · ${l.due} ${due} · ${owners}`;
}

function section(title: string, lines: string[], color: string | null, ctx: RenderContext): CardElement {
  return container(
    [
      text(`**${title}** (${lines.length})`, color ? { color } : {}),
      lines.length > 0 ? bullets(lines) : subtle(ctx.labels.nothing),
    ],
    { spacing: 'Medium' },
  );
}

export function renderDigest(view: DigestView, ctx: RenderContext): RenderedCard {
  const l = ctx.labels;
  const body: CardElement[] = [heading(ctx.text(view.title)), subtle(ctx.when(view.at))];
  body.push(
    section(
      l.overdue,
      view.overdue.map((o) => occurrenceLine(o, ctx)),
      'Attention',
      ctx,
    ),
  );
  body.push(
    section(
      l.dueToday,
      view.dueToday.map((o) => occurrenceLine(o, ctx)),
      'Warning',
      ctx,
    ),
  );
  body.push(
    section(
      l.upcoming,
      view.upcoming.map((o) => occurrenceLine(o, ctx)),
      null,
      ctx,
    ),
  );
  body.push(
    section(
      l.doneSinceLast,
      view.doneSinceLast.map(
        (c) =>
          `**${ctx.dutyTitle(c.dutyId)}** · ${c.occurrence} · ${confirmationStateLabel(c, ctx.lang)} · ${ctx.user(c.by)}`,
      ),
      'Good',
      ctx,
    ),
  );
  if (view.services.length > 0) {
    body.push(
      container(
        [
          text(`**${l.services}**`),
          // The core's line already names the service.
          ...view.services.map((s) => text(ctx.text(s.line), { color: STATUS_COLOR[s.status], spacing: 'None' })),
        ],
        { spacing: 'Medium' },
      ),
    );
  }
  if (view.ledgerHead) body.push(subtle(ctx.text(view.ledgerHead)));
  const fallback = [
    ctx.plain(view.title),
    `${l.overdue}: ${view.overdue.length} · ${l.dueToday}: ${view.dueToday.length} · ${l.upcoming}: ${view.upcoming.length}`,
  ].join('\n');
  return card(ctx, body, fallback);
}
