/**
 * contact/v3 as the bot reads it: a department's children (optionally the whole subtree), the direct
 * members of a department, and open_ids by mobile or email. Paged like the platform (page_token), with
 * its limits (50 per page, 50 emails and 50 mobiles per batch_get_id) and its answer to a missing scope
 * (code 99991672 listing the scopes that would do).
 * https://open.feishu.cn/document/server-docs/contact-v3/department/children
 * https://open.feishu.cn/document/server-docs/contact-v3/user/find_by_department
 * https://open.feishu.cn/document/server-docs/contact-v3/user/batch_get_id
 */
import { CONTACT_SCOPES, type SimContactUser, type SimDepartment } from './contacts';
import { asObject, fail, ok, route, type Route, type RouteContext } from './http-util';
import type { SimState } from './state';
import type { Reply } from './types';

const MAX_PAGE = 50;

/** The platform's refusal when the app holds none of the scopes an API accepts. */
function scopeDenied(state: SimState, scopes: readonly string[]): Reply | undefined {
  if (scopes.some((s) => state.grantedScopes.has(s))) return undefined;
  const list = scopes.join(', ');
  return fail(
    400,
    99991672,
    `Access denied. One of the following scopes is required: [${list}].应用尚未开通所需的应用身份权限：[${list}]，点击链接申请并开通任一权限即可：https://open.feishu.cn/app/${state.identity.appId}/auth?q=${encodeURIComponent(scopes[0] ?? '')}`,
  );
}

function page<T>(
  ctx: RouteContext,
  all: T[],
): { items: T[]; has_more: boolean; page_token?: string } {
  const size = Math.min(Math.max(Number(ctx.query.page_size ?? 10) || 10, 1), MAX_PAGE);
  const offset = ctx.query.page_token ? Number(ctx.query.page_token.replace(/^p/, '')) || 0 : 0;
  const items = all.slice(offset, offset + size);
  const hasMore = offset + size < all.length;
  return { items, has_more: hasMore, ...(hasMore ? { page_token: `p${offset + size}` } : {}) };
}

function departmentJson(state: SimState, d: SimDepartment): Record<string, unknown> {
  const members = state.contacts.users.filter(
    (u) => !u.resigned && u.departments.includes(d.openDepartmentId),
  );
  return {
    name: d.name,
    i18n_name: { zh_cn: d.name, en_us: d.enName ?? '' },
    parent_department_id: d.parent,
    department_id: d.departmentId,
    open_department_id: d.openDepartmentId,
    ...(d.leader
      ? { leader_user_id: d.leader, leaders: [{ leaderType: 1, leaderID: d.leader }] }
      : {}),
    order: String(d.order),
    member_count: members.length,
    primary_member_count: members.filter((u) => u.departments[0] === d.openDepartmentId).length,
    status: { is_deleted: false },
  };
}

/** The department's id as asked: open_department_id by default, or the tenant's department_id. */
function findDepartment(state: SimState, id: string, idType: string | undefined) {
  return state.contacts.departments.find((d) =>
    idType === 'department_id' ? d.departmentId === id : d.openDepartmentId === id,
  );
}

/** GET /open-apis/contact/v3/departments/:department_id/children (`0` is the root). */
function children(state: SimState, ctx: RouteContext): Reply {
  const denied = scopeDenied(state, CONTACT_SCOPES.departments);
  if (denied) return denied;
  const id = ctx.params.department_id ?? '';
  const parent =
    id === '0' ? '0' : findDepartment(state, id, ctx.query.department_id_type)?.openDepartmentId;
  if (parent === undefined) return fail(400, 40003, 'department not found');
  const byOrder = (a: SimDepartment, b: SimDepartment) => a.order - b.order;
  const result: SimDepartment[] = [];
  const walk = (of: string) => {
    for (const d of state.contacts.departments.filter((x) => x.parent === of).sort(byOrder)) {
      result.push(d);
      if (ctx.query.fetch_child === 'true') walk(d.openDepartmentId);
    }
  };
  walk(parent);
  const p = page(ctx, result);
  return ok({ ...p, items: p.items.map((d) => departmentJson(state, d)) });
}

