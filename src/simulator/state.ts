import { DEFAULT_GRANTED_SCOPES, type SimContacts } from './contacts';
import type {
  CardUpdate,
  ResourceSpec,
  SentMessage,
  SimChat,
  SimulatorOptions,
  StoredMessage,
  UploadedFile,
} from './types';

/** Resolved simulator identity (defaults filled in). */
export type SimIdentity = Required<SimulatorOptions>;

/** Default identity: app id in the `cli_` + 16 hex format the SDK's WSClient insists on. */
export const DEFAULT_IDENTITY: SimIdentity = {
  appId: 'cli_0123456789abcdef',
  appSecret: 'sim-app-secret',
  botOpenId: 'ou_bot',
  botName: '活动归档助手',
  tenantKey: 'tnt_college',
};

/** Everything the fake platform remembers. Plain data + a clock; the routes hold the rules. */
export class SimState {
  readonly identity: SimIdentity;
  private fixedNow: Date | undefined;
  private readonly counters = new Map<string, number>();

  readonly tokens = new Set<string>();
  /** Bot-sent messages in send order, and the same indexed by id. */
  readonly sent: SentMessage[] = [];
  readonly sentById = new Map<string, SentMessage>();
  /** Messages from users (seeded by tests) and merge-forward children. */
  readonly others = new Map<string, StoredMessage>();
  readonly mergeChildren = new Map<string, string[]>();
  /** uuid → message id, with when it was first used (1 h window). */
  readonly messageUuids = new Map<string, { messageId: string; at: number }>();
  readonly chats = new Map<string, SimChat>();
  readonly chatUuids = new Map<string, { chatId: string; at: number }>();
  readonly users = new Map<string, string>();
  readonly resources = new Map<string, ResourceSpec>();
  readonly uploads: UploadedFile[] = [];
  readonly cardTokens = new Map<string, { messageId?: string; issuedAt: number; uses: number }>();
  readonly cardUpdates: CardUpdate[] = [];
  /** The address book served by contact/v3 (empty until a test seeds one, e.g. `sampleCollege()`). */
  contacts: SimContacts = { departments: [], users: [] };
  /** Scopes the app holds; contact reads answer 99991672 without theirs. */
  readonly grantedScopes = new Set<string>(DEFAULT_GRANTED_SCOPES);
  /** Web sign-in: authorization codes not yet exchanged, and user access tokens issued. */
  readonly oauthCodes = new Map<
    string,
    {
      openId: string;
      clientId: string;
      redirectUri: string;
      codeChallenge?: string;
      issuedAt: number;
    }
  >();
  readonly userTokens = new Map<string, { openId: string; expiresAt: number }>();

  constructor(options: SimulatorOptions = {}) {
    this.identity = { ...DEFAULT_IDENTITY, ...options };
  }

  /** The simulator's notion of "now" (real time unless pinned with `setNow`). */
  now(): Date {
    return this.fixedNow ? new Date(this.fixedNow) : new Date();
  }

  setNow(date: Date | string | number | undefined): void {
    this.fixedNow = date === undefined ? undefined : new Date(date);
  }

  advance(ms: number): void {
    this.fixedNow = new Date(this.now().getTime() + ms);
  }

  /** Next value of a named counter, starting at 1. */
  next(counter: string): number {
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    return n;
  }

  /** Key of a `(messageId, fileKey)` resource. */
  static resourceKey(messageId: string, fileKey: string): string {
    return `${messageId}\0${fileKey}`;
  }

  /** The deterministic p2p chat id between the bot and a user. */
  static p2pChatId(receiveId: string): string {
    return `oc_p2p_${receiveId.replace(/^(ou_|on_)/, '').replace(/[^\w]/g, '_')}`;
  }
}
