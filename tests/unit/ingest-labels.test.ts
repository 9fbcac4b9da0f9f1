// Headers and labels → canonical keys: the ways people write the official labels.
import { describe, expect, it } from 'vitest';
import { resolveFigure, resolveHeader, metaRoles } from '../../src/ingest/labels';
import { KEY_DEFS } from '../../src/model/vocabulary';

describe('wide headers', () => {
  it.each([
    ['requests.granted.total', 'requests.granted.total', undefined],
    ['予以公开/总计', 'requests.granted.total', undefined],
    ['(一)予以公开/总计', 'requests.granted.total', undefined],
    ['三、本年度办理结果/(一)予以公开/总计', 'requests.granted.total', undefined],
    ['三、本年度办理结果／（一）予以公开／总计', 'requests.granted.total', undefined],
    ['三、本年度办理结果\n/(一)予以公开/总 计', 'requests.granted.total', undefined],
    ['部分公开/自然人', 'requests.partially_granted.natural_person', undefined],
    ['不予公开/1.属于国家秘密/法人或其他组织/商业企业', 'requests.denied_state_secret.commercial', undefined],
    ['属于国家秘密/商业企业', 'requests.denied_state_secret.commercial', undefined],
    ['危及"三安全一稳定"/总计', 'requests.denied_three_safety.total', undefined],
    ['其他处理/总计', 'requests.other_processing.total', undefined],
    ['(七)总计/总计', 'requests.results_total.total', undefined],
    ['采购项目数量', 'active_2019.central_procurement.procurement_projects', undefined],
    ['采购总金额(万元)', 'active_2019.central_procurement.procurement_amount', '万元'],
    ['采购总金额（元）', 'active_2019.central_procurement.procurement_amount', '元'],
    ['主动公开信息条数', 'headline.published_items.total', undefined],
    ['规章/本年新制作数量', 'active_2019.regulations.made_this_year', undefined],
    ['规章/本年制发件数', 'active_2021.regulations.issued_this_year', undefined],
    ['行政事业性收费/本年收费金额(单位:万元)', 'active_2021.admin_fees.fee_amount', undefined],
    ['本年收费金额(万元)', 'active_2021.admin_fees.fee_amount', '万元'],
    ['行政复议/结果维持', 'review.admin_review.upheld', undefined],
    ['行政诉讼/复议后起诉/总计', 'review.litigation_after_review.total', undefined],
    ['予以公开(正文所述)/总计', 'requests_text.granted.total', undefined],
  ])('%j → %s', (header, key, unit) => {
    expect(resolveHeader(header)).toEqual(unit ? { key, unit } : { key });
  });

  it.each(['总计', '商业企业', '规章', '行政许可/处理决定', '自定义指标A', '予以公开'])('%j is not guessed', (header) => {
    expect(resolveHeader(header)).toBeUndefined();
  });
});

describe('long labels', () => {
  it.each([
    ['requests', 'granted', 'total', 'requests.granted.total'],
    ['收到和处理政府信息公开申请情况', '三、本年度办理结果/(一)予以公开', '总计', 'requests.granted.total'],
    ['', '三、本年度办理结果／（一）予以公开', '法人或其他组织／商业企业', 'requests.granted.commercial'],
    ['', '予以公开', '商业企业', 'requests.granted.commercial'],
    ['主动公开政府信息情况(GB2021)', '行政规范性文件', '现行有效件数', 'active_2021.normative_docs.in_force'],
    ['Proactive disclosure (GB2019)', '规章', '本年新\n制作数量', 'active_2019.regulations.made_this_year'],
  ])('%j / %j / %j → %s', (s, r, c, key) => {
    expect(resolveFigure(s, r, c)).toBe(key);
  });

  it('a blank section that leaves two figures possible is not guessed', () => {
    expect(resolveFigure('', '规章', '总计')).toBeUndefined();
  });

  it('every official label (labels.csv form, with its [仅GB20xx] marker) resolves to its own key', () => {
    for (const def of KEY_DEFS.values()) {
      expect(resolveFigure(def.section.key, def.row.zh, def.column.zh), def.key).toBe(def.key);
      expect(resolveFigure(def.section.zh, def.row.zh, def.column.zh), def.key).toBe(def.key);
    }
  });
});

describe('meta columns', () => {
  it.each([
    [['机构', '年度', '予以公开/总计'], ['agency', 'year', undefined]],
    [['单位', '年份', '行', '列', '数值'], ['agency', 'year', 'row', 'column', 'value']],
    // "单位" is the unit of measure where another column already names the organ
    [['机构', '年度', '行', '列', '数值', '单位'], ['agency', 'year', 'row', 'column', 'value', 'unit']],
    [['Agency', 'YEAR', 'Section', 'row', 'column', 'value', 'unit', 'source'], ['agency', 'year', 'section', 'row', 'column', 'value', 'unit', 'source']],
  ])('%j', (headers, roles) => {
    expect(metaRoles(headers)).toEqual(roles);
  });
});
