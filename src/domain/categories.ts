/**
 * The ten categories of major activity (第五条), numbered as in the rule, and what each normally leaves
 * behind (第六条). The checklist is data, not a gate: it drives the "still missing" hints and the
 * transfer list (移交清册) order; an archivist judges completeness.
 */
import type { Lang } from '../i18n/t';

export const CATEGORY_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface Category {
  code: CategoryCode;
  zh_cn: string;
  en_us: string;
  /** For buttons and list columns, where the full name does not fit. */
  short_zh: string;
  short_en: string;
}

export const CATEGORIES: readonly Category[] = [
  {
    code: 1,
    zh_cn: '党和国家领导人来院视察',
    en_us: 'Visits by national leaders',
    short_zh: '国家领导人视察',
    short_en: 'National leaders',
  },
  {
    code: 2,
    zh_cn: '部委、省市及地市级以上领导来院视察调研指导',
    en_us: 'Inspections by ministry, provincial and city leaders',
    short_zh: '上级领导视察',
    short_en: 'Official inspections',
  },
  {
    code: 3,
    zh_cn: '学院党政主要领导出席国内外重要交流活动',
    en_us: 'College leaders at major exchanges',
    short_zh: '重要交流活动',
    short_en: 'Major exchanges',
  },
  {
    code: 4,
    zh_cn: '学院主办或承办的全市以上重要会议和活动',
    en_us: 'City-level or higher meetings and events hosted',
    short_zh: '主办承办会议',
    short_en: 'Hosted meetings',
  },
  {
    code: 5,
    zh_cn: '重要庆典和纪念活动',
    en_us: 'Ceremonies and commemorations',
    short_zh: '庆典纪念',
    short_en: 'Ceremonies',
  },
  {
    code: 6,
    zh_cn: '重点建设工程奠基、竣工典礼',
    en_us: 'Ground-breaking and completion of key construction',
    short_zh: '奠基竣工典礼',
    short_en: 'Construction ceremonies',
  },
  {
    code: 7,
    zh_cn: '国家级/省市级基地、技能大师工作室、技能大赛、品牌专业与教师团队申报和批复',
    en_us:
      'Applications and approvals of bases, master studios, skills competitions, brand majors and teaching teams',
    short_zh: '基地与项目申报',
    short_en: 'Bases & applications',
  },
  {
    code: 8,
    zh_cn: '重大突发事件、全院性重大专项工作、省级以上主流媒体报道',
    en_us: 'Emergencies, college-wide special work, reports by provincial or national media',
    short_zh: '突发事件与媒体报道',
    short_en: 'Emergencies & media',
  },
  {
    code: 9,
    zh_cn: '省级重大科研项目申报、立项、验收',
    en_us: 'Provincial research projects',
    short_zh: '省级科研项目',
    short_en: 'Research projects',
  },
  {
    code: 10,
    zh_cn: '其他有重大影响的活动',
    en_us: 'Other activities of major impact',
    short_zh: '其他重大活动',
    short_en: 'Other',
  },
];

/** Narrows form values and stored numbers to a category code (an integer 1–10). */
export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === 'number' && (CATEGORY_CODES as readonly number[]).includes(value);
}

/** The category with this code; codes are a closed set, so this never misses. */
export function categoryOf(code: CategoryCode): Category {
  return CATEGORIES[code - 1]!;
}

/** The category's name in `lang`; `short` gives the button/list label. */
export function categoryLabel(
  code: CategoryCode,
  lang: Lang,
  length: 'full' | 'short' = 'full',
): string {
  const c = categoryOf(code);
  if (length === 'short') return lang === 'zh_cn' ? c.short_zh : c.short_en;
  return c[lang];
}

export type MaterialKind = 'document' | 'photo' | 'audio' | 'video' | 'link' | 'physical';

/** One kind of material a category normally produces. `key` is stable (stored on materials). */
export interface ChecklistItem {
  key: string;
  zh_cn: string;
  en_us: string;
  kind: MaterialKind;
  /** Normally expected for a complete handover; optional items carry "若有 / if any". */
  required: boolean;
}

const item = (
  key: string,
  kind: MaterialKind,
  required: boolean,
  zh_cn: string,
  en_us: string,
): ChecklistItem => ({ key, zh_cn, en_us, kind, required });

const doc = (key: string, zh_cn: string, en_us: string) =>
  item(key, 'document', true, zh_cn, en_us);
const optDoc = (key: string, zh_cn: string, en_us: string) =>
  item(key, 'document', false, zh_cn, en_us);
/** Physical items are registered when they exist (第六条3), never assumed. */
const physical = (key: string, zh_cn: string, en_us: string) =>
  item(key, 'physical', false, zh_cn, en_us);

// Items several categories share; photos and recordings need time, place, people, event (第七条2).
const photos = (required = true) => item('photos', 'photo', required, '活动照片', 'Photos');
const video = (required = false) => item('video', 'video', required, '活动录像', 'Video');
const audio = item('audio', 'audio', false, '讲话录音（若有）', 'Audio recordings (if any)');
const press = (required = true) =>
  item(
    'press_reports',
    'document',
    required,
    '新闻报道、宣传稿',
    'News reports and press releases',
  );
