// Which real report each text fixture is, so its extraction can be held to that report's figures in figures.csv.
// The texts are copies of shared/data/texts (as published or archived); the figures were read from the same pages.

export interface TextFixture {
  file: string;
  agency: string;
  year: number;
  /** Held to ≥ 98 % exactly right: the HTML report and the cleanly laid out texts. */
  required?: boolean;
}

const PT = '平潭综合实验区';
const SH_CITY = '上海市人民政府(全市汇总年报)';
const SH_OFFICE = '上海市人民政府办公厅';

export const TEXT_FIXTURES: readonly TextFixture[] = [
  { file: 'shanghai_office_2019.html', agency: SH_OFFICE, year: 2019, required: true },
  ...[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ file: `pingtan_${year}.txt`, agency: PT, year, required: true })),
  ...[2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018].map((year) => ({ file: `pingtan_${year}.txt`, agency: PT, year })),
  ...[2011, 2012, 2013].map((year) => ({ file: `pingtan_county_${year}.txt`, agency: '平潭县人民政府', year })),
  { file: 'pingtan_dishui_2013.txt', agency: '平潭综合实验区地方税务局', year: 2013 },
  { file: 'dayu_town_2020_seed.txt', agency: '大峪镇人民政府', year: 2020 },
  ...[2019, 2020, 2022, 2023].map((year) => ({ file: `excerpts/shanghai_city_${year}.txt`, agency: SH_CITY, year, required: true })),
  ...[2020, 2022].map((year) => ({ file: `excerpts/shanghai_office_${year}.txt`, agency: SH_OFFICE, year, required: true })),
  { file: 'excerpts/daying_yufeng_2021.txt', agency: '玉峰镇人民政府', year: 2021 },
  { file: 'excerpts/dongpo_chongli_2020.txt', agency: '崇礼镇人民政府', year: 2020 },
  { file: 'excerpts/fengdong_2021.txt', agency: '西咸新区沣东新城管理委员会', year: 2021 },
  { file: 'excerpts/futian_zjj_2023.txt', agency: '深圳市福田区住房和建设局', year: 2023 },
  { file: 'excerpts/gaoping_dongchengjie_2021.txt', agency: '东城街街道办事处', year: 2021 },
  { file: 'excerpts/gulou_huaqiaolu_2021.txt', agency: '南京市鼓楼区人民政府华侨路街道办事处', year: 2021 },
  { file: 'excerpts/kaiping_shatang_2021.txt', agency: '沙塘镇人民政府', year: 2021 },
  { file: 'excerpts/leiyang_mashui_2019.txt', agency: '马水镇人民政府', year: 2019 },
  { file: 'excerpts/lingshou_ciyu_2020.txt', agency: '慈峪镇人民政府', year: 2020 },
  { file: 'excerpts/longgang_district_2020.txt', agency: '深圳市龙岗区人民政府(全区年报)', year: 2020 },
  { file: 'excerpts/longgang_district_2022.txt', agency: '深圳市龙岗区人民政府(全区年报)', year: 2022 },
  { file: 'excerpts/ningdu_duifang_2023.txt', agency: '对坊乡人民政府', year: 2023 },
  { file: 'excerpts/pingli_zhengyang_2021.txt', agency: '平利县正阳镇人民政府', year: 2021 },
  { file: 'excerpts/qianan_dawuli_2020.txt', agency: '大五里镇人民政府', year: 2020 },
  { file: 'excerpts/rongchang_hebao_2020.txt', agency: '河包镇人民政府', year: 2020 },
  { file: 'excerpts/tianxin_guihuaping_2020.txt', agency: '桂花坪街道办事处', year: 2020 },
  { file: 'excerpts/tianzhen_xinfang_2021.txt', agency: '天镇县信访局', year: 2021 },
  { file: 'excerpts/weishan_gaolou_2023.txt', agency: '高楼乡人民政府', year: 2023 },
  { file: 'excerpts/weishan_liangcheng_2020.txt', agency: '两城镇人民政府', year: 2020 },
  { file: 'excerpts/wengan_zhongping_2021.txt', agency: '中坪镇人民政府', year: 2021 },
  { file: 'excerpts/xixian_taiping_2022.txt', agency: '太平镇人民政府', year: 2022 },
  { file: 'excerpts/yongjia_xixia_2023.txt', agency: '溪下乡人民政府', year: 2023 },
  { file: 'excerpts/yuhong_yingbinlu_2021.txt', agency: '迎宾路街道办事处', year: 2021 },
  { file: 'excerpts/zibo_zhongbu_2020.txt', agency: '中埠镇人民政府', year: 2020 },
  { file: 'excerpts/zoucheng_jiaotong_2022.txt', agency: '邹城市交通运输局', year: 2022 },
  { file: 'excerpts/zoucheng_jiaotong_2024.txt', agency: '邹城市交通运输局', year: 2024 },
  { file: 'excerpts/zoucheng_taiping_2021.txt', agency: '邹城市太平镇人民政府', year: 2021 },
  { file: 'excerpts/zoucheng_taiping_2024.txt', agency: '邹城市太平镇人民政府', year: 2024 },
  { file: 'excerpts/zoucheng_tangcun_2020.txt', agency: '唐村镇人民政府', year: 2020 },
];
