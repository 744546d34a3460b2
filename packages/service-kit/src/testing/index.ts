// @crm/service-kit/testing: what services' HTTP tests share.
export {
  createTestServiceApp,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_SECRET,
  testToken,
  type TestServiceApp,
  type TestServiceAppOptions,
} from './test-service-app.ts';
export { useFixture } from './use-fixture.ts';
