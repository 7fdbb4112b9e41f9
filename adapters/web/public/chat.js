// Migrasi Aman web chat. Renders every message as text (never as HTML). No framework: it must
// load fast on a cheap phone with patchy data. Messages go through a queue kept in
// localStorage, so nothing typed is lost offline; each is sent once (the server drops repeats).
(() => {
  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const form = $("form");
  const input = $("input");
  const status = $("status");
  const statusText = $("status-text");
  const retry = $("retry");
  const warn = $("warn");
  const newReply = $("new-reply");
  const T = log.dataset;
  const MAX = Number(form.dataset.max) || 4000;
  const STORE_ID = "migrasi-aman.chat";
  const STORE_LOG = "migrasi-aman.log";
  const STORE_QUEUE = "migrasi-aman.queue";
  const STORE_SEEN = "migrasi-aman.seen";
  const MAX_KEPT = 60;

  const read = (key, fallback) => {
    try {
      return JSON.parse(localStorage.getItem(key) || "null") ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  function randomId(prefix) {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return `${prefix}${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  }

  function chatId() {
    let id = localStorage.getItem(STORE_ID);
    if (!id) {
      id = randomId("w");
      localStorage.setItem(STORE_ID, id);
    }
    return id;
  }

  const kept = () => read(STORE_LOG, []);
  function keep(entry) {
    write(STORE_LOG, [...kept(), entry].slice(-MAX_KEPT));
  }
  function forget() {
    for (const key of [STORE_LOG, STORE_ID, STORE_QUEUE, STORE_SEEN]) localStorage.removeItem(key);
    queue.length = 0;
    log.textContent = "";
  }

  /** A tap-to-call link for a bold phone number ("*110*", "*+62 21 2924 4800*"), or the element itself. */
  function phoneLink(el) {
    const text = el.textContent || "";
    if (!/^\+?\d[\d\s-]{1,18}\d$/.test(text)) return el;
    const a = document.createElement("a");
    a.href = `tel:${text.replace(/[\s-]/g, "")}`;
    a.className = "tel";
    a.appendChild(el);
    return a;
  }

  /** Appends text, turning *bold* into <strong> (and bold numbers into tel: links) through text nodes only. */
  function appendRich(el, text) {
    for (const part of String(text).split(/(\*[^*\n]+\*)/g)) {
      if (part.length > 2 && part.startsWith("*") && part.endsWith("*")) {
        const b = document.createElement("strong");
        b.textContent = part.slice(1, -1);
        el.appendChild(phoneLink(b));
      } else if (part) {
        el.appendChild(document.createTextNode(part));
      }
    }
  }

  function button(label, onClick, choice) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (choice) b.dataset.choice = choice;
    if (onClick) b.addEventListener("click", onClick);
    return b;
  }

  function render(entry, live) {
    const el = document.createElement("div");
    el.className = `msg ${entry.who}`;
    appendRich(el, entry.text);
    if (entry.id) el.dataset.id = entry.id;
    if (entry.waiting) markWaiting(el);
    const box = document.createElement("div");
    box.className = "choices";
    for (const c of entry.choices || []) box.appendChild(button(c.label, null, c.id));
    if (entry.askLocation && live && navigator.geolocation) {
      box.appendChild(
        button(T.location, () =>
          navigator.geolocation.getCurrentPosition((p) =>
            enqueue({ location: { lat: p.coords.latitude, lon: p.coords.longitude } }, "📍"),
          ),
        ),
      );
    }
    if (box.childElementCount) el.appendChild(box);
    log.appendChild(el);
    return el;
  }

  function markWaiting(el) {
    if (el.querySelector(".state")) return;
    el.classList.add("waiting");
    const s = document.createElement("span");
    s.className = "state";
    s.textContent = T.waiting;
    el.appendChild(s);
  }

  function markSent(id) {
    const el = log.querySelector(`.msg.me[data-id="${id}"]`);
    if (el) {
      el.classList.remove("waiting", "sending");
      el.querySelector(".state")?.remove();
    }
    write(
      STORE_LOG,
      kept().map((e) => (e.id === id ? { ...e, waiting: undefined } : e)),
    );
  }

  // --- Reading from the start ------------------------------------------------------------
  const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  let unseen = null;

  /** Shows the top of the first new bubble; a reader who scrolled up keeps their place. */
  function reveal(first, follow) {
    if (!first) return;
    if (follow) {
      log.scrollTop = first.offsetTop - 8;
      unseen = null;
      newReply.hidden = true;
    } else {
      unseen = first;
      newReply.hidden = false;
    }
  }
  newReply.addEventListener("click", () => reveal(unseen, true));
  log.addEventListener("scroll", () => {
    if (unseen && log.scrollTop + log.clientHeight > unseen.offsetTop + 40) {
      unseen = null;
      newReply.hidden = true;
    }
  });

  // --- Sending safely ----------------------------------------------------------------------
  const queue = read(STORE_QUEUE, []);
  const saveQueue = () => write(STORE_QUEUE, queue);
  let sending = false;
  let retryTimer = 0;
  let retryDelay = 3000;
  let greeted = false;

  function showStatus(text, canRetry) {
    statusText.textContent = text;
    retry.hidden = !canRetry;
    status.hidden = false;
  }
  function hideStatus() {
    status.hidden = true;
  }

  function enqueue(body, echo) {
    const item = { id: randomId("m"), body };
    if (greeted) {
      item.body = { ...body, start: true };
      greeted = false;
    }
    queue.push(item);
    saveQueue();
    if (echo) {
      const entry = { who: "me", text: echo, id: item.id, waiting: true };
      keep(entry);
      const el = render({ ...entry, waiting: false }, true);
      log.scrollTop = log.scrollHeight;
      el.classList.add("sending");
    }
    pump();
  }

  async function post(item) {
    const res = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat: chatId(), id: item.id, ...item.body }),
    });
    if (res.status >= 500) throw new Error(`status ${res.status}`);
    return res.json();
  }

  async function pump() {
    if (sending || !queue.length) return;
    sending = true;
    clearTimeout(retryTimer);
    try {
      while (queue.length) {
        const item = queue[0];
        let data;
        try {
          data = await post(item);
        } catch {
          for (const el of log.querySelectorAll(".msg.me.sending")) markWaiting(el);
          showStatus(T.offline, true);
          retryTimer = setTimeout(pump, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 30000);
          return;
        }
        queue.shift();
        saveQueue();
        markSent(item.id);
        retryDelay = 3000;
        // Typed keluar / exit: the same as the "Keluar cepat" button.
        if (data.meta?.exit) return quickExit();
        receive(data);
      }
      hideStatus();
    } finally {
      sending = false;
    }
  }

  function receive(data) {
    // The person deleted their data: forget this browser's chat id and transcript too.
    if (data.meta?.deleted) forget();
    const follow = nearBottom();
    let first = null;
    const replies = data.replies || (data.error ? [{ text: data.error }] : []);
    for (const r of replies) {
      const entry = { who: "bot", text: r.text, choices: r.choices, askLocation: r.askLocation };
      keep(entry);
      const el = render(entry, true);
      first = first || el;
    }
    reveal(first, follow);
  }

  // --- Messages held for this chat (announcements, replies to a report) ----------------------
  // The server keeps them until the page asks; the page confirms each one it shows, and shows a
  // message handed over twice (an answer lost on the way) once.
  let acks = [];
  let polling = false;
  async function poll() {
    const chat = localStorage.getItem(STORE_ID);
    if (!chat || polling || !navigator.onLine) return;
    polling = true;
    try {
      for (let round = 0; round < 5; round++) {
        const res = await fetch("/api/inbox", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ chat, ack: acks }),
        });
        if (!res.ok) return;
        acks = [];
        const messages = (await res.json()).messages || [];
        if (!messages.length) return;
        const seen = read(STORE_SEEN, []);
        const fresh = messages.filter((m) => !seen.includes(m.id));
        if (fresh.length) receive({ replies: fresh });
        write(STORE_SEEN, [...seen, ...fresh.map((m) => m.id)].slice(-200));
        acks = messages.map((m) => m.id);
      }
    } catch {
      // No signal: the next poll asks again (and confirms what was shown).
    } finally {
      polling = false;
    }
  }
  setInterval(() => {
    if (document.visibilityState === "visible") poll();
  }, 60000);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") poll();
  });

  retry.addEventListener("click", () => {
    retryDelay = 3000;
    pump();
  });
  window.addEventListener("online", () => {
    retryDelay = 3000;
    poll();
    if (queue.length) pump();
    else hideStatus();
  });
  window.addEventListener("offline", () => showStatus(queue.length ? T.offline : T.offlineShell, false));

  // --- The box: grows with its text, warns before a long paste is cut ----------------------
  let warned = false;
  function checkLength() {
    input.style.height = "auto";
    input.style.height = `${input.scrollHeight + 2}px`;
    const over = input.value.length > MAX;
    if (!over) {
      warn.hidden = true;
      warned = false;
      return false;
    }
    const cut = input.value.slice(MAX).trim();
    const shown = cut.length > 60 ? `…${cut.slice(-60)}` : cut;
    warn.textContent = T.tooLong
      .replace("%count%", input.value.length.toLocaleString("id-ID"))
      .replace("%max%", MAX.toLocaleString("id-ID"))
      .replace("%cut%", shown);
    warn.hidden = false;
    return true;
  }
  input.addEventListener("input", checkLength);

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    if (checkLength() && !warned) {
      warned = true;
      warn.scrollIntoView({ block: "nearest" });
      input.focus();
      return;
    }
    input.value = "";
    checkLength();
    enqueue({ text }, text);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  log.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-choice]");
    if (b) enqueue({ choice: b.dataset.choice }, b.textContent);
  });

  /** Forgets the chat on the screen and in the browser, and replaces the page with a neutral one. */
  function quickExit() {
    forget();
    window.location.replace("https://www.google.com/");
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);

  // --- Start: the transcript of this browser, or the greeting the server put in the page ----
  const history = kept();
  if (history.length) {
    log.textContent = "";
    for (const entry of history) render(entry, false);
    // Back to the start of the last reply, where the reader was.
    const mine = [...log.querySelectorAll(".msg.me")].at(-1);
    let last = mine?.nextElementSibling;
    if (!last) last = mine || log.firstElementChild;
    if (last) log.scrollTop = last.offsetTop - 8;
  } else if (T.greeting) {
    keep(JSON.parse(T.greeting));
  }
  // Nobody is stored before they write; the page greeted, so the first message says so.
  greeted = !localStorage.getItem(STORE_ID) && !queue.length;
  if (!navigator.onLine) showStatus(queue.length ? T.offline : T.offlineShell, false);
  if (queue.length) pump();
  poll();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
})();
