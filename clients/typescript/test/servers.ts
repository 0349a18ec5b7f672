import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const jar = resolve(root, 'sample-app/target/parley-sample.jar');
const logs = resolve(root, 'clients/typescript/target');

export type Runtime = 'fargate' | 'lambda';

declare module 'vitest' {
  export interface ProvidedContext {
    jwtSecret: string;
    servers: Record<Runtime, string>;
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}; see ${logs}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not come up within 60 s; see ${logs}`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });
}

async function start(runtime: Runtime, secret: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const args = ['-jar', jar, ...(runtime === 'lambda' ? ['--runtime=lambda-local'] : [])];
  const log = createWriteStream(resolve(logs, `server-${runtime}.log`));
  // bin/java picks a JDK 21+ the same way the Maven Wrapper does.
  const child = spawn(resolve(root, 'bin/java'), args, {
    cwd: root,
    env: { ...process.env, CHAT_HOST: '127.0.0.1', CHAT_PORT: String(port), CHAT_JWT_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  if (runtime === 'fargate') {
    await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, `the ${runtime} server`, child);
  } else {
    await waitFor(() => portOpen(port), `the ${runtime} server`, child);
  }
  return { url, child };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      ok();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing: build it with ./mvnw -q -pl sample-app -am package -DskipTests`);
  }
  mkdirSync(logs, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  const [fargate, lambda] = await Promise.all([start('fargate', secret), start('lambda', secret)]);
  project.provide('jwtSecret', secret);
  project.provide('servers', { fargate: fargate.url, lambda: lambda.url });
  return async () => {
    await Promise.all([stop(fargate.child), stop(lambda.child)]);
  };
}
