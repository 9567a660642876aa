import fs from "node:fs";

/**
 * CPU time (user + system, in ms) used so far by a process and all its descendants, from
 * /proc (Linux). Divided by the requests served it gives the server's CPU cost per request,
 * a figure that holds even on a busy machine where requests per second do not.
 */
export function treeCpuMs(rootPid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const procs: Array<{ pid: number; ppid: number; ms: number }> = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: state ppid … utime(14) stime(15)
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      procs.push({ pid: Number(name), ppid: Number(rest[1]), ms: (Number(rest[11]) + Number(rest[12])) * tick });
    } catch {
      /* the process ended meanwhile */
    }
  }
  const inTree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.ms, 0);
}
