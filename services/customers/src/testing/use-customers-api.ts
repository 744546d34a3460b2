// Vitest hooks that give each test (or each file) a fresh customers app and a client for it, and
// fail the test if a projection broke on the way.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { customersClient, type Answer, type CustomersClient } from './customers-client.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

export interface CustomersApiContext {
  testApp: TestApp;
  api: CustomersClient;
}

/** 'each': a new app per test (the default); 'all': one app for the file (read-only tests). */
export function useCustomersApi(scope: 'each' | 'all' = 'each'): CustomersApiContext {
  const context = {} as CustomersApiContext;
  const open = async () => {
    context.testApp = await buildTestApp();
    context.api = customersClient(context.testApp);
  };
  const close = async () => {
    const errors = context.testApp.projectionErrors;
    await context.testApp.close();
    expect(errors).toEqual([]);
  };
  if (scope === 'each') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  return context;
}

/** The answer is an RFC 9457 problem with this status and code; answers its body. */
export function expectProblem(answer: Answer, status: number, code: string): Answer['body'] {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  return answer.body;
}
