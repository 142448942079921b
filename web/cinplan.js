// Loaded as a module (no inline script: the Content-Security-Policy allows
// none). Marks the page as able to run GOV.UK Frontend's and MOJ Frontend's
// components, then starts them. Every page works without it.
import { initAll as initGovuk } from "/assets/govuk-frontend.min.js";
import { initAll as initMoj } from "/assets/moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initGovuk();
initMoj();
