/**
 * The fixed rows of the 财政部 部门决算 public tables: the 支出功能分类 类 (公开01表, 公开04表)
 * and the 部门预算支出经济分类 items of the 基本支出 (公开06表), from 《2024年政府收支分类科目》.
 * A row's id is its code with a letter in front (`c201`, `e30101`), so ids never change when a
 * label is reworded; the code itself is a synonym, for imports that print the code alone.
 */

export interface CodedRow {
  code: string;
  name: string;
}

/** 支出功能分类 类 that a department's 决算 can show (no 社会保险基金, 预备费, 转移性支出). */
export const FUNCTION_CLASSES: CodedRow[] = [
  { code: "201", name: "一般公共服务支出" },
  { code: "202", name: "外交支出" },
  { code: "203", name: "国防支出" },
  { code: "204", name: "公共安全支出" },
  { code: "205", name: "教育支出" },
  { code: "206", name: "科学技术支出" },
  { code: "207", name: "文化旅游体育与传媒支出" },
  { code: "208", name: "社会保障和就业支出" },
  { code: "210", name: "卫生健康支出" },
  { code: "211", name: "节能环保支出" },
  { code: "212", name: "城乡社区支出" },
  { code: "213", name: "农林水支出" },
  { code: "214", name: "交通运输支出" },
  { code: "215", name: "资源勘探工业信息等支出" },
  { code: "216", name: "商业服务业等支出" },
  { code: "217", name: "金融支出" },
  { code: "219", name: "援助其他地区支出" },
  { code: "220", name: "自然资源海洋气象等支出" },
  { code: "221", name: "住房保障支出" },
  { code: "222", name: "粮油物资储备支出" },
  { code: "223", name: "国有资本经营预算支出" },
  { code: "224", name: "灾害防治及应急管理支出" },
  { code: "229", name: "其他支出" },
  { code: "231", name: "债务还本支出" },
  { code: "232", name: "债务付息支出" },
  { code: "233", name: "债务发行费用支出" },
];

/** An 经济分类 款 of the 基本支出 and its 项. */
export interface EconGroup extends CodedRow {
  items: CodedRow[];
}

/** 人员经费: 工资福利支出 and 对个人和家庭的补助. */
export const PERSONNEL_GROUPS: EconGroup[] = [
  {
    code: "301",
    name: "工资福利支出",
    items: [
      { code: "30101", name: "基本工资" },
      { code: "30102", name: "津贴补贴" },
      { code: "30103", name: "奖金" },
      { code: "30106", name: "伙食补助费" },
      { code: "30107", name: "绩效工资" },
      { code: "30108", name: "机关事业单位基本养老保险缴费" },
      { code: "30109", name: "职业年金缴费" },
      { code: "30110", name: "职工基本医疗保险缴费" },
      { code: "30111", name: "公务员医疗补助缴费" },
      { code: "30112", name: "其他社会保障缴费" },
      { code: "30113", name: "住房公积金" },
      { code: "30114", name: "医疗费" },
      { code: "30199", name: "其他工资福利支出" },
    ],
  },
  {
    code: "303",
    name: "对个人和家庭的补助",
    items: [
      { code: "30301", name: "离休费" },
      { code: "30302", name: "退休费" },
      { code: "30303", name: "退职（役）费" },
      { code: "30304", name: "抚恤金" },
      { code: "30305", name: "生活补助" },
      { code: "30306", name: "救济费" },
      { code: "30307", name: "医疗费补助" },
      { code: "30308", name: "助学金" },
      { code: "30309", name: "奖励金" },
      { code: "30310", name: "个人农业生产补贴" },
      { code: "30311", name: "代缴社会保险费" },
      { code: "30399", name: "其他对个人和家庭的补助" },
    ],
  },
];

/** 公用经费: 商品和服务支出, 债务利息, 资本性支出, 其他支出. */
export const PUBLIC_GROUPS: EconGroup[] = [
  {
    code: "302",
    name: "商品和服务支出",
    items: [
      { code: "30201", name: "办公费" },
      { code: "30202", name: "印刷费" },
      { code: "30203", name: "咨询费" },
      { code: "30204", name: "手续费" },
      { code: "30205", name: "水费" },
      { code: "30206", name: "电费" },
      { code: "30207", name: "邮电费" },
      { code: "30208", name: "取暖费" },
      { code: "30209", name: "物业管理费" },
      { code: "30211", name: "差旅费" },
      { code: "30212", name: "因公出国（境）费用" },
      { code: "30213", name: "维修（护）费" },
      { code: "30214", name: "租赁费" },
      { code: "30215", name: "会议费" },
      { code: "30216", name: "培训费" },
      { code: "30217", name: "公务接待费" },
      { code: "30218", name: "专用材料费" },
      { code: "30224", name: "被装购置费" },
      { code: "30225", name: "专用燃料费" },
      { code: "30226", name: "劳务费" },
      { code: "30227", name: "委托业务费" },
      { code: "30228", name: "工会经费" },
      { code: "30229", name: "福利费" },
      { code: "30231", name: "公务用车运行维护费" },
      { code: "30239", name: "其他交通费用" },
      { code: "30240", name: "税金及附加费用" },
      { code: "30299", name: "其他商品和服务支出" },
    ],
  },
  {
    code: "307",
    name: "债务利息及费用支出",
    items: [
      { code: "30701", name: "国内债务付息" },
      { code: "30702", name: "国外债务付息" },
    ],
  },
  {
    code: "310",
    name: "资本性支出",
    items: [
      { code: "31001", name: "房屋建筑物购建" },
      { code: "31002", name: "办公设备购置" },
      { code: "31003", name: "专用设备购置" },
      { code: "31005", name: "基础设施建设" },
      { code: "31006", name: "大型修缮" },
      { code: "31007", name: "信息网络及软件购置更新" },
      { code: "31008", name: "物资储备" },
      { code: "31009", name: "土地补偿" },
      { code: "31010", name: "安置补助" },
      { code: "31011", name: "地上附着物和青苗补偿" },
      { code: "31012", name: "拆迁补偿" },
      { code: "31013", name: "公务用车购置" },
      { code: "31019", name: "其他交通工具购置" },
      { code: "31021", name: "文物和陈列品购置" },
      { code: "31022", name: "无形资产购置" },
      { code: "31099", name: "其他资本性支出" },
    ],
  },
  {
    code: "399",
    name: "其他支出",
    items: [
      { code: "39907", name: "国家赔偿费用支出" },
      { code: "39908", name: "对民间非营利组织和群众性自治组织补贴" },
      { code: "39909", name: "经常性赔偿" },
      { code: "39999", name: "其他支出" },
    ],
  },
];

/** Row id of a 功能类 row (公开01表, 公开04表): c201. */
export const classRowId = (code: string): string => `c${code}`;
/** Row id of an 经济分类 row (公开06表): e301, e30101. */
export const econRowId = (code: string): string => `e${code}`;
