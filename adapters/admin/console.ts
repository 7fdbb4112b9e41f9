import type { Context } from "hono";
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { html, raw } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { streamSSE } from "hono/streaming";
import type { i18n as I18n } from "i18next";
import { BroadcastError, composeMessage } from "../../bot/broadcasts/broadcast-service";
import type { TrainingInfo } from "../../bot/broadcasts/types";
import { audit } from "../../bot/officers/audit";
import type { Services } from "../../bot/services";
import { interestCsv, interestMap } from "../../bot/subscriptions/interest-map";
import { type Audience, DESTINATIONS, SECTORS } from "../../bot/subscriptions/types";
import { audienceSchema, trainingSchema } from "./api";
import { clientIp } from "./client-ip";
import { type ConsoleSession, createConsoleAuth, requireSession } from "./console-auth";
import { interestSvg } from "./interest-svg";

type Env = { Variables: { session: ConsoleSession; secureHeadersNonce?: string } };

const CSS = `body{font-family:sans-serif;max-width:980px;margin:0 auto;padding:12px;color:#222}
nav a{margin-right:14px}label{display:block;margin:8px 0 2px}input,select,textarea{font:inherit;padding:4px;max-width:100%}
textarea{width:100%;min-height:90px}progress{width:100%;height:18px}.inline{display:inline}
pre{white-space:pre-wrap;background:#f4f4f4;padding:8px}.warn{background:#fff3cd;padding:8px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px}`;

const CHANNELS = ["telegram", "whatsapp", "web"] as const;

/** Perkiraan kecepatan kirim per saluran (pesan per detik) untuk memperkirakan lama siaran. */
const RATE: Record<string, number> = { telegram: 25, whatsapp: 0.2, web: 1000 };

