/** What just happened, after a redirect (?done=…): a green status line a screen reader announces. */
const MESSAGES: Record<string, string> = {
  withdrawn: "申请已撤回。撤回不影响您以后再次申请。",
  supplemented: "补正材料已提交，派出所将重新审核，结果会通过短信和“我的消息”通知您。",
  deleted: "草稿已删除。",
};

export function SuccessBanner({ done }: { done?: string }) {
  const text = done ? MESSAGES[done] : undefined;
  if (!text) return null;
  return (
    <p role="status" className="rounded border border-green-400 bg-green-50 p-3 text-green-900" data-testid="success-banner">
      {text}
    </p>
  );
}
