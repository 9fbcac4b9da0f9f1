// Traditional → simplified characters, one to one, for the words reports use: mirror sites republish reports in
// traditional characters ("政府信息公開", "行政復議"), and labels must still be found. A character map, not a
// dictionary: ambiguous one-to-many cases of general text do not occur in these labels and counts.

const PAIRS =
  '開开資资訊讯務务條条國国處处請请結结計计數数發发總总規规範范權权關关機机業业構构會会組组織织與与議议訴诉訟讼審审維维糾纠復复據据護护險险穩稳內内過过執执詢询項项現现補补確确訪访舉举報报類类複复無无當当購购額额費费許许罰罚強强製制廢废證证經经濟济體体況况區区縣县鎮镇鄉乡門门網网號号屬属於于傳传應应實实這这個个見见圍围歸归辦办轉转銷销錄录員员頁页並并為为來来對对時时間间點点擊击聽听讀读語语檔档將将進进達达選选優优壓压歷历曆历後后裡里續续準准備备認认識识讓让說说標标劃划擴扩統统題题紀纪級级廣广東东陽阳嶺岭貴贵陝陕貼贴欄栏頭头餘余萬万億亿價价錢钱種种積积極极紹绍態态動动導导專专華华書书記记順顺幾几戶户馬马齊齐爲为眾众衆众參参獲获責责決决庫库檢检監监調调協协設设訂订錯错誤误問问聯联繫系係系產产圖图電电話话郵邮編编寫写漢汉雙双隨随蓋盖臺台廳厅層层崗岗寬宽導导屆届徹彻揮挥斷断綜综繼继習习聞闻稱称簡简碼码瀏浏針针領领黨党龍龙學学貫贯談谈義义線线夠够異异則则佈布溝沟諮咨詢询幣币線线總总區区財财務务預预決决況况樣样據据兩两親亲儘尽獎奖勵励懲惩罰罚莊庄園园氣气溫温車车輛辆鐵铁運运貨货環环境境衛卫醫医藥药療疗險险據据農农村村漁渔礦矿飯饭廠厂貿贸營营銀银貸贷稅税櫃柜錶表鐘钟條条紅红綠绿藍蓝黃黄買买賣卖貨货質质檔档屆届屬属陣阵隊队軍军戰战師师傅傅課课題题試试驗验興兴災灾難难幫帮扶扶貧贫養养殘残疾疾衛卫計计張张陳陈劉刘楊杨趙赵鄭郑孫孙鄧邓謝谢韓韩馮冯鄒邹蘇苏盧卢蔣蒋羅罗劉刘潤润灣湾瀋沈嶽岳瑪玛塗涂滬沪渝渝閩闽贛赣魯鲁豫豫鄂鄂湘湘粵粤桂桂瓊琼蜀蜀黔黔滇滇藏藏隴陇寧宁青青疆疆遼辽吉吉黑黑蒙蒙晉晋冀冀京京津津滬沪蘇苏浙浙皖皖贛赣頒颁佈布訊讯講讲鑒鉴務务謀谋劃划籌筹辦办廳厅處处鄰邻區区縣县閱阅覽览麼么啟启於于號号週周鐘钟齡龄節节觀观點点據据認认証证評评價价論论講讲話话語语詞词譯译讀读辭辞聲声響响韻韵順顺頻频顯显類类額额顧顾預预領领風风颱台飛飞馬马驗验驅驱體体髮发鬥斗鳥鸟麥麦黨党齊齐齒齿龍龙龜龟';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) m.set(chars[i], chars[i + 1]);
  return m;
})();

/** The simplified form of one character (itself when it has none in the map). */
export function simplified(ch: string): string {
  return MAP.get(ch) ?? ch;
}
