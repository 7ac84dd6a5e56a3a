import { catalogue } from '../../../src/views/catalogue/index.js';
import { confirmationStateLabel, stateLabel } from '../../../src/views/labels.js';
import { headsSuggestions } from '../../../src/views/suggestions.js';
import type {
  AnswerItemView,
  AnswerView,
  ConfirmationView,
  HelpView,
  Reply,
  WelcomeView,
} from '../../../src/views/types.js';
import type { RenderContext } from './context.js';
import { occurrenceLine, renderDigest } from './digest.js';
import {
  bullets,
  type CardElement,
  card,
  container,
  errorBox,
  facts,
  heading,
  preformatted,
  type RenderedCard,
  subtle,
  text,
  verbatim,
} from './elements.js';

/**
 * Teams rejects activities above ~28 KB, and each previewed line is its own TextBlock: the export
 * preview stops at whichever limit comes first.
 */
const EXPORT_PREVIEW_CHARS = 8_000;
const EXPORT_PREVIEW_LINES = 80;

export function renderAnswer(answer: AnswerView, ctx: RenderContext): RenderedCard {
  const l = ctx.labels;
  const body: CardElement[] = [text(`**${ctx.text(answer.summary)}**`)];
  for (const item of answer.items) body.push(answerItem(item, ctx));
  if (answer.suggestions.length > 0) {
    const heading = headsSuggestions(answer) ? [text(`**${l.tryAsking}**`)] : [];
    body.push(container([...heading, bullets(answer.suggestions)], { spacing: 'Medium' }));
  }
  if (answer.modelSuggestion) body.push(subtle(answer.modelSuggestion));
  // Nothing found is not a dead end: the examples above, and the way to every command. The
  // catalogue's own sentence keeps its Markdown (`help` shown as a command).
  if (answer.abstained) body.push(subtle(catalogue(ctx.lang).storeRules.typeHelp('')));
  const fallback = [
    ctx.plain(answer.summary),
    ...answer.items.map((item) => `- ${item.translation ?? item.quote} (${item.source.label})`),
  ].join('\n');
  return card(ctx, body, fallback);
}

function answerItem(item: AnswerItemView, ctx: RenderContext): CardElement {
  const l = ctx.labels;
  const performer = item.performer
    ? item.performer.ownerIds.length > 0
      ? `${item.performer.label} (${ctx.users(item.performer.ownerIds)})`
      : item.performer.label
    : null;
  const items: CardElement[] = [];
  if (item.serviceName) items.push(text(`**${item.serviceName}**`));
  items.push(
    facts([
      [l.who, performer],
      [l.howOften, item.cadenceLabel],
      [l.retention, item.retentionDays ? l.days(item.retentionDays) : null],
    ]),
  );
  items.push(text(`_${verbatim(item.quote)}_`, { spacing: 'Small' }));
  if (item.translation) items.push(text(verbatim(item.translation), { spacing: 'Small' }));
  items.push(subtle(`${l.source}: ${item.source.label}`));
  for (const erratum of item.errata) items.push(text(`${l.errata}: ${erratum}`, { color: 'Warning', size: 'Small' }));
  return container(items, { style: 'emphasis', spacing: 'Medium', separator: true });
}

export function renderHelp(help: HelpView, ctx: RenderContext): RenderedCard {
  const l = ctx.labels;
  const body: CardElement[] = [
    text(ctx.text(help.intro)),
    container(
      [
        text(`**${l.commands}**`),
        ...help.commands.map((command) =>
          container([text(`\`${command.usage}\``, { fontType: 'Monospace' }), subtle(command.description)], {
            spacing: 'Small',
          }),
        ),
      ],
      { spacing: 'Medium' },
    ),
  ];
  if (help.examples.length > 0) {
    body.push(container([text(`**${l.examples}**`), bullets(help.examples)], { spacing: 'Medium' }));
  }
  const links = ctx.supportLinks();
  if (links) body.push(subtle(links));
  const fallback = [ctx.plain(help.intro), ...help.commands.map((c) => `${c.usage} — ${c.description}`)].join('\n');
  return card(ctx, body, fallback);
}

export function renderWelcome(view: WelcomeView, ctx: RenderContext): RenderedCard {
  const [first, ...rest] = view.lines.map((line) => ctx.text(line));
  const body: CardElement[] = [heading(first ?? 'dutybot'), ...rest.map((line) => text(line))];
  const links = ctx.supportLinks();
  if (links) body.push(subtle(links));
  return card(ctx, body, view.lines.map((line) => ctx.plain(line)).join('\n'));
}

function confirmationLine(entry: ConfirmationView, ctx: RenderContext): string {
  const l = ctx.labels;
  const extra = [
    entry.note ? ctx.userText(entry.note) : null,
    entry.reason ? ctx.userText(entry.reason) : null,
    entry.evidenceUrl ? ctx.evidenceLink(entry.evidenceUrl) : null,
    entry.snoozedUntil ? `${l.until} ${ctx.when(entry.snoozedUntil)}` : null,
  ].filter(Boolean);
  return `${entry.occurrence} · **${confirmationStateLabel(entry, ctx.lang)}** · ${ctx.user(entry.by)} · ${ctx.when(entry.at)}${
    extra.length > 0 ? ` · ${extra.join(' · ')}` : ''
  }`;
}

