// Storage, offline use and untrusted input: what the page says when the browser's database cannot be used, is
// full, is upgraded by another tab; the storage line of the data menu; a new version; broken share links; a file
// too wide to list. zh-CN first; English for every key (a type holds them equal).
import type { Message } from './types';

export const robustnessZh = {
  'robust.moreColumns': '另有 {n} 列没有逐一列出,其中 {unknown} 列无法识别:可以点“全部跳过”一次跳过,或修正文件的表头后重新导入。',

  'robust.memory.title': '本地数据库不可用:数据不会保存',
  'robust.memory.body': '{reason}。看板照常使用,示例数据和本次导入的数据只在这个页面里,关闭或刷新后就会丢失;要留下数据,请用“数据”菜单中的“导出备份”。',
  'robust.reason.missing': '这个浏览器没有提供 IndexedDB',
  'robust.reason.denied': '浏览器的设置或隐私模式不允许本页使用 IndexedDB',
  'robust.reason.newer': '本机数据由本看板的较新版本保存,这个版本无法打开:请刷新页面以载入新版本',
  'robust.reason.timeout': '本地数据库 {seconds} 秒没有响应',
  'robust.reason.failed': '打开本地数据库失败({message})',
  'robust.memory.status': '本地数据库不可用,数据只在本页中,不会保存。',

  'robust.store.blocked': '另一个标签页中的旧版本看板还在使用本地数据库,升级要等它关闭:请关闭或刷新其他打开本看板的标签页,这里会自动继续。',
  'robust.store.versionChange': '本看板的新版本已在另一个标签页中打开,需要升级本地数据库:请刷新本页。刷新之前,本页的修改无法保存。',
  'robust.store.quota': '浏览器的存储空间已满:这次没有写入任何数据,已保存的数据保持原样。请释放磁盘空间,或删除不需要的机构或年报(可先导出备份),然后再试。',
  'robust.store.closed': '本地数据库已经关闭(另一个标签页升级了它,或浏览器清除了网站数据):请刷新页面后再试,这次没有写入任何数据。',
  'robust.store.failed': '操作失败,已保存的数据保持原样:{message}',

  'robust.storage.head': '存储空间',
  'robust.storage.usage': '已用 {used} / 可用 {quota}',
  'robust.storage.persisted': '浏览器不会自动清除',
  'robust.storage.notPersisted': '空间不足时浏览器可能清除这些数据,请定期导出备份',
  'robust.storage.notAsked': '首次导入后会请求浏览器长期保存',
  'robust.storage.unknown': '无法得知存储用量',
  'robust.storage.memory': '数据只在本页中,关闭后丢失',

  'robust.update.ready': '新版本可用,',
  'robust.update.reload': '刷新',

  'robust.share.tooLong': '链接中的图表快照过长({n} 个字符,上限 {max}),不是本看板生成的链接,没有读取。已打开本机数据。',
  'robust.share.encoding': '链接中的图表快照含有链接不该有的字符,可能在复制时被改动:请向对方重新索取链接。已打开本机数据。',
  'robust.share.compression': '链接中的图表快照不完整,无法解压(链接可能被截断了):请向对方重新索取完整的链接。已打开本机数据。',
  'robust.share.tooLarge': '链接中的图表快照解压后超过 {max} 字节,不是本看板生成的链接,没有读取。已打开本机数据。',
  'robust.share.json': '链接中的图表快照解压后不是有效的数据:请向对方重新索取链接。已打开本机数据。',
  'robust.share.version': '这个链接中的图表快照是第 {found} 版格式,本看板只能读第 {known} 版:请用更新的看板打开,或请对方导出 PNG/CSV。已打开本机数据。',
  'robust.share.schema': '链接中的图表快照数据不符合规定({detail}),可能被改动过,没有显示。已打开本机数据。',
} satisfies Record<string, string>;

export const robustnessEn: Record<keyof typeof robustnessZh, Message> = {
  'robust.moreColumns': {
    one: '{n} more column is not listed one by one ({unknown} of them not recognised): “Skip all” skips them at once, or fix the file’s header and import again.',
    other: '{n} more columns are not listed one by one ({unknown} of them not recognised): “Skip all” skips them at once, or fix the file’s header and import again.',
  },

  'robust.memory.title': 'The browser’s database is unavailable: nothing will be kept',
  'robust.memory.body': '{reason}. The dashboard works as usual, but the sample and whatever you import live in this page only and are lost when it is closed or reloaded; to keep data, use “Export backup” in the Data menu.',
  'robust.reason.missing': 'This browser provides no IndexedDB',
  'robust.reason.denied': 'The browser’s settings or private mode do not let this page use IndexedDB',
  'robust.reason.newer': 'The data here was saved by a newer version of this dashboard, which this version cannot open: reload the page to get the new version',
  'robust.reason.timeout': 'The browser’s database did not answer for {seconds} seconds',
  'robust.reason.failed': 'The browser’s database could not be opened ({message})',
  'robust.memory.status': 'The browser’s database is unavailable: data lives in this page only and will not be kept.',

  'robust.store.blocked': 'An older version of the dashboard in another tab still holds the browser’s database, and the upgrade must wait for it: close or reload the other tabs of this dashboard; this one goes on by itself.',
  'robust.store.versionChange': 'A new version of the dashboard was opened in another tab and upgrades the browser’s database: reload this page. Until then, changes made here cannot be saved.',
  'robust.store.quota': 'The browser’s storage is full: nothing was written this time and the stored data is as it was. Free disk space, or delete organs or reports you no longer need (export a backup first), then try again.',
  'robust.store.closed': 'The browser’s database was closed (another tab upgraded it, or the site’s data was cleared): reload the page and try again; nothing was written this time.',
  'robust.store.failed': 'That did not work, and the stored data is as it was: {message}',

  'robust.storage.head': 'Storage',
  'robust.storage.usage': '{used} used / {quota} available',
  'robust.storage.persisted': 'the browser will not clear it by itself',
  'robust.storage.notPersisted': 'the browser may clear it when space runs low: export a backup now and then',
  'robust.storage.notAsked': 'lasting storage is requested after the first import',
  'robust.storage.unknown': 'storage use is not known',
  'robust.storage.memory': 'data lives in this page only and is lost when it closes',

  'robust.update.ready': 'A new version is available, ',
  'robust.update.reload': 'reload',

  'robust.share.tooLong': 'The chart snapshot in this link is too long ({n} characters, at most {max}): it was not made by this dashboard and was not read. Your own data is open.',
  'robust.share.encoding': 'The chart snapshot in this link holds characters a link cannot have; it may have been changed while copying: ask for the link again. Your own data is open.',
  'robust.share.compression': 'The chart snapshot in this link is incomplete and cannot be decompressed (the link may have been cut): ask for the whole link again. Your own data is open.',
  'robust.share.tooLarge': 'The chart snapshot in this link decompresses to more than {max} bytes: it was not made by this dashboard and was not read. Your own data is open.',
  'robust.share.json': 'The chart snapshot in this link is no valid data once decompressed: ask for the link again. Your own data is open.',
  'robust.share.version': 'The chart snapshot in this link is in format version {found}; this dashboard reads version {known}: open it with a newer dashboard, or ask for a PNG/CSV export. Your own data is open.',
  'robust.share.schema': 'The chart snapshot in this link breaks the rules of its format ({detail}); it may have been altered and is not shown. Your own data is open.',
};
