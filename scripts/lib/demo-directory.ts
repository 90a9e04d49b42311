import type { DirectoryFile } from '../../src/domain/directory';

/** The college of the demo: invented people, real shapes. */
export const DEMO_DIRECTORY: DirectoryFile = {
  units: [
    { code: 'jwc', name: '教务处', leaderInCharge: 'ou_vp_li', contacts: ['ou_zhang'] },
    { code: 'xcb', name: '党委宣传部', leaderInCharge: 'ou_vp_li', contacts: ['ou_chen'] },
    { code: 'zsb', name: '招生就业处', contacts: ['ou_zhou'] },
  ],
  archivists: ['ou_wang'],
  archiveChatId: 'oc_archive_room',
  publicity: ['ou_chen'],
  admins: ['ou_wang'],
  people: [
    { openId: 'ou_zhang', name: '张老师', unit: 'jwc' },
    { openId: 'ou_vp_li', name: '李副院长' },
    { openId: 'ou_wang', name: '王档案员' },
    { openId: 'ou_chen', name: '陈宣传', unit: 'xcb' },
    { openId: 'ou_zhou', name: '周老师', unit: 'zsb' },
    { openId: 'ou_guest', name: '访客' },
  ],
};

/** Display names for the transcript (people and chats). */
export const DEMO_NAMES: Record<string, string> = {
  ou_zhang: '张老师 (organizer)',
  ou_vp_li: '李副院长 (leader in charge)',
  ou_wang: '王档案员 (archivist)',
  ou_chen: '陈宣传 (publicity)',
  ou_zhou: '周老师',
  ou_guest: '访客 (stranger)',
  oc_anniv: '群「校庆筹备群」',
  oc_archive_room: '群「综合档案室」',
  oc_p2p_zhang: '张老师 private chat',
  oc_p2p_wang: '王档案员 private chat',
  oc_p2p_zhou: '周老师 private chat',
  oc_p2p_vp_li: '李副院长 private chat',
};
