/**
 * Reads the college's address book (通讯录) through the node-sdk's contact/v3 APIs: every department
 * (children of the root, whole subtree), the direct members of each, and open_ids for mobiles and emails.
 * Nothing is written anywhere: the caller gets the whole org chart or an error, never half of it.
 * https://open.feishu.cn/document/server-docs/contact-v3/department/children
 * https://open.feishu.cn/document/server-docs/contact-v3/user/find_by_department
 * https://open.feishu.cn/document/server-docs/contact-v3/user/batch_get_id
 */
import type { OrgChart, OrgDepartment, OrgUser } from '../domain/directory-sync';
import type { FeishuApi } from './api';
import { FeishuApiError } from './errors';

/** The platform's "scope not granted" code. */
const SCOPE_NOT_GRANTED = 99991672;

/** What each read needs, named when the platform's message does not list them. */
export const CONTACT_READ_SCOPES = {
  departments: 'contact:department.base:readonly',
  users: 'contact:user.base:readonly',
  ids: 'contact:user.id:readonly',
} as const;

/** A contact read refused for want of a scope; `scopes` are the ones that would do (any one). */
export class MissingScopeError extends Error {
  constructor(
    readonly scopes: string[],
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: the app lacks the scope ${scopes.join(' or ')}`, options);
    this.name = 'MissingScopeError';
  }
}

/** The scopes a 99991672 answer lists (`…one of the following scopes is required: [a, b]…`). */
export function scopesInMessage(message: string): string[] {
  const list = /required:\s*\[([^\]]+)\]/i.exec(message)?.[1];
  return list
    ? list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Calls through the API wrapper, turning a missing scope into a MissingScopeError naming it. */
async function read<T extends { code?: number; msg?: string }>(
  api: FeishuApi,
  op: string,
  scope: string,
  fn: Parameters<FeishuApi['call']>[1],
): Promise<T> {
  try {
    return (await api.call(op, fn)) as T;
  } catch (err) {
    if (err instanceof FeishuApiError && err.feishuCode === SCOPE_NOT_GRANTED) {
      const listed = scopesInMessage(err.message);
      throw new MissingScopeError(listed.length > 0 ? listed : [scope], op, { cause: err });
    }
    throw err;
  }
}

const PAGE_SIZE = 50;

interface Paged<I> {
  code?: number;
  msg?: string;
  data?: { items?: I[]; has_more?: boolean; page_token?: string };
}

async function allPages<I>(
  fetchPage: (token: string | undefined) => Promise<Paged<I>>,
): Promise<I[]> {
  const items: I[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const res = await fetchPage(token);
    items.push(...(res.data?.items ?? []));
    if (!res.data?.has_more || !res.data.page_token) return items;
    token = res.data.page_token;
  }
  throw new Error('contact paging did not end');
}

interface RawDepartment {
  name: string;
  i18n_name?: { en_us?: string };
  parent_department_id: string;
  department_id?: string;
  open_department_id?: string;
  leader_user_id?: string;
  order?: string;
  status?: { is_deleted?: boolean };
}

interface RawUser {
  open_id?: string;
  name: string;
  en_name?: string;
  department_ids?: string[];
  orders?: { department_id?: string; is_primary_dept?: boolean }[];
  status?: { is_resigned?: boolean; is_exited?: boolean };
}

/** Progress of a long read, for the CLI's stderr. */
export type ReadProgress = (done: number, total: number) => void;

/**
 * The whole org chart: departments (root's subtree) and their members, each person once with all
 * their departments (the primary first). People placed directly under the root are not read (that
 * needs the whole-tenant scope); a college puts everyone in a department.
 */
export async function readOrgChart(api: FeishuApi, progress?: ReadProgress): Promise<OrgChart> {
  const rawDepartments = await allPages<RawDepartment>((token) =>
    read(api, 'contact.department.children', CONTACT_READ_SCOPES.departments, (c) =>
      c.contact.department.children({
        path: { department_id: '0' },
        params: {
          department_id_type: 'open_department_id',
          user_id_type: 'open_id',
          fetch_child: true,
          page_size: PAGE_SIZE,
          ...(token ? { page_token: token } : {}),
        },
      }),
    ),
  );
  const departments: OrgDepartment[] = rawDepartments
    .filter((d) => d.open_department_id && !d.status?.is_deleted)
    .map((d) => ({
      id: d.open_department_id!,
      customId: d.department_id ?? '',
      name: d.name,
      ...(d.i18n_name?.en_us ? { enName: d.i18n_name.en_us } : {}),
      parent: d.parent_department_id || '0',
      ...(d.leader_user_id ? { head: d.leader_user_id } : {}),
    }));
  const users = new Map<string, OrgUser>();
  let done = 0;
  for (const dep of departments) {
    const members = await allPages<RawUser>((token) =>
      read(api, 'contact.user.findByDepartment', CONTACT_READ_SCOPES.users, (c) =>
        c.contact.user.findByDepartment({
          params: {
            department_id: dep.id,
            department_id_type: 'open_department_id',
            user_id_type: 'open_id',
            page_size: PAGE_SIZE,
            ...(token ? { page_token: token } : {}),
          },
        }),
      ),
    );
    for (const m of members) {
      if (!m.open_id || m.status?.is_resigned || m.status?.is_exited) continue;
      if (users.has(m.open_id)) continue;
      const primary = m.orders?.find((o) => o.is_primary_dept)?.department_id;
      const all = m.department_ids ?? [dep.id];
      users.set(m.open_id, {
        openId: m.open_id,
        name: m.name,
        departments: primary ? [primary, ...all.filter((x) => x !== primary)] : all,
      });
    }
    progress?.(++done, departments.length);
  }
  return { departments, users: [...users.values()] };
}

/**
 * Open ids for mobiles (`+86…`) and emails (lower-case), 50 of each per request. People unknown, not
 * visible to the app or resigned are simply absent from the map.
 */
export async function resolveUserIds(
  api: FeishuApi,
  refs: { mobiles: string[]; emails: string[] },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const mobiles = [...new Set(refs.mobiles)];
  const emails = [...new Set(refs.emails)];
  for (let i = 0; i < Math.max(mobiles.length, emails.length); i += 50) {
    const m = mobiles.slice(i, i + 50);
    const e = emails.slice(i, i + 50);
    const res = await read<{
      code?: number;
      data?: { user_list?: { user_id?: string; mobile?: string; email?: string }[] };
    }>(api, 'contact.user.batchGetId', CONTACT_READ_SCOPES.ids, (c) =>
      c.contact.user.batchGetId({
        params: { user_id_type: 'open_id' },
        data: { ...(m.length ? { mobiles: m } : {}), ...(e.length ? { emails: e } : {}) },
      }),
    );
    for (const u of res.data?.user_list ?? []) {
      if (!u.user_id) continue;
      if (u.mobile) ids.set(u.mobile, u.user_id);
      if (u.email) ids.set(u.email.toLowerCase(), u.user_id);
    }
  }
  return ids;
}