export function createConsole(services: Services, i18n: I18n): Hono<Env> {
  const app = new Hono<Env>();
  const auth = createConsoleAuth(services);
  const t = i18n.getFixedT("id");
  const destLabel = (d: string) => t(`subscribe:dest.${d}`);
  const sectorLabel = (s: string) => t(`subscribe:sector.${s}`);
  const regionLabel = (r: string) => r || "(tidak disebut)";

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: [NONCE],
        styleSrc: [NONCE],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );
  const checkOrigin = csrf();
  app.use("*", async (c, next) => {
    try {
      return await checkOrigin(c, next);
    } catch (err) {
      if (err instanceof HTTPException && err.status === 403)
        return c.text("Forbidden: form from another origin", 403);
      throw err;
    }
  });
  app.use("*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });

  const page = (c: Context<Env>, title: string, body: unknown, session?: ConsoleSession) => {
    const nonce = c.get("secureHeadersNonce") ?? "";
    const nav = session
      ? html`<nav><a href="/admin">Siaran</a><a href="/admin/broadcasts/new">Siaran baru</a><a href="/admin/map">Peta minat</a><a href="/admin/reports">Laporan</a>
<form method="post" action="/admin/logout" class="inline"><button id="logout">Keluar (${session.officer})</button></form></nav>`
      : "";
    return c.html(
      html`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Migrasi Aman (petugas)</title><style nonce="${nonce}">${raw(CSS)}</style></head>
<body>${nav}<h1>${title}</h1>${body}</body></html>`,
    );
  };

  // --- login / logout ---
  const loginForm = (c: Context<Env>, message = "") =>
    page(
      c,
      "Masuk petugas",
      html`${message ? html`<p class="warn">${message}</p>` : ""}<form method="post" action="/admin/login">
<label for="name">Nama akun</label><input id="name" name="name" autocomplete="username" required>
<label for="password">Kata sandi</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button id="login">Masuk</button></p></form>`,
    );

  app.get("/login", (c) => loginForm(c));
  app.post("/login", async (c) => {
    const form = await c.req.parseBody();
    const name = String(form.name ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 40);
    const password = String(form.password ?? "").slice(0, 200);
    const ip = clientIp(c);
    if (auth.limited(ip, name)) {
      await audit(services.repos.audit, {
        actor: name || "-",
        action: "console-login",
        where: `console ${ip}`,
        ok: false,
        target: "rate-limited",
      });
      c.status(429);
      c.header("retry-after", "900");
      return loginForm(c, "Terlalu banyak percobaan. Coba lagi 15 menit lagi.");
    }
    const officer = name ? await services.officers.checkPassword(name, password) : undefined;
    if (!officer) {
      auth.failed(ip, name);
      await audit(services.repos.audit, {
        actor: name || "-",
        action: "console-login",
        where: `console ${ip}`,
        ok: false,
      });
      await services.repos.flush();
      c.status(401);
      return loginForm(c, "Nama akun atau kata sandi salah.");
    }
    await auth.start(c, officer.id, ip);
    await audit(services.repos.audit, {
      actor: officer.id,
      action: "console-login",
      where: `console ${ip}`,
      ok: true,
    });
    await services.repos.flush();
    return c.redirect("/admin", 303);
  });
  app.post("/logout", async (c) => {
    const s = await auth.current(c);
    await auth.end(c);
    if (s) {
      await audit(services.repos.audit, {
        actor: s.officer,
        action: "console-logout",
        where: `console ${clientIp(c)}`,
        ok: true,
      });
      await services.repos.flush();
    }
    return c.redirect("/admin/login", 303);
  });

  app.use("*", requireSession(auth));

  // --- broadcasts ---
  app.get("/", async (c) => {
    const rows = [];
    for (const b of (await services.broadcasts.list()).slice(0, 50)) {
      const p = await services.broadcasts.progress(b.id).catch(() => undefined);
      rows.push(
        html`<tr><td><a href="/admin/broadcasts/${b.id}">${b.id}</a></td><td>${b.createdAt.slice(0, 16).replace("T", " ")}</td><td>${b.text.slice(0, 60)}</td><td>${p?.status ?? b.status}</td><td>${p ? `${p.sent}/${p.total}` : "-"}</td></tr>`,
      );
    }
    return page(
      c,
      "Siaran",
      html`<p><a href="/admin/broadcasts/new">+ Siaran baru</a></p><table><tr><th>id</th><th>dibuat</th><th>teks</th><th>status</th><th>terkirim</th></tr>${rows}</table>`,
      c.get("session"),
    );
  });

  const composeForm = (values: Record<string, string> = {}) => {
    const opt = (list: readonly string[], name: string, label: (v: string) => string) =>
      html`<select id="${name}" name="${name}"><option value="">(semua)</option>${list.map((v) => html`<option value="${v}" ${values[name] === v ? "selected" : ""}>${label(v)}</option>`)}</select>`;
    return html`<form method="post" action="/admin/broadcasts/preview">
<label for="text">Pesan</label><textarea id="text" name="text" required maxlength="3000">${values.text ?? ""}</textarea>
<fieldset><legend>Pelatihan (boleh dikosongkan)</legend>
<label for="title">Judul</label><input id="title" name="title" value="${values.title ?? ""}">
<label for="date">Tanggal</label><input id="date" name="date" value="${values.date ?? ""}">
<label for="place">Tempat</label><input id="place" name="place" value="${values.place ?? ""}">
<label for="quota">Kuota</label><input id="quota" name="quota" type="number" min="1" value="${values.quota ?? ""}">
<label for="howToRegister">Cara mendaftar</label><input id="howToRegister" name="howToRegister" value="${values.howToRegister ?? ""}"></fieldset>
<fieldset><legend>Penerima</legend>
<label for="region">Daerah (kode wilayah atau nama)</label><input id="region" name="region" value="${values.region ?? ""}">
<label for="destination">Negara tujuan</label>${opt(DESTINATIONS, "destination", destLabel)}
<label for="sector">Bidang kerja</label>${opt(SECTORS, "sector", sectorLabel)}
<label for="language">Bahasa</label>${opt(["id", "en"], "language", (l) => t(`subscribe:lang.${l}`))}
<label for="channel">Saluran</label>${opt(CHANNELS, "channel", (x) => x)}</fieldset>
<label for="scheduleAt">Jadwal kirim (kosong = segera; waktu UTC)</label><input id="scheduleAt" name="scheduleAt" type="datetime-local" value="${values.scheduleAt ?? ""}">
<p><button id="preview">Pratinjau</button></p></form>`;
  };

  const readForm = async (c: Context<Env>) => {
    const f = await c.req.parseBody();
    const v = Object.fromEntries(
      Object.entries(f).map(([k, x]) => [k, typeof x === "string" ? x.trim() : ""]),
    ) as Record<string, string>;
    const audience = audienceSchema.safeParse(
      Object.fromEntries(
        ["region", "destination", "sector", "language", "channel"].filter((k) => v[k]).map((k) => [k, v[k]]),
      ),
    );
    const training = v.title
      ? trainingSchema.safeParse({
          title: v.title,
          ...(v.date ? { date: v.date } : {}),
          ...(v.place ? { place: v.place } : {}),
          ...(v.quota ? { quota: Number(v.quota) } : {}),
          ...(v.howToRegister ? { howToRegister: v.howToRegister } : {}),
        })
      : undefined;
    const schedule = v.scheduleAt
      ? new Date(`${v.scheduleAt}${v.scheduleAt.length === 16 ? ":00Z" : ""}`)
      : undefined;
    const ok =
      !!v.text &&
      audience.success &&
      (!training || training.success) &&
      (!schedule || !Number.isNaN(schedule.getTime()));
    return {
      v,
      ok,
      text: (v.text ?? "").slice(0, 3000),
      audience: (audience.success ? audience.data : {}) as Audience,
      training: training?.success ? (training.data as TrainingInfo) : undefined,
      schedule,
    };
  };

  app.get("/broadcasts/new", (c) => page(c, "Siaran baru", composeForm(), c.get("session")));

  app.post("/broadcasts/preview", async (c) => {
    const f = await readForm(c);
    if (!f.ok)
      return page(
        c,
        "Siaran baru",
        html`<p class="warn">Periksa isian: pesan wajib diisi, pilihan harus dari daftar.</p>${composeForm(f.v)}`,
        c.get("session"),
      );
    const count = await services.broadcasts.count(f.audience);
    const byChannel: { ch: "telegram" | "whatsapp" | "web"; n: number }[] = [];
    for (const ch of ["telegram", "whatsapp", "web"] as const)
      byChannel.push({ ch, n: await services.broadcasts.count({ ...f.audience, channel: ch }) });
    const seconds = Math.max(...byChannel.map((x) => (x.n ? x.n / (RATE[x.ch] ?? 1) : 0)));
    const wa = byChannel.find((x) => x.ch === "whatsapp")?.n ?? 0;
    const hidden = Object.entries(f.v)
      .filter(([k]) => k !== "confirm")
      .map(([k, x]) => html`<input type="hidden" name="${k}" value="${x}">`);
    const preview = composeMessage(i18n, { text: f.text, training: f.training }, "id").text;
    return page(
      c,
      "Pratinjau siaran",
      html`<p id="count">Penerima: <b>${count}</b> orang (${byChannel.map((x) => `${x.ch} ${x.n}`).join(", ")}). Perkiraan lama kirim: ${Math.ceil(seconds / 60)} menit.</p>
${wa ? html`<p class="warn" id="wa-note">WhatsApp: Cloud API hanya boleh mengirim di luar jendela 24 jam dengan templat yang sudah disetujui; whatsapp-web.js mengirim pelan-pelan dan hanya ke orang yang pernah menulis lebih dulu. ${wa} penerima WhatsApp butuh sekitar ${Math.ceil(wa / (RATE.whatsapp ?? 1) / 60)} menit.</p>` : ""}
${f.schedule ? html`<p>Dijadwalkan: ${f.schedule.toISOString().slice(0, 16).replace("T", " ")} UTC</p>` : ""}
<pre id="preview-text">${preview}</pre>
<form method="post" action="/admin/broadcasts">${hidden}<button id="confirm">Kirim ke ${count} orang</button></form>
<form method="post" action="/admin/broadcasts/edit">${hidden}<button>Ubah</button></form>`,
      c.get("session"),
    );
  });

  app.post("/broadcasts/edit", async (c) =>
    page(c, "Siaran baru", composeForm((await readForm(c)).v), c.get("session")),
  );

  app.post("/broadcasts", async (c) => {
    const f = await readForm(c);
    if (!f.ok) return c.redirect("/admin/broadcasts/new", 303);
    const s = c.get("session");
    try {
      const out = await services.broadcasts.create({
        text: f.text,
        training: f.training,
        audience: f.audience,
        scheduleAt: f.schedule,
        by: s.officer,
      });
      await audit(services.repos.audit, {
        actor: s.officer,
        action: "broadcast-create",
        where: `console ${clientIp(c)}`,
        target: out.record.id,
        ok: true,
      });
      await services.repos.flush();
      return c.redirect(`/admin/broadcasts/${out.record.id}`, 303);
    } catch (err) {
      if (err instanceof BroadcastError)
        return page(c, "Siaran tidak terkirim", html`<p class="warn">${err.message}</p>`, s);
      throw err;
    }
  });

  app.get("/broadcasts/:id", async (c) => {
    const b = await services.broadcasts.get(c.req.param("id"));
    if (!b) return c.notFound();
    const p = await services.broadcasts.progress(b.id);
    const pct = p.total ? Math.floor(((p.sent + p.failed) / p.total) * 100) : 100;
    const nonce = c.get("secureHeadersNonce") ?? "";
    const interested = (await services.broadcasts.interested(b.id)).length;
    return page(
      c,
      `Siaran ${b.id}`,
      html`<p>Status: <b id="status">${p.status}</b></p>
<progress id="bar" max="100" value="${pct}">${pct}%</progress>
<p id="progress">${pct}% · terkirim ${p.sent} · gagal ${p.failed} · menunggu ${p.pending} · total ${p.total}</p>
<pre>${b.text}</pre>
${b.training ? html`<p>Peminat (DAFTAR): ${interested} · <a href="/admin/broadcasts/${b.id}/interest.csv">unduh CSV</a></p>` : ""}
${p.status === "sending" || p.status === "scheduled" ? html`<form method="post" action="/admin/broadcasts/${b.id}/cancel"><button id="cancel">Batalkan yang belum terkirim</button></form>` : ""}
<script nonce="${nonce}">
const es = new EventSource(location.pathname + "/events");
es.addEventListener("progress", (e) => {
  const p = JSON.parse(e.data);
  const pct = p.total ? Math.floor(((p.sent + p.failed) / p.total) * 100) : 100;
  document.getElementById("bar").value = pct;
  document.getElementById("status").textContent = p.status;
  document.getElementById("progress").textContent = pct + "% · terkirim " + p.sent + " · gagal " + p.failed + " · menunggu " + p.pending + " · total " + p.total;
  if (p.status === "done" || p.status === "cancelled") es.close();
});
</script>`,
      c.get("session"),
    );
  });

  app.get("/broadcasts/:id/events", (c) => {
    const id = c.req.param("id");
    if (!services.broadcasts.get(id)) return c.notFound();
    return streamSSE(c, async (s) => {
      let stop = false;
      s.onAbort(() => {
        stop = true;
      });
      for (let n = 0; !stop && n < 7200; n++) {
        const p = await services.broadcasts.progress(id);
        await s.writeSSE({ event: "progress", id: String(n), data: JSON.stringify(p) });
        if (p.status === "done" || p.status === "cancelled") break;
        await s.sleep(500);
      }
    });
  });

  app.post("/broadcasts/:id/cancel", async (c) => {
    const s = c.get("session");
    try {
      const b = await services.broadcasts.cancel(c.req.param("id"), s.officer);
      await audit(services.repos.audit, {
        actor: s.officer,
        action: "broadcast-cancel",
        where: `console ${clientIp(c)}`,
        target: b.id,
        ok: true,
      });
      await services.repos.flush();
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
    }
    return c.redirect(`/admin/broadcasts/${c.req.param("id")}`, 303);
  });

  app.get("/broadcasts/:id/interest.csv", async (c) => {
    const id = c.req.param("id");
    const rows = await services.broadcasts.interested(id);
    const s = c.get("session");
    await audit(services.repos.audit, {
      actor: s.officer,
      action: "interest-export",
      where: `console ${clientIp(c)}`,
      target: id,
      ok: true,
    });
    const lines = ["registered_at,channel,chat,language,region"];
    for (const r of rows) {
      const u = await services.repos.people.get(r.userKey);
      const [channel, ...chat] = r.userKey.split(":");
      lines.push(
        [
          r.at,
          channel,
          chat.join(":"),
          u?.subscription?.lang ?? u?.lang ?? "",
          u?.subscription?.region.name ?? "",
        ]
          .map((x) => `"${String(x).replaceAll('"', '""')}"`)
          .join(","),
      );
    }
    return c.body(`${lines.join("\r\n")}\r\n`, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="peminat-${id}.csv"`,
    });
  });

  // --- the interest map ---
  app.get("/map", async (c) => {
    const m = await interestMap(services.repos.people);
    return page(
      c,
      "Peta minat warga",
      html`<p>${m.subscribers} pelanggan. Angka di bawah 5 orang ditulis "&lt;5" supaya tidak ada yang bisa dikenali. Tabel ini untuk merencanakan pelatihan bahasa dan keterampilan bersama kementerian.</p>
<h2>Daerah × negara tujuan</h2>${interestSvg(m.byDestination, destLabel, regionLabel)}<p><a href="/admin/map.csv?table=destination">Unduh CSV</a></p>
<h2>Daerah × bidang kerja</h2>${interestSvg(m.bySector, sectorLabel, regionLabel)}<p><a href="/admin/map.csv?table=sector">Unduh CSV</a></p>`,
      c.get("session"),
    );
  });

  app.get("/map.csv", async (c) => {
    const m = await interestMap(services.repos.people);
    const which = c.req.query("table") === "sector" ? "sector" : "destination";
    const csv = interestCsv(which === "sector" ? m.bySector : m.byDestination, regionLabel);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="peta-minat-${which}.csv"`,
    });
  });

  // --- reports ---
  app.get("/reports", async (c) => {
    const status = c.req.query("status");
    const list = (
      await services.reports.list({ status: status as never, term: c.req.query("q") || undefined })
    ).slice(0, 100);
    const rows = list.map(
      (
        r,
      ) => html`<tr><td>${r.id}</td><td>${r.status}</td><td>${r.createdAt.slice(0, 10)}</td><td>${r.what.slice(0, 80)}</td>
<td><form method="post" action="/admin/reports/${r.id}/status"><select name="status">${["baru", "diproses", "dirujuk", "selesai"].map((s) => html`<option ${s === r.status ? "selected" : ""}>${s}</option>`)}</select><button>Simpan</button></form>
<form method="post" action="/admin/reports/${r.id}/reply"><input name="text" placeholder="Balasan ke pelapor" maxlength="1000"><button>Balas</button></form></td></tr>`,
    );
    return page(
      c,
      "Laporan",
      html`<form method="get"><input name="q" placeholder="PT, nomor, akun" value="${c.req.query("q") ?? ""}"><select name="status"><option value="">(semua)</option>${["baru", "diproses", "dirujuk", "selesai"].map((s) => html`<option ${s === status ? "selected" : ""}>${s}</option>`)}</select><button>Saring</button></form>
<table><tr><th>ref</th><th>status</th><th>tanggal</th><th>apa</th><th></th></tr>${rows}</table>`,
      c.get("session"),
    );
  });

  app.post("/reports/:ref/status", async (c) => {
    const s = c.get("session");
    const status = String((await c.req.parseBody()).status ?? "");
    if (["baru", "diproses", "dirujuk", "selesai"].includes(status)) {
      await services.reports
        .setStatus(c.req.param("ref"), status as never, `console:${s.officer}`)
        .catch(() => undefined);
    }
    return c.redirect("/admin/reports", 303);
  });

  app.post("/reports/:ref/reply", async (c) => {
    const s = c.get("session");
    const text = String((await c.req.parseBody()).text ?? "")
      .trim()
      .slice(0, 1000);
    if (text)
      await services.reports.reply(c.req.param("ref"), text, `console:${s.officer}`).catch(() => undefined);
    return c.redirect("/admin/reports", 303);
  });

  return app;
}