/** Renders the result of any typed command. */
export function renderReply(reply: Reply, ctx: RenderContext): RenderedCard {
  const l = ctx.labels;
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, ctx);
    case 'error': {
      const body: CardElement[] = [errorBox(ctx.text(reply.message), reply.hint ? ctx.text(reply.hint) : null)];
      if (reply.candidates.length > 0) {
        // Suggestions only when the duty was not recognised; otherwise they name the duty concerned.
        const guess = reply.code === 'unknown_duty' || reply.code === 'ambiguous_duty';
        body.push(
          container(
            [
              text(`**${guess ? l.didYouMean : l.concerning}**`),
              bullets(reply.candidates.map((c) => `**${c.title}** · ${c.serviceName} · \`${c.id}\``)),
            ],
            { spacing: 'Medium' },
          ),
        );
      }
      const fallback = [ctx.plain(reply.message), reply.hint ? ctx.plain(reply.hint) : null].filter(Boolean).join('\n');
      return card(ctx, body, fallback);
    }
    case 'confirmed': {
      const c = reply.confirmation;
      const body: CardElement[] = [
        text(`**${ctx.text(reply.message)}**`, { color: c.status === 'done' ? 'Good' : 'Default' }),
        facts([
          [l.note, c.note ? ctx.userText(c.note) : null],
          [l.reason, c.reason ? ctx.userText(c.reason) : null],
          [l.evidence, c.evidenceUrl ? ctx.evidenceLink(c.evidenceUrl) : null],
          [l.until, c.snoozedUntil ? ctx.when(c.snoozedUntil) : null],
          [l.ledger, `#${c.seq} · ${c.hash.slice(0, 12)}`],
        ]),
      ];
      return card(ctx, body, ctx.plain(reply.message));
    }
    case 'pending': {
      const body: CardElement[] = [heading(ctx.text(reply.title))];
      body.push(
        reply.items.length > 0
          ? bullets(reply.items.map((o) => `${occurrenceLine(o, ctx)} · ${stateLabel(o.state, ctx.lang)}`))
          : subtle(l.nothing),
      );
      if (reply.footer) body.push(subtle(ctx.text(reply.footer)));
      const fallback = [ctx.plain(reply.title), ...reply.items.map((o) => `- ${occurrenceLine(o, ctx, true)}`)].join(
        '\n',
      );
      return card(ctx, body, fallback);
    }
    case 'history': {
      const body: CardElement[] = [
        heading(reply.duty.title),
        subtle(`${reply.duty.serviceName} · \`${reply.duty.id}\``),
        reply.entries.length > 0
          ? bullets(reply.entries.map((entry) => confirmationLine(entry, ctx)))
          : subtle(l.noHistory),
      ];
      return card(ctx, body, `${reply.duty.title}: ${l.entries(reply.entries.length)}`);
    }
    case 'digest':
      return renderDigest(reply.digest, ctx);
    case 'settings': {
      const body: CardElement[] = [heading(ctx.text(reply.title)), ...reply.lines.map((line) => text(ctx.text(line)))];
      if (reply.yaml.trim() !== '') {
        body.push(
          container(preformatted(reply.yaml), {
            style: 'emphasis',
            spacing: 'Medium',
          }),
        );
      }
      return card(ctx, body, [ctx.plain(reply.title), ...reply.lines.map((line) => ctx.plain(line))].join('\n'));
    }
    case 'updated':
      return card(ctx, [text(ctx.text(reply.message), { color: 'Good' })], ctx.plain(reply.message));
    case 'dashboard': {
      const open = catalogue(reply.lang).dashboard.open;
      const actions = reply.url ? [{ type: 'Action.OpenUrl', title: open, url: reply.url }] : undefined;
      return card(ctx, [text(ctx.text(reply.message))], ctx.plain(reply.message), actions);
    }
    case 'export': {
      const lines = reply.content.replace(/\n$/, '').split('\n');
      const kept: string[] = [];
      let size = 0;
      for (const line of lines) {
        if (kept.length >= EXPORT_PREVIEW_LINES || size + line.length > EXPORT_PREVIEW_CHARS) break;
        kept.push(line);
        size += line.length + 1;
      }
      // A single line longer than the budget is cut rather than dropped.
      if (kept.length === 0 && lines[0]) kept.push(lines[0].slice(0, EXPORT_PREVIEW_CHARS));
      const truncated = kept.join('\n').length < reply.content.replace(/\n$/, '').length;
      const preview = kept.join('\n');
      const body: CardElement[] = [
        heading(reply.filename),
        subtle(`${reply.format.toUpperCase()} · ${l.entries(reply.entries)}`),
        container(preformatted(preview), { style: 'emphasis' }),
      ];
      if (truncated) body.push(text(l.exportTruncated, { color: 'Warning', size: 'Small' }));
      return card(ctx, body, `${reply.filename}: ${l.entries(reply.entries)}`);
    }
    case 'audit': {
      const body: CardElement[] = [
        text(`**${reply.ok ? l.auditOk : l.auditBroken}**`, { color: reply.ok ? 'Good' : 'Attention' }),
        text(ctx.text(reply.message)),
      ];
      if (reply.problems.length > 0) body.push(bullets(reply.problems.map((problem) => ctx.text(problem))));
      return card(ctx, body, ctx.plain(reply.message));
    }
    case 'help':
      return renderHelp(reply.help, ctx);
  }
}
