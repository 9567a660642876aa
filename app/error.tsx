"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="card" role="alert">
      <h1 className="page-title">出了点问题</h1>
      <p className="text-slate-700">系统暂时无法完成您的请求，已填写并保存的内容不会丢失。请稍后重试。</p>
      <button type="button" className="btn-primary mt-4" onClick={reset}>
        重试
      </button>
    </div>
  );
}
