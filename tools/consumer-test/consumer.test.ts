import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSipServer, type SipServerHandle } from '@webphone/sip-server';
import { launchChromium } from '../../apps/softphone/e2e/chromium';
import { serveStatic, type StaticServer } from '../../apps/softphone/e2e/static-server';
import { createApp, packAll, run, typecheck, viteBuild, type Tarball } from './consumer-apps';

/**
 * An app outside this repository, as a new user makes one: the three
 * packages packed (their `prepack` builds them), the tarballs installed
 * into fresh apps in a temporary directory with React 19 and with React 18,
 * then imported by Node, rendered on the server, type-checked, built by Vite
 * and by esbuild, and run in Chromium against the project's Kamailio.
 */
const started = Date.now();
const work = mkdtempSync(path.join(os.tmpdir(), 'webphone-consumer-'));
const app19 = path.join(work, 'app-react19');
const app18 = path.join(work, 'app-react18');
let tarballs: Tarball[];

beforeAll(async () => {
  tarballs = await packAll(work);
  await Promise.all([createApp(app19, tarballs, 'react19'), createApp(app18, tarballs, 'react18')]);
  process.stderr.write(`[consumer] packed and installed into ${work} in ${Date.now() - started} ms\n`);
});

afterAll(() => {
  process.stderr.write(`[consumer] whole run ${Date.now() - started} ms\n`);
  rmSync(work, { recursive: true, force: true });
});

const installedVersion = (app: string, name: string) =>
  JSON.parse(readFileSync(path.join(app, 'node_modules', name, 'package.json'), 'utf8')).version as string;

describe('the tarballs', () => {
  test('hold the build, declarations, source maps, README and LICENSE, and no tests or stories', () => {
    for (const tarball of tarballs) {
      const files = tarball.files.map((file) => file.path);
      expect(files, tarball.name).toEqual(
        expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/index.d.ts.map']),
      );
      expect(
        files.filter((file) => /(\.test\.|\.stories\.|__tests__|test-support|tsbuildinfo)/.test(file)),
        tarball.name,
      ).toEqual([]);
      // Source maps point into src/, which ships for them (and for declaration maps: "go to definition").
      expect(files.filter((file) => file.startsWith('src/')).length, tarball.name).toBeGreaterThan(0);
    }
    expect(tarballs.find((tarball) => tarball.name === '@webphone/ui')!.files.map((file) => file.path)).toContain('dist/styles.css');
  });

  test.each(['core', 'react', 'ui'])('@webphone/%s as installed passes publint (strict, suggestions included)', async (name) => {
    const pkgDir = path.join(app19, 'node_modules', '@webphone', name);
    const { messages, pkg } = await publint({ pkgDir, pack: false, strict: true, level: 'suggestion' });
    expect(messages.map((message) => formatMessage(message, pkg, { color: false }) ?? message.code)).toEqual([]);
  });

  test('install as one copy of each package, peers included', () => {
    for (const app of [app19, app18]) {
      for (const name of ['@webphone/core', '@webphone/react', '@webphone/ui']) expect(installedVersion(app, name)).toBe('0.1.0');
      // A second copy of @webphone/react would give the widgets another context ("outside PhoneProvider").
      expect(existsSync(path.join(app, 'node_modules', '@webphone', 'ui', 'node_modules'))).toBe(false);
      expect(existsSync(path.join(app, 'node_modules', '@webphone', 'react', 'node_modules'))).toBe(false);
    }
    expect(installedVersion(app19, 'react')).toMatch(/^19\./);
    expect(installedVersion(app18, 'react')).toMatch(/^18\./);
  });
});