const eventPlan = doc('event_plan', '活动方案', 'Event plan');
const speeches = doc('speeches', '领导讲话稿', 'Leaders’ speeches');

const leaderVisit = (videoRequired: boolean): readonly ChecklistItem[] => [
  doc('reception_plan', '接待方案', 'Reception plan'),
  doc('schedule', '日程安排', 'Schedule'),
  doc('leader_remarks', '领导讲话、指示（记录稿）', 'Leaders’ remarks and instructions'),
  doc('briefing', '汇报材料', 'Briefing materials'),
  press(),
  photos(),
  video(videoRequired),
  audio,
  physical('inscription', '题词（若有）', 'Inscriptions (if any)'),
  physical('gifts', '纪念品、赠品（若有）', 'Gifts and souvenirs (if any)'),
];

const CHECKLISTS: Record<CategoryCode, readonly ChecklistItem[]> = {
  1: leaderVisit(true),
  2: leaderVisit(false),
  3: [
    doc('invitation', '邀请函或活动通知', 'Invitation or notice'),
    optDoc('approval', '出访（出席）审批材料', 'Travel or attendance approval'),
    optDoc('schedule', '日程安排', 'Schedule'),
    doc('speeches', '讲话稿、发言材料', 'Speeches and statements'),
    optDoc('agreements', '签署的协议、备忘录（若有）', 'Signed agreements (if any)'),
    press(false),
    photos(),
    video(),
    physical('gifts', '礼品、证书等实物（若有）', 'Gifts, certificates (if any)'),
  ],
  4: [
    doc('meeting_notice', '会议通知', 'Meeting notice'),
    eventPlan,
    doc('agenda', '会议议程', 'Agenda'),
    doc('attendee_list', '参会名单', 'List of participants'),
    speeches,
    doc('minutes', '会议纪要', 'Minutes'),
    optDoc('proceedings', '会议材料汇编', 'Meeting papers'),
    press(),
    photos(),
    item('audio', 'audio', false, '会议录音', 'Audio recording'),
    video(),
    physical('emblem_badges', '会标、证件等实物', 'Banner, badges and other items'),
  ],
  5: [
    eventPlan,
    optDoc('program', '议程或节目单', 'Programme'),
    speeches,
    optDoc('guest_list', '嘉宾名单', 'Guest list'),
    press(),
    photos(),
    video(),
    physical('memorabilia', '纪念册、纪念品、活动标志', 'Albums, souvenirs, emblems'),
  ],
  6: [
    doc('ceremony_plan', '典礼方案', 'Ceremony plan'),
    optDoc('project_approval', '工程立项或批复文件', 'Project approval'),
    speeches,
    press(),
    photos(),
    video(),
    physical('foundation_stone', '奠基石、纪念品（拍照登记）', 'Foundation stone, souvenirs'),
  ],
  7: [
    doc('application', '申报书', 'Application'),
    optDoc('supporting_docs', '申报佐证材料', 'Supporting documents'),
    doc('approval', '批复文件', 'Approval'),
    optDoc('competition_docs', '比赛方案、成绩与获奖名单（技能大赛）', 'Competition plan, results'),
    photos(false),
    physical('certificate_plaque', '证书、牌匾实物', 'Certificate or plaque'),
  ],
  8: [
    doc('situation_report', '情况报告或工作总结', 'Situation report or summary'),
    optDoc('handling_record', '处置记录', 'Handling record'),
    optDoc('work_plan', '专项工作方案', 'Special work plan'),
    item('media_links', 'link', false, '媒体报道链接', 'Links to media reports'),
    optDoc('media_capture', '报道网页截图或存档', 'Captured copies of reports'),
    photos(false),
    video(),
  ],
  9: [
    doc('application', '申报书', 'Application'),
    optDoc('approval_notice', '立项通知（立项后）', 'Approval notice (once approved)'),
    optDoc('task_contract', '任务书或合同', 'Task book or contract'),
    optDoc('acceptance', '结题、验收材料（验收时）', 'Completion and acceptance (at the end)'),
    optDoc('outcomes', '研究成果（论文、专利、报告）', 'Outcomes: papers, patents, reports'),
    physical('certificate', '结题或验收证书', 'Completion certificate'),
  ],
  10: [
    eventPlan,
    optDoc('key_documents', '讲话、纪要等主要文件', 'Speeches, minutes, key documents'),
    press(false),
    optDoc('summary', '活动总结', 'Summary report'),
    photos(),
    video(),
    physical('physical_items', '实物（若有）', 'Physical items (if any)'),
  ],
};

/** The materials a category normally needs, in transfer-list order: documents and links, then photos and recordings, then
 * physical items. Keys are unique within a category. */
export function materialChecklist(category: CategoryCode): readonly ChecklistItem[] {
  return CHECKLISTS[category];
}
