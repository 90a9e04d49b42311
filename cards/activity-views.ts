import type { I18nText } from '../src/i18n/t';

/**
 * View models of the activity cards. Services fill them (dates already formatted in the business
 * time zone, names resolved); builders only lay them out.
 */

export interface Option {
  value: string;
  label: I18nText;
}

/** Values to prefill (after a failed submit the form comes back with what the person typed). */
export interface RegistrationValues {
  title?: string;
  category?: string;
  unit?: string;
  co_units?: string[];
  /** `YYYY-MM-DD HH:mm` in the business time zone. */
  start_at?: string;
  end_at?: string;
  location?: string;
  summary?: string;
  contact?: string;
}

export interface RegistrationFormView {
  /** Stable id of this form instance; the submit button carries it so a double submit creates one activity. */
  draftId: string;
  units: Option[];
  categories: Option[];
  /** Candidate contacts (open_ids; Feishu shows names). Empty ⇒ members of the chat. */
  contactCandidates: string[];
  values: RegistrationValues;
  /** Per-field errors, shown next to the field. */
  errors?: Partial<Record<keyof RegistrationValues, I18nText>>;
  /** Whether the chat is a group (then "bind this group" is offered after submit). */
  chatType: 'p2p' | 'group';
}

export interface ChecklistLine {
  label: I18nText;
  done: boolean;
  required: boolean;
}

export type ActivityButton =
  | 'bind_chat'
  | 'create_chat'
  | 'status'
  | 'edit'
  | 'cancel'
  | 'restore'
  | 'request_extension'
  | 'submit_handover';

export interface ActivitySummaryView {
  activityId: string;
  code: string;
  title: string;
  category: I18nText;
  unit: string;
  coUnits: string[];
  /** `YYYY-MM-DD HH:mm` */
  startAt: string;
  endAt: string;
  location?: string;
  contactName: string;
  state: I18nText;
  /** `YYYY-MM-DD` */
  deadline: string;
  /** e.g. "还剩 12 天" / "12 days left", "今天到期", "已逾期 3 天". */
  deadlineNote: I18nText;
  /** red when overdue, orange when due soon or today, else green/blue. */
  deadlineTone: 'ok' | 'soon' | 'overdue' | 'done';
}

export interface ActivityConfirmationView extends ActivitySummaryView {
  checklist: ChecklistLine[];
  /** Buttons to show, in order (the service decides which the viewer may use). */
  buttons: ActivityButton[];
  /** Set when the group this card sits in is bound to the activity. */
  boundChatName?: string;
}

export interface MaterialCountsView {
  documents: number;
  photos: number;
  audio: number;
  video: number;
  links: number;
  physical: number;
  undescribed: number;
}

export interface AuditLine {
  /** `MM-DD HH:mm` */
  at: string;
  actorName: string;
  text: I18nText;
}

export interface ActivityStatusView extends ActivitySummaryView {
  materials: MaterialCountsView;
  checklist: ChecklistLine[];
  extension: I18nText;
  handover: I18nText;
  cancelReason?: string;
  recentChanges: AuditLine[];
  buttons: ActivityButton[];
}

export interface ActivityListItem {
  activityId: string;
  code: string;
  title: string;
  unit: string;
  state: I18nText;
  deadline: string;
  deadlineNote: I18nText;
  deadlineTone: ActivitySummaryView['deadlineTone'];
}

export interface ActivityListFilters {
  state?: string;
  category?: string;
  unit?: string;
  year?: string;
  overdue?: boolean;
  q?: string;
}

export interface ActivityListView {
  scope: 'mine' | 'all';
  items: ActivityListItem[];
  page: number;
  pageCount: number;
  total: number;
  /** Only for scope 'all' (archivists): the filter form with these options and current values. */
  filters?: ActivityListFilters;
  filterOptions?: { states: Option[]; categories: Option[]; units: Option[]; years: Option[] };
}

export interface RebindConfirmView {
  activityId: string;
  code: string;
  title: string;
  currentCode: string;
  currentTitle: string;
}

export interface EditFormView {
  activityId: string;
  code: string;
  categories: Option[];
  values: Pick<
    RegistrationValues,
    'title' | 'category' | 'start_at' | 'end_at' | 'location' | 'summary'
  >;
  errors?: Partial<
    Record<'title' | 'category' | 'start_at' | 'end_at' | 'location' | 'summary', I18nText>
  >;
}

export interface CancelFormView {
  activityId: string;
  code: string;
  title: string;
  error?: I18nText;
}
