// The hello-world baseline: bare Fastify 5, no logger, no plugins, on a loopback port the OS picks.
// Run as its own process so it gets a core to itself, as the platform does.
import { fastify } from 'fastify';

const app = fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening on ${address}\n`);

const close = (): void => void app.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
