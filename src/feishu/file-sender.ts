import type { DeliveryRepo } from '../db/delivery-repo';
import type { Clock } from '../lib/clock';
import type { FeishuApi } from './api';
import { sendUuid, type Target } from './messenger';

/** Feishu refuses uploads above 30 MB (im/v1/files). */
export const FILE_UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;

type FileType = 'xls' | 'pdf' | 'doc' | 'stream';

const fileTypeOf = (name: string): FileType => {
  if (/\.xlsx?$/i.test(name)) return 'xls';
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (/\.docx?$/i.test(name)) return 'doc';
  return 'stream';
};

/**
 * Sends a file into a chat: upload (im/v1/files) then a `file` message. Like the messenger's sends
 * it is keyed: the send uuid derives from `key` and the delivery is recorded, so a retried task
 * neither uploads nor posts twice. Returns the message id and the file key.
 */
export async function sendFile(
  deps: { api: FeishuApi; deliveries: DeliveryRepo; clock: Clock },
  target: Target,
  file: { name: string; bytes: Buffer },
  key: string,
): Promise<{ messageId: string; fileKey: string }> {
  const uuid = sendUuid(`file:${key}`);
  const known = await deps.deliveries.find(uuid);
  if (known) return { messageId: known.messageId, fileKey: '' };
  if (file.bytes.length > FILE_UPLOAD_LIMIT_BYTES) {
    throw new RangeError(`${file.name} is larger than Feishu's 30 MB upload limit`);
  }
  const uploaded = await deps.api.call('im.file.create', async (c) => {
    const r = await c.im.file.create({
      data: { file_type: fileTypeOf(file.name), file_name: file.name, file: file.bytes },
    });
    return { code: 0, fileKey: r?.file_key ?? '' };
  });
  if (!uploaded.fileKey) throw new Error(`upload of ${file.name} returned no file_key`);
  const receiveIdType = 'chatId' in target ? 'chat_id' : 'open_id';
  const receiveId = 'chatId' in target ? target.chatId : target.openId;
  const res = await deps.api.call(
    'im.message.create',
    (c) =>
      c.im.message.create({
        params: { receive_id_type: receiveIdType },
        data: {
          receive_id: receiveId,
          msg_type: 'file',
          content: JSON.stringify({ file_key: uploaded.fileKey }),
          uuid,
        },
      }),
    { recipient: receiveId },
  );
  const messageId = res.data?.message_id ?? '';
  await deps.deliveries.record(uuid, messageId, receiveId, deps.clock.now());
  return { messageId, fileKey: uploaded.fileKey };
}
