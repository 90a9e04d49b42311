import { mp4Head, sampleJpeg, samplePdf } from '../../src/simulator/sample-media';
import type { ScenarioContext } from './demo-scenario';

/**
 * Materials intake in the demo: 张老师 drops three photos (one too small for the archival
 * standard), a speech as PDF and a short video into the bound group; once she pauses, the bot
 * answers the batch with one card. She then sends one photo again and is told it is already there.
 */
export async function demoMaterialsIntake(
  { stack, transcript, clock, events }: ScenarioContext,
  chatId = 'oc_anniv',
): Promise<void> {
  const photo = (label: string, width = 4000, height = 3000) =>
    sampleJpeg({ width, height, takenAt: '2026:03:06 09:30:00', offset: '+08:00', label });
  const drops = [
    { id: 'om_demo_p1', type: 'image', key: 'img_demo_p1', bytes: photo('opening') },
    { id: 'om_demo_p2', type: 'image', key: 'img_demo_p2', bytes: photo('ribbon') },
    { id: 'om_demo_p3', type: 'image', key: 'img_demo_p3', bytes: photo('phone', 1280, 720) },
    {
      id: 'om_demo_doc',
      type: 'file',
      key: 'file_demo_doc',
      name: '校长讲话稿.pdf',
      bytes: samplePdf('Speech at the 60th anniversary ceremony'),
    },
  ] as const;
  const send = (messageId: string, messageType: string, content: object) =>
    stack.sendEvent(
      events.messageReceived(
        { messageId, chatId, chatType: 'group', senderOpenId: 'ou_zhang', messageType, content },
        stack.ids,
      ),
    );
  for (const d of drops) stack.sim.putResource(d.id, d.key, { bytes: d.bytes });
  const videoSize = 6 * 1024 * 1024;
  stack.sim.putResource('om_demo_video', 'file_demo_video', {
    size: videoSize,
    head: mp4Head(videoSize),
  });

  await transcript.step(
    '张老师',
    'drops three photos, the speech (PDF) and a 6 MB video into the group, without @mentioning the bot',
    async () => {
      for (const d of drops) {
        await send(
          d.id,
          d.type,
          d.type === 'image' ? { image_key: d.key } : { file_key: d.key, file_name: d.name },
        );
      }
      return send('om_demo_video', 'media', {
        file_key: 'file_demo_video',
        image_key: 'img_demo_cover',
        file_name: '剪彩.mp4',
        duration: 12000,
      });
    },
  );
  await transcript.step(
    'the clock',
    'moves 21 s on: 张老师 has paused, so the batch is complete and answered with one card',
    () => {
      clock.advance(21_000);
      return Promise.resolve();
    },
  );
  stack.sim.putResource('om_demo_again', 'img_demo_again', { bytes: drops[0].bytes });
  await transcript.step('张老师', 'sends the first photo once more', () =>
    send('om_demo_again', 'image', { image_key: 'img_demo_again' }),
  );
  await transcript.step('the clock', 'moves 21 s on', () => {
    clock.advance(21_000);
    return Promise.resolve();
  });
}
