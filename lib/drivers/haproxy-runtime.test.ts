import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseShowStat, runtimeCommand, serverHealth } from "./haproxy-runtime";
import { DriverError } from "./types";

// Captured from HAProxy 2.6 (Debian 12): `show stat app 4 -1`.
const header =
  "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,check_rise,check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,conn_rate,conn_rate_max,conn_tot,intercepted,dcon,dses,wrew,connect,reuse,cache_lookups,cache_hits,srv_icur,src_ilim,qtime_max,ctime_max,rtime_max,ttime_max,eint,idle_conn_cur,safe_conn_cur,used_conn_cur,need_conn_est,uweight,agg_server_status,agg_server_check_status,agg_check_status,-,ssl_sess,ssl_reused_sess,ssl_failed_handshake,h2_headers_rcvd,h2_data_rcvd,h2_settings_rcvd,h2_rst_stream_rcvd,h2_goaway_rcvd,h2_detected_conn_protocol_errors,h2_detected_strm_protocol_errors,h2_rst_stream_resp,h2_goaway_resp,h2_open_connections,h2_backend_open_streams,h2_total_connections,h2_backend_total_streams,h1_open_connections,h1_open_streams,h1_total_connections,h1_total_streams,h1_bytes_in,h1_bytes_out,h1_spliced_bytes_in,h1_spliced_bytes_out,";
const blueDown =
  "app,blue,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,100,1,0,1,1,2,2,,1,3,1,,0,,2,0,,0,L4CON,,0,0,0,0,0,0,0,,,,0,0,0,,,,,-1,Connection refused,,0,0,0,0,,,,Layer4 connection problem,,1,2,0,,,,127.0.0.1:19997,,http,,,,,,,,0,0,0,,,0,,0,0,0,0,0,0,0,0,1,100,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,";
const greenUp =
  "app,green,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,25,1,0,1,1,2,2,,1,3,2,,0,,2,0,,0,L7OK,200,1,0,0,0,0,0,0,,,,0,0,0,,,,,-1,OK,,0,0,0,0,,,,Layer7 check passed,,1,2,2,,,,127.0.0.1:19996,,http,,,,,,,,0,0,0,,,0,,0,0,0,0,0,0,0,0,1,25,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,";
const showStat = `${header}\n${blueDown}\n${greenUp}\n\n`;

describe("parseShowStat", () => {
  it("reads rows by column name: proxy, server, status, user weight, check", () => {
    const [blue, green] = parseShowStat(showStat);
    expect(blue).toMatchObject({ proxy: "app", server: "blue", status: "DOWN", userWeight: 100, effectiveWeight: 100, checkStatus: "L4CON" });
    expect(green).toMatchObject({ proxy: "app", server: "green", status: "UP", userWeight: 25, checkDescription: "Layer7 check passed" });
    expect(green?.fields.addr).toBe("127.0.0.1:19996");
  });

  it("still works when a version lacks uweight or reorders columns", () => {
    const rows = parseShowStat("# svname,pxname,weight,status\ngreen,app,40,UP\n");
    expect(rows).toEqual([expect.objectContaining({ proxy: "app", server: "green", userWeight: 40, effectiveWeight: 40, status: "UP" })]);
  });

  it("refuses an answer without the CSV header, quoting it", () => {
    expect(() => parseShowStat("No such proxy.\n")).toThrow(DriverError);
  });
});

describe("serverHealth", () => {
  const row = (status: string) => ({ ...parseShowStat(showStat)[1]!, status });

  it("counts UP (also while checks start failing) and 'no check' as serving", () => {
    expect(serverHealth(row("UP"))).toEqual({ healthy: true, detail: "UP (L7OK Layer7 check passed)" });
    expect(serverHealth(row("UP 1/2")).healthy).toBe(true);
    expect(serverHealth(row("no check"))).toEqual({ healthy: true, detail: "no check (health checks are off in HAProxy)" });
  });

  it("counts DOWN, MAINT, DRAIN and NOLB as not serving", () => {
    for (const status of ["DOWN", "DOWN 1/2", "MAINT", "MAINT (via app/x)", "DRAIN", "NOLB"]) expect(serverHealth(row(status)).healthy, status).toBe(false);
  });
});

describe("runtimeCommand", () => {
  let silent: Server;
  let port = 0;
  const accepted: Socket[] = [];

  beforeAll(async () => {
    // Accepts and never answers, like a wedged HAProxy.
    silent = createServer((socket) => void accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    accepted.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("gives up at the deadline with the address and command", async () => {
    await expect(runtimeCommand({ type: "tcp", host: "127.0.0.1", port }, "show info", 150)).rejects.toThrow(
      `HAProxy runtime API at tcp://127.0.0.1:${port} did not answer "show info" within 150 ms`,
    );
  });

  it("reports an unreachable socket with the reason", async () => {
    await expect(runtimeCommand({ type: "unix", path: "/nonexistent/haproxy.sock" }, "show stat", 1000)).rejects.toThrow(
      "HAProxy runtime API at unix:/nonexistent/haproxy.sock is unreachable: ENOENT",
    );
  });

  it("never sends a command with a separator", () => {
    expect(() => runtimeCommand({ type: "tcp", host: "127.0.0.1", port }, "show stat; shutdown sessions", 100)).toThrow(/separator/);
  });
});
