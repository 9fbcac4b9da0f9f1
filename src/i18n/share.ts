// Share links and the shared view a recipient opens.
// zh-CN first; English for every key (a type holds them equal).
import type { Message } from './types';

export const shareZh = {
  'share.badVersion': '这个链接来自更新或更旧的版本,无法读取其中的视图;已打开默认视图。',
  'share.badLink': '链接中的视图参数无法识别;已打开默认视图。',
  'share.tampered': '链接中的图表快照已损坏或被改动,无法显示。已打开本机数据。',
  'share.opened': '正在查看共享的图表快照(生成于 {date})。',
  'share.imported': '已将快照存入本机:新增 {added} 份年报,{replaced} 份已有年报取了快照中不同的数值,{skipped} 份无变化(可撤销)。',
  'share.button': '分享链接',
  'share.link': '分享链接(含图表数据快照,对方无需本机数据即可查看)',
  'share.viewOnly': '仅视图链接(对方需有相同数据)',
  'share.copied': '已复制分享链接({n} 个字符)。',
  'share.ready': '分享链接已生成({n} 个字符),请从下方文本框复制。',
  'share.tooLong': '带数据快照的链接有 {n} 个字符,超过 {max};已改为提供仅视图链接和导出。',
  'share.failed': '无法生成分享链接:{message}',
  'share.tooLongHelp': '这张图的数据快照太大(链接 {n} 个字符,上限 {max})。可以分享仅视图链接(对方需有相同数据),或导出 PNG/CSV 发送。',
  'share.banner': '共享的图表快照',
  'share.bannerMade': '生成于 {date}',
  'share.import': '存入本机数据',
  'share.close': '返回本机数据',
  'share.only': '这个链接只带有上面这张图的数据;其他图表不在此快照中。要看自己的数据,请点“返回本机数据”。',
  'share.chartMissing': '快照中的图表无法在这个版本中显示。',
  'share.marksShortened': '为使链接不超过长度上限,⚠ 标记的说明已缩短。',
};

export const shareEn: Record<keyof typeof shareZh, Message> = {
  'share.badVersion': 'This link comes from another version of the dashboard; its view cannot be read. The default view is open.',
  'share.badLink': 'The view in this link could not be read; the default view is open.',
  'share.tampered': 'The chart snapshot in this link is damaged or was altered and cannot be shown. Your own data is open.',
  'share.opened': 'Viewing a shared chart snapshot (made {date}).',
  'share.imported': 'Snapshot stored: {added} reports added, {replaced} stored reports took the snapshot’s differing figures, {skipped} unchanged (can be undone).',
  'share.button': 'Share link',
  'share.link': 'Share link (carries a snapshot of the chart’s numbers: no data needed on the other side)',
  'share.viewOnly': 'View-only link (the recipient needs the same data)',
  'share.copied': 'Share link copied ({n} characters).',
  'share.ready': 'Share link ready ({n} characters); copy it from the box below.',
  'share.tooLong': 'A link with the data snapshot would have {n} characters, over {max}: offering the view-only link and exports instead.',
  'share.failed': 'The share link could not be made: {message}',
  'share.tooLongHelp': 'This chart’s data snapshot is too large (link of {n} characters, limit {max}). Share the view-only link (the recipient needs the same data) or export PNG/CSV.',
  'share.banner': 'Shared chart snapshot',
  'share.bannerMade': 'Made {date}',
  'share.import': 'Store in my data',
  'share.close': 'Back to my data',
  'share.only': 'This link carries the numbers of the chart above only; other charts are not in this snapshot. To see your own data, choose “Back to my data”.',
  'share.chartMissing': 'The chart in this snapshot cannot be shown by this version.',
  'share.marksShortened': 'The ⚠ notes were shortened to keep the link within its length limit.',
};
