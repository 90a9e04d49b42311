import { backupKeeperConfirmCard } from '../../../cards/backup-keeper-confirm';
import { backupStatusCard } from '../../../cards/backup-status';
import { actions, buttons, en, expectValidCard, payload, zh } from './support';

const view = {
  bagId: 'sealed-disc-realtime-20260302T021100Z-ab12',
  kind: 'realtime',
  targetName: '封存光盘',
  role: 'sealed',
  media: 'optical',
  site: 'off-site',
  place: '市档案馆',
  files: 12,
  copied: 3,
  size: '4.20 MB',
  digest: 'f'.repeat(64),
  createdAt: '2026-03-02 10:11',
  keeperName: '王档案员',
  seal: { number: 'FC-sealed-disc-2026-0001', date: '2026-03-02', sealerName: '赵档案员' },
};

describe('backupKeeperConfirmCard', () => {
  it('shows the figures the keeper checks and one confirm button', () => {
    const card = backupKeeperConfirmCard(view);
    expect(card).toMatchSnapshot();
    expectValidCard(card);
    expect(zh(card)).toContain('**存储位置**：封存光盘（封存副本，光盘，异地 市档案馆）');
    expect(zh(card)).toContain('12 个文件（其中档案文件 3 个），4.20 MB');
    expect(zh(card)).toContain('封存号 FC-sealed-disc-2026-0001，2026-03-02，封存人 赵档案员');
    expect(en(card)).toContain('sealed copy, optical disc, off-site 市档案馆');
    expect(buttons(card).map(payload)).toEqual([
      { action: 'backup.keeper.confirm', bagId: view.bagId },
    ]);
    expect(card.header?.template).toBe('blue');
  });

  it('turns green without a button once confirmed', () => {
    const card = backupKeeperConfirmCard({
      ...view,
      confirmed: { byName: '王档案员', at: '2026-03-02 10:20' },
    });
    expectValidCard(card);
    expect(actions(card)).toEqual([]);
    expect(card.header?.template).toBe('green');
    expect(zh(card)).toContain('✅ 王档案员 已于 2026-03-02 10:20 确认登记。');
  });
});

describe('backupStatusCard', () => {
  it('lists entries waiting for their keeper and recent bags', () => {
    const card = backupStatusCard({
      configured: true,
      compliance: { offsite: true, differentMedia: false, compliant: false, use: 1, sealed: 1 },
      pending: [
        {
          bag: 'b1',
          kind: 'full',
          target: '封存光盘',
          keeperName: '王档案员',
          since: '2026-03-02 10:00',
        },
      ],
      recent: [
        {
          at: '2026-03-02 10:00',
          kind: 'full',
          target: '硬盘A',
          files: 9,
          size: '1.00 MB',
          fixityBad: true,
        },
      ],
      year: 2026,
    });
    expectValidCard(card);
    expect(card).toMatchSnapshot();
    expect(zh(card)).toContain('异地：是　异质：否　利用 1 份 / 封存 1 份');
    expect(zh(card)).toContain('**待保管人确认（1）**');
    expect(zh(card)).toContain(
      '· `b1`（定期完全备份，封存光盘）保管人 王档案员，2026-03-02 10:00起',
    );
    expect(en(card)).toContain(
      '· 2026-03-02 10:00 periodic full → 硬盘A: 9 files, 1.00 MB, ⚠️ failed its check',
    );
  });

  it('says when backups are not configured', () => {
    const card = backupStatusCard({ configured: false, pending: [], recent: [], year: 2026 });
    expectValidCard(card);
    expect(zh(card)).toContain('尚未配置备份目标');
  });
});
