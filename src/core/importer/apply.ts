import type { ListEntry, ReportData } from "../spec/data";
import type { ImportPlan } from "./types";

/**
 * The data after a confirmed plan: new list entries appended, planned values written. Pure:
 * returns a new ReportData and leaves `data` as it was. Refuses (throws) when the data's lists
 * are not the ones the plan was made against, since list rows would then land on other entries.
 */
export function applyPlan(data: ReportData, plan: ImportPlan): ReportData {
  if (data.form !== plan.form) throw new Error(`导入计划属于报表“${plan.form}”，数据属于“${data.form}”`);
  const lists: Record<string, ListEntry[]> = {};
  for (const [id, entries] of Object.entries(data.lists)) lists[id] = [...entries];
  for (const [id, length] of Object.entries(plan.basis)) {
    const now = lists[id]?.length ?? 0;
    if (now !== length) throw new Error(`列表“${id}”现有 ${now} 项，导入计划是按 ${length} 项做的，请重新生成导入计划`);
  }
  for (const add of [...plan.listAdds].sort((a, b) => a.index - b.index)) {
    const list = (lists[add.list] ??= []);
    if (add.index !== list.length + 1) throw new Error(`列表“${add.list}”新增项位置不连续（第${add.index}项）`);
    list.push({ ...add.entry });
  }
  const values = { ...data.values };
  for (const w of plan.writes) values[w.fieldId] = typeof w.value === "object" && w.value !== null ? { ...w.value } : w.value;
  return { form: data.form, lists, values };
}
