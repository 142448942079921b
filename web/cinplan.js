// Loaded as a module (no inline script: the Content-Security-Policy allows
// none). Marks the page as able to run GOV.UK Frontend's and MOJ Frontend's
// components, then starts them. Every page works without it.
import { initAll as initGovuk } from "/assets/govuk-frontend.min.js";
import { initAll as initMoj } from "/assets/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initGovuk();
initMoj();

// The GOV.UK timeout warning: a little before the session's idle timeout a
// dialog offers to stay signed in (which asks the server, so the session is
// used again). When the time is out, the server is asked whether the session
// really ended (another tab may have kept it going): if it has, the page's
// form, if it has one, is sent anyway, so that the server keeps what was
// typed as a draft and shows it after sign-in; otherwise the sign-in page.
const dialog = document.getElementById("cinplan-timeout");
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
  const stillSignedIn = async () => {
    try {
      const r = await fetch("/api/session", { credentials: "same-origin" });
      return r.ok;
    } catch {
      return true;  // the server cannot be reached: say nothing yet
    }
  };
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
