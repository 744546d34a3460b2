// The quote use cases: versions are numbered per opportunity here (quote id `<opportunity>-v<n>`,
// one stream each), and drafting version n supersedes version n-1 — never an accepted one.
import { opportunityDecider } from '../opportunity/decide.ts';
import { requireOpen } from '../opportunity/rules/status.ts';
import {
  loadStream,
  runCommand,
  type InputOf,
  type Loaded,
  type SalesContext,
  type WriteResult,
} from '../opportunity/sales-command.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { opportunityStreamId, quoteStreamId } from '../streams.ts';
import type { DraftQuote } from './commands/draft-quote.ts';
import { quoteDecider, type QuoteCommand } from './decide.ts';
import { quoteError } from './errors.ts';
import { initialState, type QuoteState } from './quote.ts';
import type { QuoteLineInput } from './rules/lines.ts';

/** The quote id of a version: readable, and found again without a read model. */
export const quoteIdFor = (opportunityId: string, version: number): string =>
  `${opportunityId}-v${version}`;

/** What a new version takes: customer and currency are the opportunity's. */
export interface DraftQuoteInput {
  lines?: readonly QuoteLineInput[];
  validUntil: string;
  note?: string;
}

/** Changes to one version; drafting and superseding go through draft() and revise(). */
export type QuoteChange = Exclude<
  InputOf<QuoteCommand, 'quoteId'>,
  { type: 'DraftQuote' } | { type: 'SupersedeQuote' }
>;

export interface QuotesApplication {
  /** Drafts the opportunity's next version (superseding the one before). */
  draft(opportunityId: string, input: DraftQuoteInput, context: SalesContext): Promise<WriteResult>;
  /** A new version from this one: its lines unless others are given; this one is superseded. */
  revise(
    quoteId: string,
    input: Partial<DraftQuoteInput>,
    context: SalesContext,
  ): Promise<WriteResult>;
  execute(
    quoteId: string,
    input: QuoteChange,
    context: SalesContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  load(quoteId: string): Promise<Loaded<QuoteState>>;
  /** The latest version number of the opportunity's quotes (0: none yet). */
  latestVersion(opportunityId: string): Promise<number>;
}

export function quotesApplication(deps: SalesDeps): QuotesApplication {
  const { eventStore: store, clock } = deps;
  const load = (quoteId: string) => loadStream(store, quoteDecider, quoteStreamId(quoteId));
  const run = (
    quoteId: string,
    input: InputOf<QuoteCommand, 'quoteId'>,
    context: SalesContext,
    expectedRevision?: number,
  ) =>
    runCommand({
      store,
      decider: quoteDecider,
      streamId: quoteStreamId(quoteId),
      id: quoteId,
      command: { ...input, quoteId, at: clock().toISOString(), actor: context.actor },
      context,
      expectedRevision,
    });

  const latestVersion = async (opportunityId: string): Promise<number> => {
    let version = 0;
    for (;;) {
      const head = await store.readStream(quoteStreamId(quoteIdFor(opportunityId, version + 1)), {
        maxCount: 1,
      });
      if (head.length === 0) return version;
      version += 1;
    }
  };

  const draft = async (
    opportunityId: string,
    input: DraftQuoteInput,
    context: SalesContext,
  ): Promise<WriteResult> => {
    const { state } = await loadStream(
      store,
      opportunityDecider,
      opportunityStreamId(opportunityId),
    );
    const opportunity = requireOpen(state, opportunityId);
    const previous = await latestVersion(opportunityId);
    const version = previous + 1;
    const quoteId = quoteIdFor(opportunityId, version);
    const command: Omit<DraftQuote, 'quoteId' | 'at' | 'actor'> = {
      type: 'DraftQuote',
      opportunityId,
      customerId: opportunity.customerId,
      version,
      currency: opportunity.amount.currency,
      validUntil: input.validUntil,
      ...(input.lines !== undefined && { lines: input.lines }),
      ...(input.note !== undefined && { note: input.note }),
    };
    // Refusals of the new version come before the old one is touched.
    quoteDecider.decide(
      { ...command, quoteId, at: clock().toISOString(), actor: context.actor },
      initialState,
    );
    if (previous > 0) {
      const previousId = quoteIdFor(opportunityId, previous);
      const before = (await load(previousId)).state;
      if (before.status === 'accepted') {
        throw quoteError('QUOTE_ALREADY_ACCEPTED', `quote ${previousId} was accepted`, {
          quoteId: previousId,
        });
      }
      // Superseded first: a crash before the draft leaves a version the retry drafts again.
      await run(
        previousId,
        { type: 'SupersedeQuote', supersededBy: quoteId, supersededByVersion: version },
        context,
      );
    }
    return run(quoteId, command, context);
  };

  return {
    load,
    latestVersion,
    draft,
    revise: async (quoteId, input, context) => {
      const { state } = await load(quoteId);
      if (state.status === 'undrafted') {
        throw quoteError('QUOTE_NOT_FOUND', `quote ${quoteId} does not exist`, { quoteId });
      }
      const note = input.note ?? state.note;
      return draft(
        state.opportunityId,
        {
          lines: input.lines ?? state.lines,
          validUntil: input.validUntil ?? state.validUntil,
          ...(note !== undefined && { note }),
        },
        context,
      );
    },
    execute: (quoteId, input, context, expectedRevision) =>
      run(quoteId, input, context, expectedRevision),
  };
}
