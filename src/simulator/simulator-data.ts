import { createHash, randomBytes } from 'node:crypto';
import { currentContent } from './messages-common';
import { generatedResourceSha256 } from './resource-bytes';
import { resourceSha256 } from './resource-stream';
import type { SimContacts } from './contacts';
import { SimState } from './state';
import type {
  CardUpdate,
  MergeForwardChild,
  ResourceSpec,
  SentMessage,
  SimChat,
  SimulatorOptions,
  UploadedFile,
} from './types';

/** Seeding and inspection API of the simulator (no HTTP here; see `FeishuSimulator`). */
export class SimulatorData {
  /** The raw state, for assertions the helpers below do not cover. */
  readonly state: SimState;

  constructor(options: SimulatorOptions = {}) {
    this.state = new SimState(options);
  }

  get appId(): string {
    return this.state.identity.appId;
  }
  get appSecret(): string {
    return this.state.identity.appSecret;
  }
  get botOpenId(): string {
    return this.state.identity.botOpenId;
  }

  /** Pins the clock used for create_time, the uuid windows and the 14-day PATCH window. */
  setNow(date: Date | string | number): void {
    this.state.setNow(date);
  }
  /** Moves the (pinned) clock forward. */
  advance(ms: number): void {
    this.state.advance(ms);
  }
  now(): Date {
    return this.state.now();
  }

  /** Makes GET contact/v3/users/:openId answer with this name (and chat member lists show it). */
  addUser(openId: string, name: string): void {
    this.state.users.set(openId, name);
  }

  /**
   * Seeds the address book contact/v3 serves (departments, users); their names also answer GET
   * contact/v3/users/:openId and chat member lists.
   */
  setContacts(contacts: SimContacts): void {
    this.state.contacts = contacts;
    for (const u of contacts.users) this.state.users.set(u.openId, u.name);
  }

  /** The app loses a scope (contact reads that need it answer 99991672 naming it). */
  revokeScope(scope: string): void {
    this.state.grantedScopes.delete(scope);
  }

  grantScope(scope: string): void {
    this.state.grantedScopes.add(scope);
  }

  /** Seeds a group the bot is in (e.g. before delivering a bot-added event). Returns its id. */
  addChat(chat: { chatId?: string; name?: string; members?: string[]; ownerId?: string }): string {
    const chatId = chat.chatId ?? `oc_sim_${this.state.next('chat')}`;
    this.state.chats.set(chatId, {
      chatId,
      name: chat.name ?? '',
      description: '',
      ownerId: chat.ownerId ?? chat.members?.[0] ?? this.botOpenId,
      chatMode: 'group',
      chatType: 'private',
      members: [...(chat.members ?? [])],
      bots: [this.appId],
    });
    return chatId;
  }

  chat(chatId: string): SimChat | undefined {
    return this.state.chats.get(chatId);
  }

  /** Seeds a message a user sent, so GET message and replies know its chat. Returns its id. */
  addMessage(m: MergeForwardChild & { chatId: string; parentId?: string }): string {
    const messageId = m.messageId ?? `om_${randomBytes(8).toString('hex')}`;
    this.state.others.set(messageId, {
      messageId,
      chatId: m.chatId,
      msgType: m.msgType,
      content: m.content,
      senderId: m.senderOpenId ?? 'ou_user',
      senderType: 'user',
      createTime: m.createTime ?? this.now(),
      parentId: m.parentId,
    });
    return messageId;
  }

  /**
   * Remembers the message of an `im.message.receive_v1` envelope (as the platform would have it),
   * so GET message and replies to it resolve its chat. Other envelopes are ignored.
   */
  rememberEvent(envelope: unknown): void {
    const env = envelope as {
      header?: { event_type?: string };
      event?: { sender?: { sender_id?: { open_id?: string } }; message?: Record<string, string> };
    };
    const m = env.event?.message;
    if (env.header?.event_type !== 'im.message.receive_v1' || !m?.message_id || !m.chat_id) return;
    this.addMessage({
      messageId: m.message_id,
      chatId: m.chat_id,
      msgType: m.message_type ?? 'text',
      content: JSON.parse(m.content ?? '{}') as unknown,
      senderOpenId: env.event?.sender?.sender_id?.open_id,
      createTime: m.create_time ? new Date(Number(m.create_time)) : undefined,
      parentId: m.parent_id,
    });
  }

  /**
   * Registers a merge_forward message and its children: GET message on it then returns the parent
   * followed by the children, each with `upper_message_id`. Returns the children's ids.
   */
  addMergeForward(
    messageId: string,
    children: MergeForwardChild[],
    chatId = 'oc_unknown',
  ): string[] {
    const parent = this.state.others.get(messageId);
    if (!parent) {
      this.addMessage({
        messageId,
        chatId,
        msgType: 'merge_forward',
        content: { content: 'Merged and Forwarded Message' },
      });
    }
    const ids = children.map((child) => {
      const id = this.addMessage({ ...child, chatId: child.chatId ?? parent?.chatId ?? chatId });
      const stored = this.state.others.get(id);
      if (stored) stored.upperMessageId = messageId;
      return id;
    });
    this.state.mergeChildren.set(messageId, ids);
    return ids;
  }

  /** Makes `GET …/messages/:messageId/resources/:fileKey` serve these bytes (or `size` generated ones). */
  putResource(messageId: string, fileKey: string, spec: ResourceSpec): void {
    this.state.resources.set(SimState.resourceKey(messageId, fileKey), spec);
  }

  /** Hex SHA-256 of what the resource download serves. */
  async expectedSha256(messageId: string, fileKey: string): Promise<string> {
    const spec = this.state.resources.get(SimState.resourceKey(messageId, fileKey));
    if (!spec) throw new Error(`no resource ${messageId}/${fileKey}`);
    if (spec.bytes) return createHash('sha256').update(spec.bytes).digest('hex');
    if (spec.head) return resourceSha256(messageId, fileKey, spec);
    return generatedResourceSha256(messageId, fileKey, spec.size ?? 0);
  }

  /** Bot-sent messages (create and reply), in order. */
  sentMessages(): SentMessage[] {
    return [...this.state.sent];
  }

  /** Interactive messages sent to a receive id, a chat, or as replies to a message id. */
  cardsTo(idOrChat: string): SentMessage[] {
    return this.state.sent.filter(
      (m) =>
        m.msgType === 'interactive' &&
        (m.receiveId === idOrChat || m.chatId === idOrChat || m.replyTo === idOrChat),
    );
  }

  /** The most recent interactive message the bot sent, if any. */
  lastCard(): SentMessage | undefined {
    return [...this.state.sent].reverse().find((m) => m.msgType === 'interactive');
  }

  /** What a sent message shows now (its last PATCH / bound delayed update, else the original). */
  currentContent(messageId: string): unknown {
    const m = this.state.sentById.get(messageId);
    return m ? currentContent(m) : undefined;
  }

  uploadedFiles(): UploadedFile[] {
    return [...this.state.uploads];
  }

  /** A `c-…` callback token bound to a sent card: delayed updates with it land on that card. */
  issueCardToken(messageId: string): string {
    const token = `c-sim-${this.state.next('card-token')}`;
    this.state.cardTokens.set(token, { messageId, issuedAt: this.now().getTime(), uses: 0 });
    return token;
  }

  cardUpdates(): CardUpdate[] {
    return [...this.state.cardUpdates];
  }

  /** Invalidates every issued tenant token (next API calls get 401 code 99991663). */
  revokeTokens(): void {
    this.state.tokens.clear();
  }
}
