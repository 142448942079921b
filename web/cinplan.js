// Loaded as a module (no inline script: the Content-Security-Policy allows
// none). Marks the page as able to run GOV.UK Frontend's and MOJ Frontend's
// components, then starts them. Every page works without it.
import { initAll as initGovuk } from "/assets/govuk-frontend.min.js";
import { initAll as initMoj } from "/assets/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initGovuk();
initMoj();

// The caseload sorted in the page stays sorted so when its filter is
// applied: the form's hidden sort and order follow the heading chosen.
for (const head of document.querySelectorAll('table[data-module="moj-sortable-table"] thead')) {
  const form = document.querySelector('main form input[name="sort"]')?.form;
  if (!form) continue;
  head.addEventListener("click", () => {
    const th = head.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]');
    if (!th || !th.dataset.column) return;
    form.elements.sort.value = th.dataset.column;
    form.elements.order.value = th.getAttribute("aria-sort");
  });
}

// The GOV.UK timeout warning: a little before the session's idle timeout a
// dialog offers to stay signed in (which asks the server, so the session is
// used again). When the time is out, the server is asked whether the session
// really ended (another tab may have kept it going): if it has, the page's
// form, if it has one, is sent anyway, so that the server keeps what was
// typed as a draft and shows it after sign-in; otherwise the sign-in page.
const dialog = document.getElementById("cinplan-timeout");

// Whether the person this page was made for is still signed in here, with
// the session's CSRF token (another tab may have signed out and in again).
// The server cannot be reached: treated as signed in, so the form is sent
// and the server's own answer is shown.
const session = async () => {
  try {
    const r = await fetch("/api/session", { credentials: "same-origin" });
    // "Your session has ended": this browser still holds the session, so the
    // server keeps a form sent into it as a draft; "Sign in first": it holds
    // none (signed out, perhaps in another tab).
    if (!r.ok) return { signedIn: false, ended: /ended/.test((await r.json()).detail || "") };
    const j = await r.json();
    return { signedIn: j.signed_in.username === dialog.dataset.user, csrf: j.csrf_token };
  } catch {
    return { signedIn: true };
  }
};

// A case's form is checked before it goes: one too large for the server
// (1 MiB, its max_body_bytes), or sent when its person is no longer signed
// in here (signed out in another tab, so this browser has no session to keep
// a draft under), stays on the page with a message, and nothing typed is lost.
const caseForm = document.querySelector('main form input[name="version"]')?.form;
if (dialog && caseForm) {
  const say = (html) => {
    let box = document.getElementById("cinplan-not-sent");
    if (!box) {
      box = document.createElement("div");
      box.id = "cinplan-not-sent";
      box.className = "govuk-error-summary";
      box.tabIndex = -1;
      caseForm.before(box);
    }
    box.innerHTML = '<div role="alert"><h2 class="govuk-error-summary__title">Not sent yet</h2>' +
      '<div class="govuk-error-summary__body"><p class="govuk-body">' + html + "</p></div></div>";
    box.focus();
  };
  caseForm.addEventListener("submit", async (e) => {
    if (caseForm.dataset.checked === "yes") return;
    e.preventDefault();
    const submitter = e.submitter;
    const body = new URLSearchParams(new FormData(caseForm, submitter)).toString();
    const size = new Blob([body]).size;
    if (size > 1048576) {
      say(`What you typed is ${Math.ceil(size / 1048576)} MiB; cinplan takes at most 1 MiB in one form. ` +
          "Shorten the longest text (a long report can be summarised and kept as a document), then send it again.");
      return;
    }
    const now = await session();
    if (!now.signedIn && now.ended) {
      caseForm.dataset.checked = "yes";  // kept as a draft, shown again after sign-in
      caseForm.requestSubmit(submitter);
      return;
    }
    if (!now.signedIn) {
      say('You are signed out, perhaps in another tab, so this was not sent. What you typed is still here: ' +
          '<a class="govuk-link" href="/sign-in" target="_blank" rel="noopener">sign in again in a new tab</a>, ' +
          "then come back to this page and send it.");
      return;
    }
    if (now.csrf) caseForm.querySelector('input[name="csrf_token"]').value = now.csrf;
    caseForm.dataset.checked = "yes";
    caseForm.requestSubmit(submitter);
  });
}

if (dialog && typeof dialog.showModal === "function") {
  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warnFor = Math.min(120000, idle / 4);
  const left = dialog.querySelector(".cinplan-timeout__left");
  let warnTimer, endTimer, tick, endsAt;
  const words = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    if (s > 60) return `${Math.ceil(s / 60)} minutes`;
    return s === 1 ? "1 second" : `${s} seconds`;
  };
  const stillSignedIn = async () => (await session()).signedIn;
  const start = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(tick);
    endsAt = Date.now() + idle;
    warnTimer = setTimeout(() => {
      left.textContent = words(endsAt - Date.now());
      dialog.showModal();
      tick = setInterval(() => { left.textContent = words(endsAt - Date.now()); }, 1000);
    }, idle - warnFor);
    endTimer = setTimeout(ended, idle + 5000);
  };
  const ended = async () => {
    if (await stillSignedIn()) {
      if (dialog.open) dialog.close();
      start();
      return;
    }
    const version = document.querySelector('main form input[name="version"]');
    if (version) {
      version.form.submit();
      return;
    }
    window.location.assign("/sign-in?ended=1&next=" + encodeURIComponent(window.location.pathname));
  };
  const stay = async () => {
    if (dialog.open) dialog.close();
    if (await stillSignedIn()) start(); else ended();
  };
  dialog.querySelector("[data-timeout-stay]").addEventListener("click", stay);
  dialog.addEventListener("cancel", (e) => { e.preventDefault(); stay(); });
  start();
}
