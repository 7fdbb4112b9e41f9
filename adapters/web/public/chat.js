// Migrasi Aman web chat. Renders every message as text (never as HTML).
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("input");
  const STORE_ID = "migrasi-aman.chat";
  const STORE_LOG = "migrasi-aman.log";
  const MAX_KEPT = 60;

  function chatId() {
    let id = localStorage.getItem(STORE_ID);
    if (!id) {
      const bytes = new Uint8Array(12);
      crypto.getRandomValues(bytes);
      id = `w${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
      localStorage.setItem(STORE_ID, id);
    }
    return id;
  }

  function kept() {
    try {
      return JSON.parse(localStorage.getItem(STORE_LOG) || "[]");
    } catch {
      return [];
    }
  }

  function keep(entry) {
    const all = kept();
    all.push(entry);
    localStorage.setItem(STORE_LOG, JSON.stringify(all.slice(-MAX_KEPT)));
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
    const parts = String(text).split(/(\*[^*\n]+\*)/g);
    for (const part of parts) {
      if (part.length > 2 && part.startsWith("*") && part.endsWith("*")) {
        const b = document.createElement("strong");
        b.textContent = part.slice(1, -1);
        el.appendChild(phoneLink(b));
      } else if (part) {
        el.appendChild(document.createTextNode(part));
      }
    }
  }

  function render(entry, live) {
    const el = document.createElement("div");
    el.className = `msg ${entry.who}`;
    appendRich(el, entry.text);
    const buttons = [];
    if (entry.choices?.length) {
      const box = document.createElement("div");
      box.className = "choices";
      for (const c of entry.choices) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = c.label;
        b.dataset.choice = c.id;
        b.addEventListener("click", () => send({ choice: c.id }, c.label));
        box.appendChild(b);
        buttons.push(b);
      }
      el.appendChild(box);
    }
    if (entry.askLocation && live && navigator.geolocation) {
      const box = el.querySelector(".choices") || el.appendChild(document.createElement("div"));
      box.className = "choices";
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = log.dataset.location;
      b.addEventListener("click", () =>
        navigator.geolocation.getCurrentPosition((p) =>
          send({ location: { lat: p.coords.latitude, lon: p.coords.longitude } }, "📍"),
        ),
      );
      box.appendChild(b);
    }
    log.appendChild(el);
    log.scrollTop = log.scrollHeight;
  }

  function show(entry) {
    keep(entry);
    render(entry, true);
  }

  function note(text) {
    const el = document.createElement("p");
    el.className = "note";
    el.textContent = text;
    log.appendChild(el);
  }

  let busy = false;
  async function send(body, echo) {
    if (busy) return;
    busy = true;
    if (echo) show({ who: "me", text: echo });
    try {
      const res = await fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat: chatId(), ...body }),
      });
      const data = await res.json();
      // Typed keluar / exit: the same as the "Keluar cepat" button.
      if (data.meta?.exit) return quickExit();
      // The person deleted their data: forget this browser's chat id and transcript too.
      if (data.meta?.deleted) {
        localStorage.removeItem(STORE_LOG);
        localStorage.removeItem(STORE_ID);
        log.textContent = "";
      }
      for (const r of data.replies || [])
        show({ who: "bot", text: r.text, choices: r.choices, askLocation: r.askLocation });
    } catch {
      note(log.dataset.offline);
    } finally {
      busy = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  /** Forgets the chat on the screen and in the browser, and replaces the page with a neutral one. */
  function quickExit() {
    localStorage.removeItem(STORE_LOG);
    localStorage.removeItem(STORE_ID);
    log.textContent = "";
    window.location.replace("https://www.google.com/");
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);

  const history = kept();
  if (history.length) for (const entry of history) render(entry, false);
  else send({ text: "/start" });
})();
