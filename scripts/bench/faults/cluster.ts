// A PostgreSQL 15 cluster of the fault run's own, in a temporary directory, that the run may
// restart at will: the shared server the tests use is never touched. initdb refuses to run as
// root, so as root the cluster belongs to the `postgres` account.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type Cluster = {
  url(database: string): string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it resolves. */
  restart(): Promise<void>;
  /** Stops the server and removes its directory; safe to call twice. */
  destroy(): void;
};

export function createCluster(port: number): Cluster {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-faults-pg-"));
  const data = path.join(dir, "data");
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
  const argv = (tool: string, args: string[]): [string, string[]] => {
    const command = path.join(BIN, tool);
    return asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  };
  const run = (tool: string, args: string[]) => execFileSync(...argv(tool, args), { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  // Connections: two app servers (queries and job queue) plus the run's own clients.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=120 -c fsync=on`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", ...args]);
  let running = false;

  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  pgCtl("-o", options, "start");
  running = true;
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    // Asynchronous: the load goes on while the server goes down and comes back.
    restart: async () => {
      await promisify(execFile)(...argv("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", options, "-m", "fast", "restart"]), { cwd: dir });
    },
    destroy: () => {
      if (running) {
        running = false;
        try {
          pgCtl("-m", "fast", "stop");
        } catch (error) {
          console.error(`stopping the fault run's PostgreSQL: ${String(error)}`);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
