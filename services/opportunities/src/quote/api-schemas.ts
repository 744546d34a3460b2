// What the quote API accepts: lines as the opportunity's plus a VAT rate, a validity date.
import { z } from 'zod';
import { dateInput, lineItemInput, percentInput } from '../opportunity/api-schemas.ts';

export const quoteLineInput = lineItemInput.extend({
  taxRatePercent: percentInput.optional().describe('VAT rate; 13 when absent.'),
});

export const draftBody = z.object({
  lines: z.array(quoteLineInput).max(200).optional(),
  validUntil: dateInput.describe('Acceptable until the end of this day (Asia/Shanghai).'),
  note: z.string().trim().min(1).max(2000).optional(),
});
export const updateDraftBody = draftBody.required({ lines: true });
export const reviseBody = draftBody.partial();
export const rejectBody = z.object({ reason: z.string().trim().min(1).max(500) });
