import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { KIND_LABELS, type TransferListData } from '../../domain/transfer-list';

/** The header block of a transfer list (移交清册). */
export interface ListHeader {
  unitName: string;
  roomName: string;
  activityCode: string;
  activityTitle: string;
  categoryLabel: string;
  /** `YYYY-MM-DD` in the business time zone. */
  handoverDate: string;
  handedOverBy: string;
  version: number;
  /** Set on the list regenerated at acceptance. */
  accepted?: { at: string; by: string; retention: string };
}

export const LIST_SHEET = '移交清册';
export const PHOTO_SHEET = '照片';
export const PHYSICAL_SHEET = '实物';

/** Columns of the main sheet: DA/T 22-2015's archive list, then kind, count, file, size, digest. */
export const LIST_COLUMNS = [
  '序号',
  '档号',
  '文号',
  '责任者',
  '题名',
  '日期',
  '密级',
  '页数',
  '备注',
  '类别',
  '数量',
  '文件名',
  '大小（字节）',
  'SHA-256',
] as const;

export const PHOTO_COLUMNS = [
  '序号',
  '档号',
  '组号',
  '照片号',
  '题名',
  '时间',
  '地点',
  '人物',
  '背景',
  '摄影者',
] as const;

export const PHYSICAL_COLUMNS = [
  '序号',
  '档号',
  '名称',
  '类型',
  '数量',
  '说明',
  '存放位置',
  '原件接收',
] as const;

const WIDTHS = [6, 26, 14, 14, 36, 10, 6, 6, 24, 8, 6, 28, 12, 66];

const bold = { font: { bold: true } };

/**
 * Writes the transfer list as XLSX with exceljs's streaming writer (rows are committed as they go;
 * the workbook is never held whole): the main sheet with its header block and one row per item, the
 * photo sheet and the physical-items sheet. Ends `sink`.
 */
export async function writeTransferListXlsx(
  list: TransferListData,
  header: ListHeader,
  sink: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '活动归档助手';
  const main = wb.addWorksheet(LIST_SHEET);
  main.columns = WIDTHS.map((width) => ({ width }));
  const title = main.addRow([`重大活动档案移交清册（第 ${header.version} 版）`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const pairs: [string, string | number][] = [
    ['移交单位', header.unitName],
    ['接收单位', header.roomName],
    ['活动编号', header.activityCode],
    ['活动名称', header.activityTitle],
    ['活动类别', header.categoryLabel],
    ['移交日期', header.handoverDate],
    ['移交人', header.handedOverBy],
    ['总件数', list.totals.items],
    ['总页数', list.totals.pages],
    ['文件数', list.totals.files],
    ['总字节数', list.totals.bytes],
    ['清册摘要（SHA-256）', list.digest],
  ];
  if (header.accepted) {
    pairs.push(['保管期限', header.accepted.retention]);
    pairs.push(['验收时间', header.accepted.at]);
    pairs.push(['验收人', header.accepted.by]);
  }
  for (const [label, value] of pairs) {
    const row = main.addRow([label, value]);
    row.getCell(1).style = bold;
    row.commit();
  }
  main.addRow([]).commit();
  const head = main.addRow([...LIST_COLUMNS]);
  head.font = bold.font;
  head.commit();
  for (const r of list.rows) {
    main
      .addRow([
        r.seq,
        r.archiveNo,
        r.docNumber,
        r.author,
        r.title,
        r.date,
        r.secrecy,
        r.pages ?? '',
        r.note,
        KIND_LABELS[r.kind].zh_cn,
        r.count,
        r.fileName,
        r.size ?? '',
        r.sha256,
      ])
      .commit();
  }
  main.commit();

  const photos = wb.addWorksheet(PHOTO_SHEET);
  photos.columns = [6, 26, 8, 8, 30, 18, 20, 24, 30, 12].map((width) => ({ width }));
  const photoHead = photos.addRow([...PHOTO_COLUMNS]);
  photoHead.font = bold.font;
  photoHead.commit();
  for (const p of list.photos) {
    photos
      .addRow([
        p.seq,
        p.archiveNo,
        p.group,
        p.photoNo,
        p.title,
        p.time,
        p.place,
        p.people,
        p.background,
        p.photographer,
      ])
      .commit();
  }
  photos.commit();

  const physical = wb.addWorksheet(PHYSICAL_SHEET);
  physical.columns = [6, 26, 20, 12, 6, 30, 20, 18].map((width) => ({ width }));
  const physicalHead = physical.addRow([...PHYSICAL_COLUMNS]);
  physicalHead.font = bold.font;
  physicalHead.commit();
  for (const p of list.physical) {
    physical
      .addRow([
        p.seq,
        p.archiveNo,
        p.name,
        p.type,
        p.quantity,
        p.description,
        p.location,
        p.receivedAt || '待接收',
      ])
      .commit();
  }
  physical.commit();
  await wb.commit();
}
