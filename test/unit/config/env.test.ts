import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { ConfigError, loadConfig } from '../../../src/config/env';

const valid = {
  FEISHU_APP_ID: 'cli_0123456789abcdef',
  FEISHU_APP_SECRET: 'super-secret-value',
  FEISHU_VERIFICATION_TOKEN: 'vtoken-value',
  FEISHU_ENCRYPT_KEY: 'ekey-value',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('parses .env.example with the same schema', () => {
    const example = parse(readFileSync(join(__dirname, '../../../.env.example')));
    const config = loadConfig(example);
    expect(config.feishu.domain).toBe('https://open.feishu.cn');
    expect(config.tz).toBe('Asia/Shanghai');
    expect(config.roles).toEqual(['web', 'worker', 'jobs']);
    expect(config.mongodbUri).toBeUndefined();
  });

  it('documents every variable of the schema in .env.example', () => {
    const example = parse(readFileSync(join(__dirname, '../../../.env.example')));
    const { envSchema } =
      jest.requireActual<typeof import('../../../src/config/env')>('../../../src/config/env');
    for (const key of Object.keys(envSchema.shape)) expect(Object.keys(example)).toContain(key);
  });

  it('applies defaults and maps the domain names', () => {
    expect(loadConfig({ ...valid, FEISHU_DOMAIN: 'lark' }).feishu.domain).toBe(
      'https://open.larksuite.com',
    );
    expect(loadConfig({ ...valid, FEISHU_DOMAIN: 'http://127.0.0.1:4000/' }).feishu.domain).toBe(
      'http://127.0.0.1:4000',
    );
    const c = loadConfig({ ...valid, ROLES: 'web, worker' });
    expect(c.roles).toEqual(['web', 'worker']);
    expect(c.port).toBe(3000);
    expect(c.feishu.eventMode).toBe('webhook');
  });

  it('lists every missing variable by name', () => {
    const problems = problemsOf({});
    for (const name of [
      'FEISHU_APP_ID',
      'FEISHU_APP_SECRET',
      'FEISHU_VERIFICATION_TOKEN',
      'FEISHU_ENCRYPT_KEY',
    ]) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
    }
  });

  it('names each invalid variable without printing any value', () => {
    const problems = problemsOf({
      ...valid,
      FEISHU_APP_ID: 'not-an-app-id',
      FEISHU_DOMAIN: 'ftp://example',
      FEISHU_EVENT_MODE: 'carrier-pigeon',
      PORT: 'eighty',
      BUSINESS_TZ: 'Mars/Olympus',
      ROLES: 'web,cook',
      MONGODB_URI: 'postgres://user:pw@host/db',
      LOG_LEVEL: 'loud',
    });
    const text = problems.join('\n');
    for (const name of [
      'FEISHU_APP_ID',
      'FEISHU_DOMAIN',
      'FEISHU_EVENT_MODE',
      'PORT',
      'BUSINESS_TZ',
      'ROLES',
      'MONGODB_URI',
      'LOG_LEVEL',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('super-secret-value');
    expect(text).not.toContain('pw@host');
  });

  it('refuses empty secrets rather than defaulting them', () => {
    expect(problemsOf({ ...valid, FEISHU_APP_SECRET: '' }).join()).toContain('FEISHU_APP_SECRET');
  });

  it('keeps /metrics off by default and protected when on', () => {
    expect(loadConfig(valid).metrics).toEqual({
      token: undefined,
      host: '127.0.0.1',
      port: undefined,
    });
    expect(problemsOf({ ...valid, METRICS_TOKEN: 'short' }).join()).toContain('METRICS_TOKEN');
    expect(
      problemsOf({ ...valid, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).join(),
    ).toContain('needs METRICS_TOKEN');
    expect(
      loadConfig({
        ...valid,
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        METRICS_TOKEN: 'x'.repeat(16),
      }).metrics.port,
    ).toBe(9464);
    expect(loadConfig({ ...valid, MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
  });

  it('returns a frozen config', () => {
    const c = loadConfig(valid);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.feishu)).toBe(true);
  });
});
