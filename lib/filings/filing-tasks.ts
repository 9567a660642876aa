import type { Channel } from "@/lib/schemas/eligibility";
import { readAnswers } from "./filing-answers";
import { CHANNEL_REGISTRY } from "@/lib/channels/registry";

/**
 * The task list of a draft (GOV.UK style): short pages, each with a status. The form's pages
 * are the tasks in this order; `draftStep` remembers the last one saved so that the resident
 * comes back to the same place, on any device.
 */
export const TASK_KEYS = ["channel", "applicant", "destination", "details", "members", "documents", "check"] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

export type TaskStatus = "completed" | "not_started" | "cannot_start";

export type Task = { key: TaskKey; title: string; hint: string; status: TaskStatus; href: string };

/** Whether a channel may carry people moving together (the community collective household registers the applicant alone). */
export function channelTakesMembers(channel: Channel): boolean {
  return CHANNEL_REGISTRY[channel].persons === "household";
}

export function destinationTitle(channel: Channel): string {
  return CHANNEL_REGISTRY[channel].destinationTitle;
}

export function detailsTitle(channel: Channel): string {
  return CHANNEL_REGISTRY[channel].details.title;
}

export function buildTasks(draft: { id: string; channel: Channel; answers: unknown }, documentsComplete: boolean): Task[] {
  const a = readAnswers(draft.answers);
  const base = `/apply/${draft.id}`;
  const done = {
    channel: true,
    applicant: !!a.applicant,
    destination: !!a.destination,
    details: !!a.completed?.details,
    members: !channelTakesMembers(draft.channel) || !!a.completed?.members,
  };
  const readyForDocs = done.applicant && done.details;
  const tasks: Task[] = [
    { key: "channel", title: "申请类别", hint: "落户通道及依据条款", status: "completed", href: `${base}/channel` },
    { key: "applicant", title: "申请人信息", hint: "身份信息与现户籍", status: done.applicant ? "completed" : "not_started", href: `${base}/applicant` },
    {
      key: "destination",
      title: destinationTitle(draft.channel),
      hint: draft.channel === "collective" ? "就业单位所在地及其派出所" : "落户地址及受理派出所",
      status: done.destination ? "completed" : "not_started",
      href: `${base}/destination`,
    },
    {
      key: "details",
      title: detailsTitle(draft.channel),
      hint: "本通道需要说明的情况",
      status: done.details ? "completed" : "not_started",
      href: `${base}/details`,
    },
  ];
  if (channelTakesMembers(draft.channel)) {
    tasks.push({
      key: "members",
      title: "随迁家庭成员",
      hint: "配偶、子女、父母等共同迁入的人员",
      status: done.members ? "completed" : "not_started",
      href: `${base}/members`,
    });
  }
  tasks.push({
    key: "documents",
    title: "上传材料",
    hint: "按规则核验列出的材料清单上传",
    status: !readyForDocs ? "cannot_start" : documentsComplete ? "completed" : "not_started",
    href: `${base}/documents`,
  });
  const allDone = Object.values(done).every(Boolean) && documentsComplete;
  tasks.push({
    key: "check",
    title: "核对并提交",
    hint: "核对全部信息，确认声明后提交",
    status: allDone ? "not_started" : "cannot_start",
    href: `${base}/check`,
  });
  return tasks;
}

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  completed: "已完成",
  not_started: "未完成",
  cannot_start: "暂不能开始",
};
