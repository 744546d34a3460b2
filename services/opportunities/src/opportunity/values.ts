// The values an opportunity is made of: money as decimal strings, the pipeline snapshot, product
// lines, competitors and why deals are lost.

export interface Money {
  /** Decimal string in major units, two decimals: "120000.00". */
  amount: string;
  /** ISO 4217, e.g. CNY. */
  currency: string;
}

export interface PipelineStage {
  stage: string;
  /** Win probability in percent, 0-100. */
  probability: number;
}

export interface Pipeline {
  pipelineId: string;
  /** The open stages, in order; won and lost are implied. */
  stages: readonly PipelineStage[];
}

export interface LineItem {
  lineId: string;
  productId: string;
  productName: string;
  quantity: number;
  /** Excluding tax, 2-4 decimals. */
  unitPrice: string;
  discountPercent: number;
  /** quantity × unitPrice less the discount, rounded half-up to the fen. */
  netAmount: string;
}

export interface Competitor {
  name: string;
  strengths?: string;
  weaknesses?: string;
}

export type LossReason =
  'price' | 'product_fit' | 'competitor' | 'timing' | 'no_decision' | 'other';

/** Why a deal's customer changed: so far only a lead conversion linked to an existing customer. */
export type CustomerChangeReason = 'lead_linked_to_existing_customer';
