// The customer write API: one route per use case, each a thin translation from HTTP to the
// application (actor, correlation and the client's revision in; revision and position out).
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@crm/event-processing';
import {
  answerWrite as answer,
  ifMatchHeaders,
  pinnedToIfMatch,
  requestContextOf,
  requireRoles,
  writeResult,
  type ServiceApp,
} from '@crm/service-kit';
import type { FastifyRequest } from 'fastify';
import type { CustomersApplication } from './application.ts';
import {
  classificationBody,
  contactsBody,
  eraseBody,
  idParams,
  interactionBody,
  mergeBody,
  ownerBody,
  profileChangesBody,
  reasonBody,
  registerBody,
  tagsBody,
} from './api-schemas.ts';

const WRITERS = ['sales_rep', 'sales_manager', 'marketer', 'support_agent'] as const;
const tags = ['customers'];

export const contextOf = (request: FastifyRequest): CommandContext => requestContextOf(request);

/** A write pinned to the client's If-Match (a stale one answers 409). */
const pinned = <T>(request: FastifyRequest, write: (revision: number | undefined) => Promise<T>) =>
  pinnedToIfMatch(request.headers['if-match'], write);

export function registerCustomerCommandRoutes(
  app: ServiceApp,
  customers: CustomersApplication,
): void {
  const writers = { preHandler: requireRoles(...WRITERS) };
  const managers = { preHandler: requireRoles('sales_manager') };
  const write = { tags, params: idParams, headers: ifMatchHeaders, response: { 200: writeResult } };
  // Commands that are not decided on a revision the client saw do not take If-Match.
  const { headers: _ifMatch, ...unpinned } = write;

  app.post(
    '/customers',
    {
      ...writers,
      schema: {
        tags,
        summary: 'Register a customer',
        body: registerBody,
        response: { 201: writeResult },
      },
    },
    async (request, reply) => {
      const {
        id,
        kind,
        phones,
        emails,
        tags: customerTags,
        lifecycleStage,
        size,
        valueTier,
        source,
        ownerId,
        ...profile
      } = request.body;
      const customerId = id ?? randomUUID();
      const result = await customers.register(
        customerId,
        {
          type: 'RegisterCustomer',
          kind,
          profile,
          phones,
          emails,
          tags: customerTags,
          classification: {
            ...(lifecycleStage && { lifecycleStage }),
            ...(size && { size }),
            ...(valueTier && { valueTier }),
          },
          ...(source && { source }),
          ownerId:
            ownerId === undefined
              ? request.user?.roles.includes('sales_rep')
                ? request.user.id
                : null
              : ownerId,
        },
        contextOf(request),
      );
      return answer(reply.header('location', `/customers/${customerId}`), result, 201);
    },
  );

  app.patch(
    '/customers/:id',
    {
      ...writers,
      schema: { ...write, summary: 'Update the profile', body: profileChangesBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'UpdateProfile', changes: request.body },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.put(
    '/customers/:id/contacts',
    {
      ...writers,
      schema: { ...write, summary: 'Replace phones and e-mails', body: contactsBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.changeContacts(request.params.id, request.body, contextOf(request), revision),
        ),
      ),
  );

  app.post(
    '/customers/:id/tags',
    {
      ...writers,
      schema: { ...write, summary: 'Add tags', body: tagsBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'TagCustomer', tags: request.body.tags },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.post(
    '/customers/:id/tags/remove',
    {
      ...writers,
      schema: { ...write, summary: 'Remove tags', body: tagsBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'UntagCustomer', tags: request.body.tags },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.put(
    '/customers/:id/classification',
    {
      ...writers,
      schema: {
        ...write,
        summary: 'Classify: lifecycle stage, size, value tier',
        body: classificationBody,
      },
    },
    async (request, reply) => {
      const { lifecycleStage, size, valueTier } = request.body;
      const changes = {
        ...(lifecycleStage !== undefined && { lifecycleStage }),
        ...(size !== undefined && { size }),
        ...(valueTier !== undefined && { valueTier }),
      };
      return answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'ClassifyCustomer', changes },
            contextOf(request),
            revision,
          ),
        ),
      );
    },
  );

  app.put(
    '/customers/:id/owner',
    {
      ...managers,
      schema: { ...write, summary: 'Assign the owner (null: back to the pool)', body: ownerBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'AssignOwner', ownerId: request.body.ownerId },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.post(
    '/customers/:id/interactions',
    {
      ...writers,
      schema: {
        ...unpinned,
        summary: 'Log an interaction (call, visit, email, meeting, ...)',
        body: interactionBody,
        response: { 201: writeResult },
      },
    },
    async (request, reply) => {
      const { interactionId, ...interaction } = request.body;
      const input = {
        type: 'LogInteraction' as const,
        interactionId: interactionId ?? randomUUID(),
        ...omitUndefined(interaction),
      };
      return answer(
        reply,
        await customers.execute(request.params.id, input, contextOf(request)),
        201,
      );
    },
  );

  app.post(
    '/customers/:id/merge',
    {
      ...managers,
      schema: { ...unpinned, summary: 'Merge a duplicate into this customer', body: mergeBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await customers.merge(request.params.id, request.body.duplicateId, contextOf(request)),
      ),
  );

  app.post(
    '/customers/:id/archive',
    {
      ...managers,
      schema: { ...write, summary: 'Archive', body: reasonBody },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'ArchiveCustomer', reason: request.body.reason },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.post(
    '/customers/:id/restore',
    {
      ...managers,
      schema: { ...write, summary: 'Restore an archived customer' },
    },
    async (request, reply) =>
      answer(
        reply,
        await pinned(request, (revision) =>
          customers.execute(
            request.params.id,
            { type: 'RestoreCustomer' },
            contextOf(request),
            revision,
          ),
        ),
      ),
  );

  app.post(
    '/customers/:id/erase',
    {
      preHandler: requireRoles('admin'),
      schema: {
        ...unpinned,
        summary: 'Erase personal data (PIPL / GDPR request)',
        body: eraseBody,
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await customers.erase(
          request.params.id,
          { type: 'ErasePersonalData', reason: request.body.reason },
          contextOf(request),
        ),
      ),
  );
}

const omitUndefined = <T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