function userJson(u: SimContactUser): Record<string, unknown> {
  return {
    open_id: u.openId,
    union_id: u.openId.replace(/^ou_/, 'on_'),
    user_id: u.openId.replace(/^ou_c_/, ''),
    name: u.name,
    ...(u.enName ? { en_name: u.enName } : {}),
    mobile: u.mobile,
    mobile_visible: true,
    ...(u.email ? { email: u.email } : {}),
    department_ids: u.departments,
    orders: u.departments.map((dep, i) => ({ department_id: dep, is_primary_dept: i === 0 })),
    ...(u.jobTitle ? { job_title: u.jobTitle } : {}),
    status: {
      is_frozen: false,
      is_resigned: Boolean(u.resigned),
      is_activated: !u.resigned,
      is_exited: false,
      is_unjoin: false,
    },
  };
}

/** GET /open-apis/contact/v3/users/find_by_department — direct members only, resigned people never. */
function findByDepartment(state: SimState, ctx: RouteContext): Reply {
  const denied = scopeDenied(state, CONTACT_SCOPES.users);
  if (denied) return denied;
  const id = ctx.query.department_id ?? '';
  const dep = id === '0' ? undefined : findDepartment(state, id, ctx.query.department_id_type);
  if (id !== '0' && !dep) return fail(400, 40003, 'department not found');
  const members = state.contacts.users.filter(
    (u) =>
      !u.resigned &&
      (dep ? u.departments.includes(dep.openDepartmentId) : u.departments.length === 0),
  );
  const p = page(ctx, members);
  return ok({ ...p, items: p.items.map((u) => userJson(u)) });
}

/** `+8613800000001`, `13800000001` and `138 0000 0001` are one number. */
const normalizeMobile = (m: string) => {
  const digits = m.replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(digits) ? `+86${digits}` : digits;
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** POST /open-apis/contact/v3/users/batch_get_id — unknown people (and, by default, resigned ones) are left out. */
function batchGetId(state: SimState, ctx: RouteContext): Reply {
  const denied = scopeDenied(state, CONTACT_SCOPES.batchGetId);
  if (denied) return denied;
  const body = asObject(ctx.body);
  const emails = strings(body.emails);
  const mobiles = strings(body.mobiles);
  if (emails.length > 50 || mobiles.length > 50)
    return fail(400, 40001, 'emails and mobiles: at most 50 each');
  const includeResigned = body.include_resigned === true;
  const visible = state.contacts.users.filter((u) => includeResigned || !u.resigned);
  const status = (u: SimContactUser) => ({
    is_resigned: Boolean(u.resigned),
    is_activated: !u.resigned,
    is_frozen: false,
    is_exited: false,
    is_unjoin: false,
  });
  const list: Record<string, unknown>[] = [];
  for (const email of emails) {
    const u = visible.find((x) => x.email?.toLowerCase() === email.toLowerCase());
    if (u) list.push({ user_id: u.openId, email, status: status(u) });
  }
  for (const mobile of mobiles) {
    const u = visible.find((x) => normalizeMobile(x.mobile) === normalizeMobile(mobile));
    if (u) list.push({ user_id: u.openId, mobile, status: status(u) });
  }
  return ok({ user_list: list });
}

/** Contact routes; listed before the chat routes so `users/find_by_department` is not read as a user id. */
export function contactRoutes(state: SimState): Route[] {
  return [
    route('GET', '/open-apis/contact/v3/departments/:department_id/children', (ctx) =>
      children(state, ctx),
    ),
    route('GET', '/open-apis/contact/v3/users/find_by_department', (ctx) =>
      findByDepartment(state, ctx),
    ),
    route('POST', '/open-apis/contact/v3/users/batch_get_id', (ctx) => batchGetId(state, ctx)),
  ];
}
