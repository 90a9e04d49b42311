import { parseCommand } from '../../../src/domain/commands';
import {
  canChangeMaterial,
  canFilePublicityBatch,
  materialsEditable,
  normalizeUrl,
  parseLinkCommand,
  parseLinkForm,
  parsePhysicalForm,
  sourceFromUrl,
} from '../../../src/domain/material-items';
import type { Roles } from '../../../src/domain/roles';

const roles = (openId: string, over: Partial<Roles> = {}): Roles => ({
  openId,
  archivist: false,
  admin: false,
  publicity: false,
  leaderOf: [],
  contactOf: [],
  ...over,
});

describe('physical item form', () => {
  const valid = {
    name: '建校六十周年纪念牌匾',
    type: '牌匾',
    quantity: '1',
    description: '铜质，省教育厅赠',
    location: '校史馆',
  };
  it('parses a complete form', () => {
    expect(parsePhysicalForm(valid)).toEqual({
      ok: true,
      value: { ...valid, quantity: 1 },
    });
    expect(parsePhysicalForm({ ...valid, quantity: '3件' })).toMatchObject({
      ok: true,
      value: { quantity: 3 },
    });
  });
  it('names every missing or invalid field', () => {
    expect(parsePhysicalForm({ type: '花瓶', quantity: '0' })).toEqual({
      ok: false,
      errors: {
        name: 'required',
        type: 'invalid_type',
        quantity: 'invalid_quantity',
        description: 'required',
        location: 'required',
      },
    });
  });
});

describe('links', () => {
  it('accepts http(s) URLs, also as Feishu markdown links', () => {
    expect(normalizeUrl('https://www.people.com.cn/a.html')).toBe(
      'https://www.people.com.cn/a.html',
    );
    expect(normalizeUrl('[人民网](https://people.com.cn/x)')).toBe('https://people.com.cn/x');
    expect(normalizeUrl('ftp://x.cn')).toBeUndefined();
    expect(normalizeUrl('https://localhost')).toBeUndefined();
    expect(normalizeUrl('not a url')).toBeUndefined();
  });
  it('reads 报道 <url> <title>', () => {
    expect(parseLinkCommand('https://mp.weixin.qq.com/s/abc 我院举行建校六十周年庆典')).toEqual({
      ok: true,
      url: 'https://mp.weixin.qq.com/s/abc',
      title: '我院举行建校六十周年庆典',
    });
    expect(parseLinkCommand('https://a.cn/x')).toEqual({ ok: true, url: 'https://a.cn/x' });
    expect(parseLinkCommand('')).toEqual({ ok: false, code: 'missing_url' });
    expect(parseLinkCommand('校庆报道')).toEqual({ ok: false, code: 'invalid_url' });
  });
  it('names well-known outlets, else the host', () => {
    expect(sourceFromUrl('https://mp.weixin.qq.com/s/abc')).toBe('微信公众号');
    expect(sourceFromUrl('http://edu.people.com.cn/n1/x.html')).toBe('人民网');
    expect(sourceFromUrl('https://www.example.edu.cn/news/1')).toBe('example.edu.cn');
  });
  it('the form needs a valid URL, a title and a source', () => {
    expect(parseLinkForm({ url: 'https://a.cn', title: 't', source: 's' })).toEqual({
      ok: true,
      value: { url: 'https://a.cn/', title: 't', source: 's' },
    });
    expect(parseLinkForm({ url: 'nope' })).toEqual({
      ok: false,
      errors: { url: 'invalid_url', title: 'required', source: 'required' },
    });
  });
});

describe('who may change materials', () => {
  const activity = {
    state: 'collecting' as const,
    registrant: 'ou_reg',
    contact: 'ou_con',
    unit: 'jwc',
  };
  it.each([
    ['the uploader', roles('ou_up'), true],
    ['the contact', roles('ou_con'), true],
    ['the registrant', roles('ou_reg'), true],
    ['an archivist', roles('ou_arch', { archivist: true }), true],
    ['a stranger', roles('ou_x'), false],
  ])('%s: %s', (_who, r, ok) => {
    expect(canChangeMaterial(r, activity, { sender: 'ou_up' })).toBe(ok);
  });
  it('nothing changes once accepted or cancelled', () => {
    expect(materialsEditable('handover_submitted')).toBe(true);
    expect(materialsEditable('accepted')).toBe(false);
    expect(materialsEditable('cancelled')).toBe(false);
  });
  it('publicity batches are filed by their sender or an archivist', () => {
    expect(canFilePublicityBatch(roles('ou_pub1'), 'ou_pub1')).toBe(true);
    expect(canFilePublicityBatch(roles('ou_arch', { archivist: true }), 'ou_pub1')).toBe(true);
    expect(canFilePublicityBatch(roles('ou_org1'), 'ou_pub1')).toBe(false);
  });
});

describe('commands of the material features', () => {
  it.each([
    ['登记实物', 'add_item', ''],
    ['@_user_1 add item', 'add_item', ''],
    ['报道 https://a.cn/x 标题', 'link', 'https://a.cn/x 标题'],
    ['材料 #HD-2026-0001', 'materials', '#HD-2026-0001'],
    ['materials', 'materials', ''],
    ['待归档', 'unfiled', ''],
  ])('%s → %s', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });
  it('a description reply is not a command', () => {
    expect(parseCommand('人物：张三')).toBeUndefined();
    expect(parseCommand('#2 人物：王五')).toBeUndefined();
  });
});
