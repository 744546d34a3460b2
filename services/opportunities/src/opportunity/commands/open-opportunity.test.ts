import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aLineItem, anOpenedOpportunity, anOpening, ids } from '../fixtures.ts';
import { defaultPipeline } from '../rules/pipeline.ts';

const { given } = specification(opportunityDecider);

const line = {
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '50000',
};

describe('OpenOpportunity', () => {
  it('opens at the first stage, the amount the sum of the priced line items, in CNY', () => {
    given().when(anOpening()).then(anOpenedOpportunity());
  });

  it('trims what people typed and prices several lines', () => {
    given()
      .when(
        anOpening({
          name: '  深圳示例科技 数控机床采购 ',
          team: ` ${ids.team} `,
          lineItems: [
            { ...line, lineId: ' l-1 ', productName: ' 数控机床 CNC-200 ', discountPercent: 10 },
            { ...line, lineId: 'l-2', productId: 'SVC-INSTALL', quantity: 1, unitPrice: '3000.5' },
          ],
        }),
      )
      .then(
        anOpenedOpportunity({
          amount: { amount: '93000.50', currency: 'CNY' },
          lineItems: [
            aLineItem,
            {
              lineId: 'l-2',
              productId: 'SVC-INSTALL',
              productName: '数控机床 CNC-200',
              quantity: 1,
              unitPrice: '3000.50',
              discountPercent: 0,
              netAmount: '3000.50',
            },
          ],
        }),
      );
  });

  it('opens with an amount and no line items, at the stage and in the currency given', () => {
    given()
      .when(
        anOpening({
          lineItems: [],
          amount: '200000',
          currency: 'usd',
          stage: 'proposal',
          leadId: ids.lead,
          sourceCampaignId: '  ',
        }),
      )
      .then({
        type: 'OpportunityOpened',
        data: {
          opportunityId: ids.opportunity,
          customerId: ids.customer,
          name: '深圳示例科技 数控机床采购',
          ownerId: ids.salesRep,
          team: ids.team,
          amount: { amount: '200000.00', currency: 'USD' },
          lineItems: [],
          expectedCloseDate: '2026-04-30',
          stage: 'proposal',
          probability: 50,
          pipeline: defaultPipeline,
          leadId: ids.lead,
        },
      });
  });

  it('opens at 0.00 when neither an amount nor line items are known yet', () => {
    const { lineItems: _lineItems, ...withoutLines } = anOpening();
    given()
      .when(withoutLines)
      .then(anOpenedOpportunity({ lineItems: [], amount: { amount: '0.00', currency: 'CNY' } }));
  });

  it('takes an amount equal to the sum of the line items', () => {
    given()
      .when(anOpening({ amount: '90000.0' }))
      .then(anOpenedOpportunity());
  });

  it('keeps the pipeline it is opened with', () => {
    const pipeline = {
      pipelineId: 'projects',
      stages: [
        { stage: 'tender', probability: 30 },
        { stage: 'contract_review', probability: 90 },
      ],
    };
    given()
      .when(anOpening({ pipeline }))
      .then(anOpenedOpportunity({ pipeline, stage: 'tender', probability: 30 }));
  });

  it('refuses an id that is taken: OPPORTUNITY_ALREADY_OPENED', () => {
    given(anOpenedOpportunity())
      .when(anOpening())
      .thenThrows('OPPORTUNITY_ALREADY_OPENED', { opportunityId: ids.opportunity });
  });

  it('refuses an amount other than the sum of the line items: INVALID_FIELD mismatch', () => {
    given()
      .when(anOpening({ amount: '100000' }))
      .thenThrows('INVALID_FIELD', {
        field: 'amount',
        reason: 'mismatch',
        value: '100000.00',
        expected: '90000.00',
      });
  });

  it('refuses a stage the pipeline does not have: UNKNOWN_STAGE', () => {
    given()
      .when(anOpening({ stage: 'closing' }))
      .thenThrows('UNKNOWN_STAGE', { stage: 'closing' });
  });

  it('refuses to open as won or lost: CLOSING_STAGE_NOT_ALLOWED', () => {
    given()
      .when(anOpening({ stage: 'won' }))
      .thenThrows('CLOSING_STAGE_NOT_ALLOWED', { stage: 'won' });
  });

  it.each([
    ['customerId', { customerId: ' ' }, { field: 'customerId', reason: 'required' }],
    ['name', { name: '' }, { field: 'name', reason: 'required' }],
    ['name', { name: '商'.repeat(201) }, { field: 'name', reason: 'too_long', max: 200 }],
    ['ownerId', { ownerId: '' }, { field: 'ownerId', reason: 'required' }],
    ['team', { team: '' }, { field: 'team', reason: 'required' }],
    ['currency', { currency: '人民币' }, { field: 'currency', reason: 'malformed' }],
    [
      'expectedCloseDate',
      { expectedCloseDate: '2026-02-30' },
      { field: 'expectedCloseDate', reason: 'malformed' },
    ],
    ['amount', { lineItems: [], amount: '-5' }, { field: 'amount', reason: 'malformed' }],
    [
      'a unit price',
      { lineItems: [{ ...line, unitPrice: '1.23456' }] },
      { field: 'lineItems[0].unitPrice', reason: 'too_precise', maxDecimals: 4 },
    ],
    [
      'a quantity',
      { lineItems: [{ ...line, quantity: 0 }] },
      { field: 'lineItems[0].quantity', reason: 'out_of_range' },
    ],
    [
      'a discount',
      { lineItems: [{ ...line, discountPercent: 120 }] },
      { field: 'lineItems[0].discountPercent', reason: 'out_of_range', max: 100 },
    ],
    [
      'a product',
      { lineItems: [{ ...line, productId: '' }] },
      { field: 'lineItems[0].productId', reason: 'required' },
    ],
    [
      'a repeated line id',
      { lineItems: [line, { ...line, lineId: ' l-1' }] },
      { field: 'lineItems[1].lineId', reason: 'duplicate', value: 'l-1' },
    ],
    [
      'too many lines',
      { lineItems: Array.from({ length: 201 }, (_, i) => ({ ...line, lineId: `l-${i}` })) },
      { field: 'lineItems', reason: 'too_many', limit: 200 },
    ],
    [
      'a line too large to write down',
      { lineItems: [{ ...line, quantity: 1_000_000_000, unitPrice: '999999999' }] },
      { field: 'lineItems[0]', reason: 'out_of_range' },
    ],
    [
      'lines adding up to too much',
      {
        lineItems: [
          { ...line, quantity: 1, unitPrice: '999999999999999' },
          { ...line, lineId: 'l-2', quantity: 1, unitPrice: '1' },
        ],
      },
      { field: 'lineItems', reason: 'out_of_range' },
    ],
    [
      'a pipeline with a reserved stage',
      { pipeline: { pipelineId: 'p', stages: [{ stage: 'lost', probability: 0 }] } },
      { field: 'pipeline.stages[0].stage', reason: 'reserved' },
    ],
  ])('refuses %s: INVALID_FIELD', (_, overrides, details) => {
    given().when(anOpening(overrides)).thenThrows('INVALID_FIELD', details);
  });
});