describe('in Node', () => {
  test.each([
    ['@webphone/core', ['PhoneOperator', 'ResultCode', 'createPhone']],
    ['@webphone/core/testing', ['ScriptedPhone']],
    ['@webphone/react', ['PhoneProvider', 'usePhone', 'ResultCode']],
    ['@webphone/ui', ['Softphone', 'Dialer', 'KEYPAD_LAYOUT', 'WebphoneMessages', 'en']],
    ['@webphone/ui/locales/ar', ['ar']],
  ])('imports %s as ESM', async (name, exported) => {
    for (const app of [app19, app18]) {
      const { stdout } = await run(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m)));`],
        { cwd: app },
      );
      expect(JSON.parse(stdout)).toEqual(expect.arrayContaining(exported));
    }
  });

  test("'use client' opens the client modules, not the entry points, so a server component can import types and constants", () => {
    const first = (file: string) => readFileSync(path.join(app19, 'node_modules', '@webphone', file), 'utf8').split('\n')[0];
    for (const file of [
      'react/dist/PhoneProvider.js',
      'react/dist/usePhone.js',
      'react/dist/context.js',
      'ui/dist/Softphone/Softphone.js',
      'ui/dist/Dialer/Dialer.js',
    ]) {
      expect(first(file), file).toBe("'use client';");
    }
    for (const file of ['core/dist/index.js', 'react/dist/index.js', 'ui/dist/index.js', 'ui/dist/number/phone-number.js', 'react/dist/commands.js']) {
      expect(first(file), file).not.toContain('use client');
    }
  });

  test.each([
    ['React 19', () => app19],
    ['React 18', () => app18],
  ])('%s: server rendering of <PhoneProvider config><Softphone/></PhoneProvider> opens no socket and leaves nothing running', async (_react, app) => {
    // The process must end by itself: a timer or socket left behind would keep it alive until the timeout kills it.
    const { stdout } = await run(process.execPath, ['ssr.mjs'], { cwd: app(), timeoutMs: 20_000 });
    const { html, sockets } = JSON.parse(stdout) as { html: string; sockets: number };
    expect(sockets).toBe(0);
    expect(html).toContain('class="wp-softphone"');
    expect(html).toContain('Consumer app');
    expect(html).toMatch(/role="status" class="wp-registration" data-state="offline"/);
    expect(html).toContain('aria-label="Dialer"');
  });
});

describe('TypeScript (strict, skipLibCheck off)', () => {
  test.each(['bundler', 'nodenext'] as const)('an app using the public API compiles under moduleResolution %s', async (resolution) => {
    await typecheck(app19, resolution);
  });
});

describe('bundlers', () => {
  test.each([
    ['React 19', () => app19],
    ['React 18', () => app18],
  ])('%s: Vite builds the app, stylesheet included, without a warning about the packages', async (_react, app) => {
    const { stdout, stderr } = await viteBuild(app());
    // e.g. "Module level directives cause errors when bundled" or an unresolved import.
    expect(`${stdout}${stderr}`).not.toMatch(/use client|directive|@webphone|could not resolve/i);
    const assets = readdirSync(path.join(app(), 'dist', 'assets'));
    expect(assets.filter((file) => file.endsWith('.js'))).toHaveLength(1);
    const css = assets.find((file) => file.endsWith('.css'));
    expect(css).toBeDefined();
    expect(readFileSync(path.join(app(), 'dist', 'assets', css!), 'utf8')).toContain('.wp-softphone');
  });

  test.each([
    ['React 19', () => app19],
    ['React 18', () => app18],
  ])('%s: esbuild bundles the app without an error or a warning', async (_react, app) => {
    const result = await esbuild({
      absWorkingDir: app(),
      entryPoints: ['src/main.tsx'],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      outdir: 'dist-esbuild',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.text)).toEqual([]);
    expect(readFileSync(path.join(app(), 'dist-esbuild', 'main.css'), 'utf8')).toContain('.wp-softphone');
    expect(readFileSync(path.join(app(), 'dist-esbuild', 'main.js'), 'utf8').length).toBeGreaterThan(100_000);
  });
});

describe('in Chromium, against the project Kamailio', () => {
  let browser: Browser;
  let sip: SipServerHandle;
  let web19: StaticServer;
  let web18: StaticServer;

  beforeAll(async () => {
    sip = await startSipServer({ port: 0, log: 'pipe' });
    web19 = await serveStatic(path.join(app19, 'dist'));
    web18 = await serveStatic(path.join(app18, 'dist'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web19?.close();
    await web18?.close();
    await sip?.stop();
  });

  /** Opens the built app as `extension`, with every RTCPeerConnection of the page kept for its statistics. */
  async function openApp(url: string, extension: string): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => {
      const connections: RTCPeerConnection[] = [];
      (window as unknown as { __connections: RTCPeerConnection[] }).__connections = connections;
      const Native = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends Native {
        constructor(configuration?: RTCConfiguration) {
          super(configuration);
          connections.push(this);
        }
      };
    });
    const page = await context.newPage();
    const address = new URL(url);
    address.search = new URLSearchParams({ server: sip.url, ext: extension, password: `secret${extension}`, domain: sip.domain }).toString();
    await page.goto(address.toString());
    return page;
  }

  /** Audio packets received and sent so far over the page's open peer connections. */
  function audioPackets(page: Page): Promise<{ received: number; sent: number }> {
    return page.evaluate(async () => {
      let received = 0;
      let sent = 0;
      for (const connection of (window as unknown as { __connections: RTCPeerConnection[] }).__connections) {
        if (connection.connectionState === 'closed') continue;
        (await connection.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
          if (report.type === 'inbound-rtp' && report.kind === 'audio') received += report.packetsReceived ?? 0;
          if (report.type === 'outbound-rtp' && report.kind === 'audio') sent += report.packetsSent ?? 0;
        });
      }
      return { received, sent };
    });
  }

  async function expectAudioBothWays(page: Page): Promise<void> {
    let last = await audioPackets(page);
    await expect
      .poll(
        async () => {
          const now = await audioPackets(page);
          const flowing = now.received - last.received > 10 && now.sent - last.sent > 10;
          last = now;
          return flowing;
        },
        { interval: 1000 },
      )
      .toBe(true);
  }

  const registrationState = (page: Page) => page.locator('.wp-registration').getAttribute('data-state');

  test('React 19, Vite build: two phones register, one calls the other, audio flows both ways, hang-up ends both', async () => {
    const [caller, callee] = await Promise.all([openApp(web19.url, '1001'), openApp(web19.url, '1002')]);
    await expect.poll(() => registrationState(caller)).toBe('online');
    await expect.poll(() => registrationState(callee)).toBe('online');

    await caller.getByRole('textbox', { name: 'Number or SIP address' }).fill('1002');
    await caller.getByRole('group', { name: 'Dialer' }).getByRole('button', { name: 'Call', exact: true }).click();
    const ringing = callee.getByRole('alertdialog', { name: /Incoming call from/ });
    await expect.poll(() => ringing.count()).toBe(1);
    await ringing.getByRole('button', { name: 'Answer' }).click();

    await Promise.all([expectAudioBothWays(caller), expectAudioBothWays(callee)]);

    await caller.getByRole('button', { name: 'Hang up' }).click();
    for (const page of [caller, callee]) {
      await expect.poll(() => page.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { __connections: RTCPeerConnection[] }).__connections.filter((c) => c.connectionState !== 'closed').length),
        )
        .toBe(0);
    }
  });

  test('React 18, Vite build: the phone registers in the browser', async () => {
    const page = await openApp(web18.url, '1003');
    await expect.poll(() => registrationState(page)).toBe('online');
    expect(await page.evaluate(() => document.querySelector('.wp-softphone h2')?.textContent)).toBe('Consumer app');
  });
});
